/**
 * A `// @ts-ignore` or `// @ts-expect-error` just above a migrated v0 call may only have been
 * there for it (v0 was untyped, or `backend` possibly undefined); an unused `@ts-expect-error`
 * is itself an error after the migration. Reported as a review note, never removed.
 */
import type { Review } from "./report.js";

const DIRECTIVE = /^[ \t]*\/\/[ \t]*@ts-(ignore|expect-error)\b/;

/** The directive on the line above the one holding `offset`, if any. */
export function tsDirectiveAbove(text: string, offset: number): Review | null {
  // The line breaks before `offset`, found backwards: no lines of the file before it are made.
  const lineBreak = offset > 0 ? text.lastIndexOf("\n", offset - 1) : -1;
  if (lineBreak < 0) return null;
  const above = lineBreak > 0 ? text.lastIndexOf("\n", lineBreak - 1) + 1 : 0;
  const match = DIRECTIVE.exec(text.slice(above, lineBreak));
  return match ? { reason: "ts-directive-removable", data: { directive: `@ts-${match[1]}` } } : null;
}
