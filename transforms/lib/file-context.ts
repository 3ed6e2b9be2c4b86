/** Per-file facts every transform reads: the source, its language and style, and scope helpers. */
import type { FileStyle } from "../../core/call-site.js";
import type { NodePath, Reassignments } from "./scope.js";

export interface FileContext extends FileStyle {
  readonly source: string;
  readonly j: any;
  readonly root: any;
  readonly reassignments: Reassignments;
  /** Offsets where each line starts, computed on first use. */
  lineStarts?: number[];
  /** Every call of the function at `fn`, or null when it escapes the file's view (exported, passed as a value). */
  callsOf(fn: NodePath): NodePath[] | null;
}

/** Indentation of the line holding `offset`. */
export function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

export function detectIndentUnit(source: string): string {
  const counts = new Map<string, number>();
  let previous = "";
  for (const line of source.split("\n")) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length > previous.length && indent.startsWith(previous)) {
      const unit = indent.slice(previous.length);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    previous = indent;
  }
  let best = "  ";
  let bestCount = 0;
  for (const [unit, count] of counts) if (count > bestCount && /^( {2}| {4}|\t)$/.test(unit)) [best, bestCount] = [unit, count];
  return best;
}
