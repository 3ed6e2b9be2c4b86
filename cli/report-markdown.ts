/**
 * `--report markdown` and `--markdown <file>`: the summary to paste into a pull request, built
 * from the JSON report so that it states the same facts. Each call links to its line, relative
 * to the git root so that the link opens on the hosting site, at its place in the file as
 * written (as it would be written for `--dry`; as it is for `--check`).
 */
import { closingLine, interruptedLine } from "./format.js";
import { linkBaseLine, linkPath, type LinkBase } from "./link-base.js";
import { code, lineLink, MAX_TABLE_ROWS, prose, table, text } from "./markdown.js";
import { isTyping, type JsonFinding, type JsonReport } from "./report.js";

const TITLE: Record<JsonReport["mode"], string> = { write: "ddclient-migrate", dry: "ddclient-migrate --dry", check: "ddclient-migrate --check" };

const POSITIONS: Record<JsonReport["mode"], string> = {
  write: "Lines are those of the files as written.",
  dry: "Nothing was written: lines are those of the files as they would be written (the `+` side of the diff).",
  check: "Nothing was written: lines are those of the files as they are.",
};

const FULL_LIST = "`--json <file>`";

export function formatMarkdown(report: JsonReport, base: LinkBase, max = MAX_TABLE_ROWS): string {
  const where = (f: JsonFinding): string => lineLink(linkPath(base, f.file), f.line);
  const { files, callSites, typings } = report.summary;
  const wouldBe = report.mode === "write" ? "" : "would be ";
  const lines = [`## ${TITLE[report.mode]}`, ""];

  if (report.refusedDirtyFiles.length > 0) {
    lines.push(`Refused to write: ${report.refusedDirtyFiles.length} of the files to migrate have uncommitted changes. Nothing was written.`, "");
    lines.push(...table(["File"], report.refusedDirtyFiles.map((file) => [text(linkPath(base, file))]), FULL_LIST, max));
    return lines.join("\n") + "\n";
  }

  lines.push(
    `${files.scanned} ${files.scanned === 1 ? "file" : "files"} scanned: ${files.changed} ${wouldBe}changed, ${files.unchanged} unchanged, ${files.failed} failed. ` +
      `Call sites: ${callSites.migrated} ${wouldBe}migrated, ${callSites.manual} left for a person, ${callSites.review} review ${callSites.review === 1 ? "note" : "notes"}.`,
    "",
    `${prose(POSITIONS[report.mode], false)} ${linkBaseLine(base)}`,
  );
  if (typings.migrated + typings.manual > 0) lines.push("", `Hand-written typings of the client: ${typings.migrated} ${wouldBe}migrated, ${typings.manual} left for a person.`);

  const calls = report.findings.filter((f) => !isTyping(f));
  if (calls.length > 0) {
    lines.push("", "### Calls per member", "");
    lines.push(...table(["Member", "v1", `${wouldBe ? "Would be m" : "M"}igrated`, "Left for a person", "Review notes"], perMember(calls), FULL_LIST, max));
  }

  const manual = report.findings.filter((f) => f.kind === "manual");
  if (manual.length > 0) {
    lines.push("", `### Left for a person (${manual.length})`, "");
    lines.push(...table(["Where", "Member", "Reason", "Why"], manual.map((f) => [where(f), code(f.member), code(f.reason ?? ""), prose(f.message)]), FULL_LIST, max));
  }

  const reviews = report.findings.flatMap((f) => f.review.map((r) => [where(f), code(f.member), code(r.reason), prose(r.message)]));
  if (reviews.length > 0) {
    lines.push("", `### ${wouldBe ? "Would be m" : "M"}igrated, please review (${reviews.length})`, "");
    lines.push(...table(["Where", "Member", "Note", "What to check"], reviews, FULL_LIST, max));
  }

  const failed = report.files.filter((f) => f.status === "failed");
  if (failed.length > 0) {
    lines.push("", `### Failed, left untouched (${failed.length})`, "");
    lines.push(...table(["File", "Error"], failed.map((f) => [text(linkPath(base, f.path)), text(f.error ?? "")]), FULL_LIST, max));
  }

  if (report.skipped.length > 0) {
    lines.push("", `### Skipped (${report.skipped.length})`, "");
    lines.push(...table(["Path", "Why"], report.skipped.map((s) => [text(linkPath(base, s.path)), text(s.message)]), FULL_LIST, max));
  }

  if (report.notices.length > 0) lines.push("", "### Also to do", "", ...report.notices.map((notice) => `- ${text(notice)}`));

  if (report.interrupted) {
    const { written } = report.interrupted;
    if (written.length > 0) lines.push("", `### Written before the interrupt (${written.length})`, "", ...written.map((file) => `- ${text(linkPath(base, file))}`));
    lines.push("", prose(interruptedLine(report.interrupted), false));
  } else lines.push("", prose(closingLine(report), false));
  return lines.join("\n") + "\n";
}

/** One row per member, sorted: its v1 counterpart and its calls migrated, left, and their review notes. */
function perMember(calls: readonly JsonFinding[]): string[][] {
  const byMember = new Map<string, JsonFinding[]>();
  for (const f of calls) byMember.set(f.member, [...(byMember.get(f.member) ?? []), f]);
  return [...byMember.keys()].sort().map((member) => {
    const of = byMember.get(member)!;
    const migrated = of.filter((f) => f.kind === "migrated");
    const v1 = of[0]!.replacement;
    return [code(member), v1 ? code(v1) : "none", String(migrated.length), String(of.length - migrated.length), String(migrated.reduce((n, f) => n + f.review.length, 0))];
  });
}
