/**
 * `ddclient-migrate check --format markdown`: the check's report as a pull request comment,
 * each problem linked to its line relative to the git root (cli/report-markdown.ts does the
 * same for the migration). The check writes nothing: lines are those of the files as they are.
 */
import { closingLine, countsLine, type CheckJsonReport } from "./check-report.js";
import { linkBaseLine, linkPath, type LinkBase } from "./link-base.js";
import { code, lineLink, MAX_TABLE_ROWS, prose, table, text } from "./markdown.js";

const FULL_LIST = "`--format json`";

/** What becomes of a problem, by its `rewrite`. */
const REWRITE = { fix: "automatic", suggestion: "suggested, to review" } as const;

export function formatCheckMarkdown(report: CheckJsonReport, base: LinkBase, max = MAX_TABLE_ROWS): string {
  const lines = ["## ddclient-migrate check", "", text(countsLine(report)), "", `Nothing was written: lines are those of the files as they are. ${linkBaseLine(base)}`];

  if (report.summary.findings > 0) {
    lines.push("", "### Problems per rule", "");
    lines.push(...table(["Rule", "Problems"], Object.entries(report.summary.byRule).map(([rule, n]) => [code(rule), String(n)]), FULL_LIST, max));
    lines.push("", `### Problems (${report.findings.length})`, "");
    const rows = report.findings.map((f) => [lineLink(linkPath(base, f.file), f.line), code(f.ruleId), f.rewrite ? REWRITE[f.rewrite] : "by hand", prose(f.message)]);
    lines.push(...table(["Where", "Rule", "Rewrite", "Message"], rows, FULL_LIST, max));
  }

  const failed = report.files.filter((f) => f.status === "failed");
  if (failed.length > 0) {
    lines.push("", `### Failed, not checked (${failed.length})`, "");
    lines.push(...table(["File", "Error"], failed.map((f) => [text(linkPath(base, f.path)), text(f.error ?? "")]), FULL_LIST, max));
  }
  const skipped = report.files.filter((f) => f.status === "skipped");
  if (skipped.length > 0) {
    lines.push("", `### Skipped (${skipped.length})`, "");
    lines.push(...table(["Path", "Why"], skipped.map((f) => [text(linkPath(base, f.path)), text(f.note ?? "")]), FULL_LIST, max));
  }

  lines.push("", prose(closingLine(report), false));
  return lines.join("\n") + "\n";
}
