/**
 * After migration, v0 members taken off the client by destructuring may be used nowhere:
 *
 * Before: const { backend } = window.ddClient;      (every `backend.get(…)` now reads `ddClient.extension.vm.service.get(…)`)
 * After:  (the declaration is gone)
 * Before: const { backend, toastError, extension } = window.ddClient;
 * After:  const { extension } = window.ddClient;
 *
 * Only v0 members no longer used are removed; the rest of the pattern stays as written.
 */
import type { Range } from "./call-site.js";
import type { Edit } from "./report.js";

export interface DestructuredProperty {
  /** The property as written (`backend`, `backend: be`). */
  readonly range: Range;
  /** A v0 member (`backend`, `execHostCmd`) whose binding is used nowhere. */
  readonly removable: boolean;
}

export interface DestructuringDescription {
  /** The whole statement, and the same widened to its lines when it stands alone on them. */
  readonly statement: Range;
  readonly lines: Range | null;
  /** The declaration declares this pattern only (`const { a } = c;`, not `const { a } = c, x = 1;`). */
  readonly alone: boolean;
  readonly properties: readonly DestructuredProperty[];
}

export function planUnusedDestructuring(d: DestructuringDescription): Edit[] {
  const removable = d.properties.filter((p) => p.removable);
  if (removable.length === 0) return [];
  if (removable.length === d.properties.length) {
    if (!d.alone) return [];
    return [{ ...(d.lines ?? d.statement), text: "" }];
  }
  // A run of removed properties goes with the separator after it, or, at the end of the
  // pattern, with the separator before it: `{ a, b, c }` less b and c is `{ a }`.
  const edits: Edit[] = [];
  const props = d.properties;
  for (let i = 0; i < props.length; i++) {
    if (!props[i]!.removable) continue;
    let j = i;
    while (j + 1 < props.length && props[j + 1]!.removable) j++;
    const next = props[j + 1];
    edits.push(next ? { start: props[i]!.range.start, end: next.range.start, text: "" } : { start: props[i - 1]!.range.end, end: props[j]!.range.end, text: "" });
    i = j;
  }
  return edits;
}
