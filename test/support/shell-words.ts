/**
 * What dash and bash make of a command line's words, without the shell running any command of
 * it: each line is `eval`ed in a subshell as `set -- <line>`, and the positional parameters
 * are printed NUL-separated. Lines run in batches (one shell per batch, not per line), each
 * isolated in its subshell so an error in one cannot touch the next, and `eval` reads the line
 * exactly as `sh -c` would.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The words, or `error` when the shell rejected the line or failed while expanding it. */
export type ShellWords = readonly string[] | "error";

export const SHELLS = ["dash", "bash"].filter((shell) => existsSync(`/bin/${shell}`) || existsSync(`/usr/bin/${shell}`));

/**
 * A scratch directory holding files every glob of the generated lines would match, and a HOME
 * of its own, so an expansion the splitter missed changes the shell's words instead of
 * passing unnoticed; an environment of PATH, HOME and a UTF-8 locale only.
 */
export function shellSandbox(): { cwd: string; env: NodeJS.ProcessEnv; remove: () => void } {
  const cwd = mkdtempSync(join(tmpdir(), "split-sh-"));
  for (const name of ["a", "b", "ab", "x1", "a.b", "-", "]", "é", ".0"]) writeFileSync(join(cwd, name), "");
  mkdirSync(join(cwd, "home"));
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: join(cwd, "home"), LC_ALL: "C.UTF-8" };
  return { cwd, env, remove: () => rmSync(cwd, { recursive: true, force: true }) };
}

const singleQuoted = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;
// A newline, not `;`, ends the line, so a comment the splitter missed eats only itself.
const script = (line: string): string => `set -- ${line}\nfor a; do printf '%s\\0' "$a"; done`;

/**
 * The words `shell` gives each line (see the file comment). `prelude` runs first: bash's
 * `shopt -s nullglob` drops a pattern that matches no file, which shows it was one.
 */
export function shellWords(shell: string, lines: readonly string[], sandbox: { cwd: string; env: NodeJS.ProcessEnv }, prelude = ""): ShellWords[] {
  // Each line ends with a record `\x01<status>`; its words come before it.
  const body = prelude + "\n" + lines.map((line) => `(eval ${singleQuoted(script(line))}) 2>/dev/null; printf '\\001%s\\0' "$?"`).join("\n");
  // On stdin: a batch outgrows the 128 KiB an argument may hold.
  const run = spawnSync(shell, ["-s"], { input: body, cwd: sandbox.cwd, env: sandbox.env, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  const results: ShellWords[] = [];
  let words: string[] = [];
  for (const record of run.stdout.split("\0").slice(0, -1)) {
    if (!record.startsWith("\x01")) {
      words.push(record);
      continue;
    }
    results.push(record === "\x010" ? words : "error");
    words = [];
  }
  if (results.length !== lines.length) throw new Error(`${shell} answered ${results.length} of ${lines.length} lines: ${run.stderr}`);
  return results;
}
