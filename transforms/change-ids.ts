/**
 * The changes `--interactive` asks about, by name: a call site's rewrite (with its hoisted
 * callback and layout) is named by its v0 call's place in the file as read,
 * `<absolute path>:<line>:<column>`, the same whichever other changes are applied, so that a run
 * told to skip some names makes exactly the others (cli/interactive). A call nested in another
 * one's rewrite is met again in a later pass at a new place: it keeps its first pass's name.
 */
import { lineStarts, offsetAt, positionAt } from "../core/edit-positions.js";
import type { Edit, Position } from "../core/report.js";

export interface ChangeNames {
  /** The name of a site met in `pass` (`at`: its place in that pass's text). */
  nameOf(member: string, at: Position, pass: number): string;
  /** The site named last is kept in its pass: a later site of the member is another waiting one. */
  claim(member: string, name: string, pass: number): void;
}

/**
 * `callerEdits`: what was applied to the file before the first pass (a project wrapper's callers),
 * taken back out of the places so that a name does not depend on them. `waiting`: the first
 * pass's deferred sites at their first-pass places, as each later pass consumes them (transforms/migrate).
 */
export function changeNames(file: string, original: string, firstText: string, callerEdits: readonly Edit[], waiting: readonly { member: string; at: Position }[]): ChangeNames {
  const from = lineStarts(firstText);
  const to = lineStarts(original);
  const named = (at: Position): string => {
    const { line, column } = positionAt(to, unmapOffset(callerEdits, offsetAt(from, at)));
    return `${file}:${line}:${column}`;
  };
  const claimed = new Set<number>();
  let pass = 0;
  const last = new Map<string, string>();
  const next = (member: string, now: number): number => {
    if (now !== pass) claimed.clear();
    pass = now;
    return waiting.findIndex((site, i) => site.member === member && !claimed.has(i));
  };
  return {
    nameOf(member, at, now) {
      if (now === 0) return named(at);
      const index = next(member, now);
      // None waiting: a copy of a statement already placed (written into two stream handlers) goes with it.
      return index < 0 ? (last.get(member) ?? named(at)) : named(waiting[index]!.at);
    },
    claim(member, name, now) {
      if (now === 0) return;
      const index = next(member, now);
      if (index >= 0) claimed.add(index);
      last.set(member, name);
    },
  };
}

/** An offset of `applyEdits(text, edits)` in `text`; one inside an edit's new text, the edit's start. */
function unmapOffset(edits: readonly Edit[], offset: number): number {
  let shift = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = edit.start + shift;
    if (offset < start) break;
    if (offset < start + edit.text.length) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}
