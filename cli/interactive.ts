/**
 * `--interactive`, as `git add -p` does it: the run is planned first (as `--dry`), then each
 * change is shown alone with its notes and a person answers; then the run is made again with
 * the changes answered no left out (transforms/change-ids), so every file is written once,
 * atomically, holding exactly the accepted changes, and "y" to all gives a plain run's bytes.
 * Ctrl-C while asking writes nothing.
 */
import path from "node:path";
import { colorizeDiff } from "./format.js";
import { findDirtyFiles } from "./git.js";
import { placeOf } from "./plan-changes.js";
import { runMigration } from "./run.js";
import { ExitCode, type FileResult, type RunOptions, type RunSummary } from "./types.js";
import { toPosix } from "./walk.js";

/** Why `--interactive` cannot run with these flags or without a terminal; undefined when it can. */
export function interactiveRefusal(flags: { dry?: boolean; check?: boolean; report: string }, input = process.stdin, output = process.stdout): string | undefined {
  if (flags.dry || flags.check) return "--interactive asks before it writes: it cannot be combined with --dry or --check.";
  if (flags.report !== "text") return `--interactive prints its questions on stdout: it cannot be combined with --report ${flags.report} (save it to a file with --json <file> or --markdown <file>).`;
  if (!input.isTTY || !output.isTTY) return "--interactive needs a terminal on stdin and stdout to ask its questions; without one, run without it (every change) or with --safe-only or --dry.";
  return undefined;
}

/** One question: a change, with its diff in each file it touches. */
interface Question {
  readonly name: string;
  readonly file: string;
  member: string;
  notes: readonly string[];
  readonly diffs: string[];
}

export async function runInteractive(options: RunOptions, beforeAsking: () => void, input = process.stdin, output = process.stdout): Promise<RunSummary> {
  const plan = await runMigration({ ...options, mode: "dry", changes: true });
  if (plan.refusedDirty || plan.interrupted) return plan;
  const changed = plan.files.filter((file) => file.status === "changed").map((file) => file.path);
  // Refused before a question is asked, not after all of them.
  const dirty = options.allowDirty ? [] : await findDirtyFiles(changed);
  if (dirty.length > 0) return { ...plan, mode: "write", files: [], counts: { scanned: 0, changed: 0, unchanged: 0, failed: 0 }, exitCode: ExitCode.Refused, refusedDirty: dirty };
  beforeAsking();
  const questions = questionsOf(plan.files);
  const color = !process.env.NO_COLOR;
  const accepted = new Set<string>();
  let stop: "quit" | "SIGINT" | "SIGTERM" | undefined;
  const keys = keyReader(input, options.signal);
  try {
    let allIn: string | undefined;
    for (const [index, question] of questions.entries()) {
      if (allIn === question.file) {
        accepted.add(question.name);
        continue;
      }
      const [file, line, column] = placeOf(question.name);
      const where = `${toPosix(path.relative(plan.cwd, file))}:${line}:${column}`;
      const diffs = question.diffs.map((diff) => (color ? colorizeDiff(diff) : diff)).join("");
      const notes = question.notes.map((note) => `Note: ${note}.\n`).join("");
      output.write(`\nChange ${index + 1} of ${questions.length}: ${question.member ? `\`${question.member}\` at ` : ""}${where}\n${diffs}${notes}apply? [y]es [n]o [a]ll in this file [q]uit `);
      const key = await keys.next();
      output.write(`${key === "\x03" ? "^C" : key}\n`);
      if (key === "y" || key === "a") accepted.add(question.name);
      if (key === "a") allIn = question.file;
      if (key === "q") stop = "quit";
      if (key === "\x03") stop = options.signal?.reason === "SIGTERM" ? "SIGTERM" : "SIGINT";
      if (stop) break;
    }
  } finally {
    keys.close();
  }
  if (stop === "SIGINT" || stop === "SIGTERM") {
    output.write("Interrupted while asking: nothing was written; every file is as it was.\n");
    const files = plan.files.map((file): FileResult => ({ path: file.path, status: file.status === "failed" ? "failed" : "unchanged", findings: [] }));
    return { ...plan, mode: "write", files, counts: { ...plan.counts, changed: 0, unchanged: plan.counts.scanned - plan.counts.failed }, exitCode: stop === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted, interrupted: { signal: stop, notProcessed: changed } };
  }
  const skip = questions.filter((question) => !accepted.has(question.name)).map((question) => question.name);
  output.write(`\nApplying ${accepted.size} of ${questions.length} change(s)${skip.length ? `; the ${skip.length} skipped are listed as left for you` : ""}.\n\n`);
  return runMigration({ ...options, mode: "write", skip });
}

/** The changes in file order, each asked once, at the first file it touches. */
function questionsOf(files: readonly FileResult[]): Question[] {
  const byName = new Map<string, Question>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const change of file.changes ?? []) {
      let question = byName.get(change.name);
      if (!question) byName.set(change.name, (question = { name: change.name, file: file.path, member: "", notes: [], diffs: [] }));
      if (change.member) Object.assign(question, { member: change.member, notes: change.notes });
      if (change.diff) question.diffs.push(change.diff);
    }
  }
  return [...byName.values()];
}

/**
 * The person's keys, one at a time, from a terminal in raw mode (so that Ctrl-C arrives as a key,
 * `\x03`, and is answered here); keys typed ahead wait their turn. A signal from outside reads as Ctrl-C.
 */
function keyReader(input: NodeJS.ReadStream, signal: AbortSignal | undefined): { next(): Promise<string>; close(): void } {
  const typed: string[] = [];
  let waiting: ((key: string) => void) | undefined;
  const deliver = (): void => {
    const key = typed.shift();
    if (key === undefined || !waiting) {
      if (key !== undefined) typed.unshift(key);
      return;
    }
    const resolve = waiting;
    waiting = undefined;
    resolve(key);
  };
  const onData = (data: Buffer | string): void => {
    for (const char of data.toString()) {
      const key = char === "\x04" ? "q" : char.toLowerCase();
      if ("ynaq\x03".includes(key)) typed.push(key);
    }
    deliver();
  };
  const onAbort = (): void => {
    typed.unshift("\x03");
    deliver();
  };
  input.setRawMode?.(true);
  input.on("data", onData);
  input.resume();
  signal?.addEventListener("abort", onAbort);
  if (signal?.aborted) typed.push("\x03");
  return {
    next: () =>
      new Promise((resolve) => {
        waiting = resolve;
        deliver();
      }),
    close() {
      input.off("data", onData);
      signal?.removeEventListener("abort", onAbort);
      input.setRawMode?.(false);
      input.pause();
    },
  };
}
