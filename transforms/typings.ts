/**
 * The hand-written typings of a file: migrated with the calls when the run says what the
 * project calls (`typing`, set by the CLI), else reported as they are. The file's own calls
 * count with the rest of the project's.
 */
import { planTyping, type TypingContext } from "../core/plan-typing.js";
import type { Edit, Finding } from "../core/report.js";
import { findDeprecation } from "../deprecations/table.js";
import type { EngineFile } from "../engine/file.js";
import { describeTypings, handWrittenTypings } from "../engine/typings.js";

export function planTypings(file: EngineFile, context: TypingContext | undefined, findings: readonly Finding[]): { edits: Edit[]; findings: Finding[] } {
  const own = (kind: Finding["kind"]): string[] => findings.flatMap((f) => (f.kind === kind && findDeprecation(f.member) ? [f.member] : []));
  const skipped = findings.some((f) => f.kind === "manual" && f.reason === "interactive-skipped");
  const merged: TypingContext | undefined = context && { ...context, migrated: [...(context.migrated ?? []), ...own("migrated")], remaining: [...(context.remaining ?? []), ...own("manual")] };
  // Every call it types answered no in --interactive: the typing does not change alone.
  if (!merged || (merged.migrated!.length === 0 && (skipped || context!.skipped === true))) return { edits: [], findings: handWrittenTypings(file).map((typing) => typing.finding) };
  const edits: Edit[] = [];
  const planned: Finding[] = [];
  for (const { typing } of describeTypings(file)) {
    const plan = planTyping(typing, merged, { text: file.source, indentUnit: file.style.indentUnit });
    if (!plan) {
      // A v1 member typed by hand next to v0 ones: merging them is left to a person.
      planned.push(...handWrittenTypings(file).filter((reported) => reported.finding.at.line === typing.at.line && reported.finding.at.column === typing.at.column).map((reported) => reported.finding));
      continue;
    }
    edits.push(...plan.edits);
    if (plan.finding) planned.push(plan.finding);
  }
  return { edits, findings: planned };
}
