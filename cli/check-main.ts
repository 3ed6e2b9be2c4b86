/**
 * What `ddclient-migrate check` does once commander has parsed it: run the check, print or
 * write the report in the format asked for, and return the exit code from the run's summary.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheckFlags } from "./check-args.js";
import { formatCheckMarkdown } from "./check-markdown.js";
import { buildCheckReport, closingLine, countsLine, formatCheckText } from "./check-report.js";
import { runCheck } from "./check.js";
import { linkBaseOf } from "./link-base.js";
import { jsonPieces } from "./json-pieces.js";
import { buildSarif } from "./sarif.js";
import { ExitCode, UsageError } from "./types.js";

export async function runCheckCli(paths: readonly string[], flags: CheckFlags): Promise<number> {
  let summary;
  try {
    summary = await runCheck({
      paths,
      extensions: flags.extensions.split(",").map((ext) => ext.trim().replace(/^\./, "")).filter(Boolean),
      ignore: flags.ignore ?? [],
      allow: flags.allow ?? [],
      gitignore: flags.gitignore,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ddclient-migrate check: ${error.message}\n`);
      return ExitCode.Refused;
    }
    process.stderr.write(`ddclient-migrate check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.Failed;
  }

  const report = buildCheckReport(summary);
  // JSON goes in pieces, as the migration's report does (cli/json-pieces).
  const text: Iterable<string> =
    flags.format === "sarif"
      ? jsonPieces(buildSarif(summary))
      : flags.format === "json"
        ? jsonPieces(report)
        : [flags.format === "markdown" ? formatCheckMarkdown(report, await linkBaseOf(summary.cwd)) : formatCheckText(report)];
  if (flags.output === undefined) {
    for (const piece of text) process.stdout.write(piece);
    return summary.exitCode;
  }
  try {
    await mkdir(path.dirname(path.resolve(flags.output)), { recursive: true });
    await writeFile(flags.output, text);
  } catch (error) {
    process.stderr.write(`ddclient-migrate check: could not write the report to ${flags.output}: ${(error as Error).message}\n`);
    return ExitCode.Failed;
  }
  // The report went to a file; the CI log still says what happened.
  process.stderr.write(`${countsLine(report)}\n${closingLine(report)} Report written to ${flags.output}.\n`);
  return summary.exitCode;
}
