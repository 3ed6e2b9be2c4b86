/** Text edits at offsets, and the report types (deprecations/findings) every planner returns. */
export type { Finding, ManualReason, Position, Review, ReviewReason } from "../deprecations/findings.js";
export { BEHAVIOUR_REVIEWS } from "../deprecations/findings.js";

/** A text replacement in the original source; edits of one file never overlap. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(source: string, edits: readonly Edit[]): string {
  // An insertion sorts before a replacement starting at the same offset.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at ${edit.start}`);
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}
