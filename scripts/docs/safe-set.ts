/**
 * docs/cli.md's table of which rewrites `eslint --fix` and `--safe-only` apply and which only
 * the default run applies, from the review notes and core/report's one predicate.
 */
import { changesBehaviour } from "../../core/report.js";
import { describeReview, REVIEW_REASONS } from "../../deprecations/messages.js";
import type { ReviewReason } from "../../deprecations/findings.js";

/** Sample data for each note's sentence. */
const SAMPLE = { word: '"a b"', expression: "id", array: "files", directive: "@ts-ignore", callers: "src/App.tsx:12", event: "error", member: "listContainers", typed: "Promise<Container[]>", value: "void", replaced: "ExecProcess", position: "ArrowFunctionExpression.body", kept: "void" };

export function renderSafeSetTable(): string {
  const applies = (reason: ReviewReason | null): boolean =>
    !changesBehaviour({ kind: "migrated", member: "execHostCmd", at: { line: 1, column: 1 }, review: reason ? [{ reason, data: SAMPLE }] : [] });
  const lines = [
    "| A migrated call with the review note | `eslint --fix` and `--safe-only` | Default run | The note says |",
    "|---|---|---|---|",
    `| none | ${applies(null) ? "applied" : "left"} | applied | |`,
  ];
  for (const reason of REVIEW_REASONS) {
    const safe = applies(reason) ? "applied, with the note" : "left: a suggestion in ESLint, `safe-only-skipped` in the report";
    lines.push(`| \`${reason}\` | ${safe} | applied, with the note | ${describeReview({ reason, data: SAMPLE }).replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n");
}
