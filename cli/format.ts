/**
 * The printed summary, built from the JSON report so both always state the same facts.
 */
import { isTyping, type JsonReport } from "./report.js";
import { incompleteVerdict } from "./skipped.js";

export function formatSummary(report: JsonReport): string {
  const { files, callSites, migratedByMember, typings } = report.summary;
  const wouldBe = report.mode === "write" ? "" : "would be ";
  const lines: string[] = [];
  lines.push(
    `Scanned ${plural(files.scanned, "file")}: ${files.changed} ${wouldBe}changed, ${files.unchanged} unchanged, ${files.failed} failed.`,
  );

  const members = Object.entries(migratedByMember);
  if (members.length > 0) {
    lines.push("", `Call sites ${wouldBe}migrated (${callSites.migrated}):`);
    const width = Math.max(...members.map(([member]) => member.length));
    for (const [member, count] of members) lines.push(`  ${member.padEnd(width)}  ${count}`);
  }
  const typed = report.findings.filter((f) => isTyping(f) && f.kind === "migrated");
  if (typed.length > 0) {
    lines.push("", `Hand-written typings of the client ${wouldBe}migrated (${typings.migrated}):`);
    for (const f of typed) lines.push(`  ${f.file}:${f.line}:${f.column}`);
  }

  const manual = report.findings.filter((f) => f.kind === "manual");
  if (manual.length > 0) {
    lines.push("", `Left for you to migrate (${manual.length}):`);
    for (const f of manual) lines.push(`  ${f.file}:${f.line}:${f.column}  ${indented(f.message)}`);
  }

  if (report.notices.length > 0) lines.push("", "Also to do:", ...report.notices.map((notice) => `  ${notice}`));

  const reviews = report.findings.flatMap((f) => f.review.map((r) => ({ f, r })));
  if (reviews.length > 0) {
    lines.push("", `Migrated, please review (${callSites.review}):`);
    for (const { f, r } of reviews) lines.push(`  ${f.file}:${f.line}:${f.column}  \`${f.member}\`: ${r.message}`);
  }

  const failed = report.files.filter((f) => f.status === "failed");
  if (failed.length > 0) {
    lines.push("", `Failed, left untouched (${failed.length}):`);
    for (const f of failed) lines.push(`  ${f.path}: ${f.error}`);
  }

  if (report.skipped.length > 0) lines.push("", `Skipped (${report.skipped.length}):`, ...report.skipped.map((s) => `  ${s.path}: ${s.message}`));

  if (report.interrupted) {
    const { written } = report.interrupted;
    if (written.length > 0) lines.push("", `Written before the interrupt (${written.length}):`, ...written.map((file) => `  ${file}`));
    lines.push("", interruptedLine(report.interrupted));
  } else lines.push("", closingLine(report));
  return lines.join("\n") + "\n";
}

export function interruptedLine({ signal, written, notProcessed }: NonNullable<JsonReport["interrupted"]>): string {
  const wrote = written.length > 0 ? `wrote ${plural(written.length, "file")} (listed above)` : "wrote nothing";
  return `Interrupted by ${signal}: ${wrote}; ${plural(notProcessed.length, "file")} not processed, left as they were.`;
}

export function closingLine(report: JsonReport): string {
  switch (report.mode) {
    case "check":
      return checkVerdict(report);
    case "dry":
      return "Dry run: nothing was written.";
    case "write":
      return report.summary.files.changed > 0 ? `Wrote ${plural(report.summary.files.changed, "file")}.` : "Nothing to write.";
  }
}

/**
 * What `--check` found, and the next step that is true for it: a run without --check only
 * when it would migrate something, hand work when only calls left for a person remain.
 */
function checkVerdict(report: JsonReport): string {
  const { migrated, manual } = report.summary.callSites;
  const typings = report.summary.typings.migrated + report.summary.typings.manual;
  if (migrated + manual === 0) {
    if (report.summary.files.failed > 0) return "Check incomplete: some files could not be read or parsed.";
    if (typings > 0) return `Check failed: ${plural(typings, "hand-written typing")} of the client still ${typings === 1 ? "has" : "have"} v0 members. Run without --check over the project to migrate ${typings === 1 ? "it" : "them"}.`;
    return incompleteVerdict(report.skipped.map((s) => s.reason)) ?? "Check passed: no v0 call found.";
  }
  const typed = typings > 0 ? ` (and ${plural(typings, "hand-written typing")} of the client)` : "";
  const remaining = `Check failed: ${plural(migrated + manual, "call site")}${typed} still ${migrated + manual + typings === 1 ? "uses" : "use"} the v0 API.`;
  if (migrated === 0) {
    return `${remaining} None can be migrated automatically: migrate ${manual === 1 ? "it" : "them"} by hand as listed above, or keep a call on purpose with \`ddclient-migrate check\` and its \`--allow\` option or an \`eslint-disable\` comment.`;
  }
  if (manual === 0) return `${remaining} Run without --check to migrate ${migrated === 1 ? "it" : "them"}.`;
  return `${remaining} Run without --check to migrate ${migrated} of them; the other ${manual} ${manual === 1 ? "needs" : "need"} a person, as listed above.`;
}

export function formatRefusal(report: JsonReport): string {
  // The JSON report lists them all; a wall of paths on the terminal hides the advice below it.
  const shown = report.refusedDirtyFiles.slice(0, 20).map((file) => `  ${file}`);
  const hidden = report.refusedDirtyFiles.length - shown.length;
  const list = [...shown, ...(hidden > 0 ? [`  … and ${hidden} more (all of them are in --report json)`] : [])].join("\n");
  return (
    `Refusing to write: ${plural(report.refusedDirtyFiles.length, "file")} to migrate ${report.refusedDirtyFiles.length === 1 ? "has" : "have"} uncommitted changes:\n` +
    `${list}\n` +
    "Commit or stash them first, preview with --dry, or pass --allow-dirty to write anyway.\n"
  );
}

/** ANSI colours for a terminal: removed lines red, added green, hunk headers cyan. */
export function colorizeDiff(diff: string): string {
  return diff.replace(/^(?:(---|\+\+\+)|(@@)|(-)|(\+)).*$/gm, (line, header, hunk, removed) => {
    const code = header ? "1" : hunk ? "36" : removed ? "31" : "32";
    return `\x1b[${code}m${line}\x1b[0m`;
  });
}

/** A message's further lines (the typing's declaration) under its first, not at the margin. */
function indented(message: string): string {
  return message.replace(/\n/g, "\n      ");
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
