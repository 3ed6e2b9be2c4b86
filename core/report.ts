/** Text edits at offsets, and the report types (deprecations/findings) every planner returns. */
export type { Finding, ManualReason, Position, Review, ReviewReason } from "../deprecations/findings.js";
import { BEHAVIOUR_REVIEWS } from "../deprecations/findings.js";
import type { Finding } from "../deprecations/findings.js";
export { BEHAVIOUR_REVIEWS };

/**
 * A migration whose rewrite changes behaviour on some host or for the caller (a host-dependent
 * word, an interpolation no longer re-split, a result now a Promise…). The lint rule offers it
 * as a suggestion, which `eslint --fix` does not apply, and `--safe-only` leaves it for a
 * person; every other migration is the safe subset both apply.
 */
export function changesBehaviour(finding: Finding): boolean {
  return finding.kind === "migrated" && finding.review.some((review) => BEHAVIOUR_REVIEWS.has(review.reason));
}

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
