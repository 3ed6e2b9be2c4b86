/**
 * Where a place of a text stands once edits are applied (core/report `applyEdits`), so that a
 * report gives `file:line:column` in the file as written, where an editor opens it. A place
 * outside every edit moves by the edits before it; a place inside a replaced range moves to
 * the start of its replacement (a migrated call: the first segment of its v1 call); a place
 * where text is only inserted stays after the insertion (`--client import`'s header).
 *
 *   mapPosition("a;\nf(x);", [{ start: 0, end: 0, text: "import …;\n" }], { line: 2, column: 1 })  // { line: 3, column: 1 }
 */
import type { Edit, Position } from "./report.js";

/**
 * The offset of each line's start, after ECMAScript's line terminators as the parser counts
 * lines (`\r\n`, `\r`, `\n`, U+2028, U+2029): read by character, with no match object a line.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 || code === 0x2028 || code === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetAt(starts: readonly number[], at: Position): number {
  return (starts[at.line - 1] ?? starts[starts.length - 1]!) + at.column - 1;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** `offset` of the text the edits apply to, in the text they give. */
export function mapOffset(edits: readonly Edit[], offset: number): number {
  let shift = 0;
  let inside: Edit | undefined;
  for (const edit of edits) {
    // A replacement that ends at the place, or an insertion there, comes before it.
    if (edit.start < edit.end ? edit.end <= offset : edit.start <= offset) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start <= offset && offset < edit.end) inside = edit;
  }
  return (inside ? inside.start : offset) + shift;
}

/**
 * `line:column` places of the same file named in a finding's text (`callers: "16:25, 17:23"`),
 * each moved by `move`; a place after a path (`src/a.ts:3:4`, another file) is left as it is.
 */
export function movePlacesInText(text: string, move: (at: Position) => Position): string {
  return text.replace(/(?<![\w./:-])(\d+):(\d+)(?![\d:])/g, (_, line: string, column: string) => {
    const at = move({ line: Number(line), column: Number(column) });
    return `${at.line}:${at.column}`;
  });
}

/** Positions of `source` in `applyEdits(source, edits)`. */
export function positionMapper(source: string, edits: readonly Edit[], output: string): (at: Position) => Position {
  // Counted at the first place moved: most edited files have no finding left to move.
  let from: number[] | undefined;
  let to: number[] | undefined;
  return (at) => positionAt((to ??= lineStarts(output)), mapOffset(edits, offsetAt((from ??= lineStarts(source)), at)));
}
