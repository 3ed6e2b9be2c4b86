/**
 * A `// @ts-ignore` or `// @ts-expect-error` just above a migrated v0 call may only have been
 * there for it (v0 was untyped, or `backend` possibly undefined); an unused `@ts-expect-error`
 * is itself an error after the migration. Reported as a review note, never removed.
 */
import type { Review } from "./report.js";
import { lineOf } from "./text.js";

const DIRECTIVE = /^[ \t]*\/\/[ \t]*@ts-(ignore|expect-error)\b/;

/** The directive on the line above the one holding `offset`, if any. */
export function tsDirectiveAbove(text: string, offset: number): Review | null {
  const line = lineOf(text, offset);
  if (line < 2) return null;
  const lines = text.split("\n", line);
  const match = DIRECTIVE.exec(lines[line - 2]!);
  return match ? { reason: "ts-directive-removable", data: { directive: `@ts-${match[1]}` } } : null;
}
