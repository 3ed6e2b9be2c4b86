/**
 * What the `ddclient-migrate` command does once commander has parsed it: run, print, report,
 * and return the exit code from the run's summary.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { colorizeDiff, formatRefusal, formatSummary } from "./format.js";
import { interactiveRefusal, runInteractive } from "./interactive.js";
import { abortOnSignals } from "./interrupt.js";
import { linkBaseOf } from "./link-base.js";
import { jsonPieces } from "./json-pieces.js";
import { createProgress } from "./progress.js";
import { writeReportFile } from "./report-file.js";
import { formatMarkdown } from "./report-markdown.js";
import { buildReport } from "./report.js";
import { runMigration } from "./run.js";
import type { CliFlags } from "./args.js";
import { ExitCode, UsageError, type RunMode, type RunOptions } from "./types.js";

export async function runCli(paths: readonly string[], flags: CliFlags): Promise<number> {
  const mode: RunMode = flags.check ? "check" : flags.dry ? "dry" : "write";
  const refusal = flags.interactive ? interactiveRefusal(flags) : undefined;
  if (refusal) {
    process.stderr.write(`ddclient-migrate: ${refusal}\n`);
    return ExitCode.Refused;
  }
  const progress = createProgress();
  const interrupt = abortOnSignals();
  let summary;
  try {
    const run = flags.interactive ? (options: RunOptions) => runInteractive(options, () => progress.clear()) : runMigration;
    summary = await run({
      paths,
      mode,
      extensions: flags.extensions.split(",").map((ext) => ext.trim().replace(/^\./, "")).filter(Boolean),
      ignore: flags.ignore ?? [],
      gitignore: flags.gitignore,
      allowDirty: flags.allowDirty ?? false,
      rawArgs: flags.rawArgs ?? false,
      safeOnly: flags.safeOnly ?? false,
      clientModules: flags.clientModule ?? [],
      client: flags.client,
      ...(flags.cpus !== undefined ? { cpus: flags.cpus } : {}),
      ...(flags.workerThreshold !== undefined ? { workerThreshold: flags.workerThreshold } : {}),
      runInBand: flags.runInBand ?? false,
      onProgress: (done, total) => progress.update(done, total),
      signal: interrupt.signal,
    });
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      process.stderr.write(`ddclient-migrate: ${error.message}\n`);
      return ExitCode.Refused;
    }
    // An unreadable directory, a git failure…: say what happened, with the stack for a bug report.
    process.stderr.write(`ddclient-migrate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.Failed;
  } finally {
    // Printing the summary is quick: a signal from here on ends the process as usual.
    interrupt.dispose();
  }
  progress.clear();

  const report = buildReport(summary);
  if (summary.refusedDirty) process.stderr.write(formatRefusal(report));
  // Only when asked for: finding the git root looks at every directory above.
  const markdown = flags.report === "markdown" || flags.markdown !== undefined ? formatMarkdown(report, await linkBaseOf(summary.cwd)) : "";
  if (flags.report === "json") {
    for (const piece of jsonPieces(report)) process.stdout.write(piece);
  } else if (flags.report === "markdown") {
    process.stdout.write(markdown);
  } else if (!summary.refusedDirty) {
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const diffs = summary.files.flatMap((file) => (file.diff ? [color ? colorizeDiff(file.diff) : file.diff] : []));
    process.stdout.write((diffs.length > 0 ? diffs.join("") + "\n" : "") + formatSummary(report));
  }
  if (flags.json !== undefined) {
    try {
      await mkdir(path.dirname(path.resolve(flags.json)), { recursive: true });
      await writeFile(flags.json, jsonPieces(report));
    } catch (error) {
      process.stderr.write(`ddclient-migrate: could not write the report to ${flags.json}: ${(error as Error).message}\n`);
      return summary.exitCode === ExitCode.Refused ? ExitCode.Refused : ExitCode.Failed;
    }
  }
  if (flags.markdown !== undefined) {
    try {
      await writeReportFile(flags.markdown, markdown);
    } catch (error) {
      process.stderr.write(`ddclient-migrate: could not write the Markdown report to ${flags.markdown}: ${(error as Error).message}\n`);
      return summary.exitCode === ExitCode.Refused ? ExitCode.Refused : ExitCode.Failed;
    }
  }
  return summary.exitCode;
}
