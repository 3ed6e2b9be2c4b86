/**
 * Property test of the v1 → v0 join (compat/v0-line.ts): for random `exec(cmd, args)` calls
 * (quotes, blanks, newlines, unicode, operators, globs, `$`, backslashes, empty strings, reserved
 * words, assignments), the one line the layer hands a v0 host must give back, word for word, the
 * argv the v1 call gives its binary: the elements themselves (raw hosts), or Docker Desktop's
 * re-read of them (the simulated host's `rereadWords`). Three readers check each line: core's
 * splitter, the simulated v0 host's shell, and real shells (dash and bash) running a binary that
 * prints its argv. Seeded: `COMPAT_LINE_SEED` and `COMPAT_LINE_CASES` run others; a failure
 * prints the seed, the case and its arguments.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.mjs";
import { v0Line } from "../../compat/v0-line.js";
import { splitPlainCommandLine } from "../../core/split-command-line.js";
import { rereadWords, shellWords } from "../simulated-host/shell.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = Number(process.env.COMPAT_LINE_SEED ?? 0xc0ffee);
const CASES = Number(process.env.COMPAT_LINE_CASES ?? 600);
/** The real shells start one process per case: a prefix of the cases keeps them a few seconds on a loaded machine. */
const SHELL_CASES = Math.min(CASES, Number(process.env.COMPAT_LINE_SHELL_CASES ?? 200));

const PIECES = [
  ..."abcxyz019-_.,:=@%+/".split(""),
  "--flag",
  "name",
  ...["'", '"', "\\", "\\\\", "'\\''", "$", "$HOME", "${x}", "$(date)", "`", "\\$"],
  ...["|", "||", "&&", ";", "&", "<", ">", ">>", "(", ")", "*", "?", "[", "]", "{", "}", "{a,b}", "~", "#", "!", "^"],
  ...[" ", "  ", "\t", "\n", "\r", "\u00a0"],
  ...["é", "日本", "😀", "ß"],
  ...["if", "then", "time", "A=1", "error|warn", "--output=jsonpath={.items[*].name}", '"{{json .}}"'],
];
/** Command names a shell might read as more than a name; none is a builtin of dash or bash. */
const AWKWARD_COMMANDS = ["if", "then", "fi", "time", "function", "coproc", "select", "[[", "]]", "{", "}", "!", "A=1", "#x", "~x", "-x", "it's", "a b", "é", "x|y", "*", "$x", "x\ny"];

interface Case {
  readonly index: number;
  readonly cmd: string;
  readonly args: string[];
}

function generateCases(seed: number, count: number, bin: string): Case[] {
  const random = mulberry32(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const word = (): string => (random() < 0.1 ? "" : Array.from({ length: 1 + int(4) }, () => pick(PIECES)).join(""));
  const name = (): string => "x" + word().replace(/\//g, "");
  return Array.from({ length: count }, (_, index) => {
    const roll = random();
    const cmd = roll < 0.3 ? pick(AWKWARD_COMMANDS) : roll < 0.8 ? name() : join(bin, name());
    return { index, cmd, args: Array.from({ length: int(5) }, word) };
  });
}

// A directory on PATH where every command name is a link to one script that prints its argv
// NUL-separated, count first; the working directory holds files any missed glob would match.
const scratch = mkdtempSync(join(tmpdir(), "compat-v0-line-"));
const bin = join(scratch, "bin");
mkdirSync(bin);
for (const name of ["a", "b", "ab", "x1", "-x"]) writeFileSync(join(scratch, name), "");
const printArgv = join(scratch, "print-argv");
writeFileSync(printArgv, `#!/bin/sh\nprintf '%s\\0' "$#" "$0" "$@"\n`);
chmodSync(printArgv, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }), IO_TIMEOUT);

const env = { PATH: `${bin}:${process.env.PATH ?? "/usr/bin:/bin"}`, HOME: join(scratch, "home"), LC_ALL: "C" };
const shells = ["dash", "bash"].filter((shell) => ["/bin", "/usr/bin"].some((dir) => existsSync(join(dir, shell))));

/** The program a line's first word runs must exist: a link named like it, or the absolute path given. */
function provide(program: string): boolean {
  const name = program.startsWith(bin + "/") ? program.slice(bin.length + 1) : program;
  if (name.includes("/") || name === "" || Buffer.byteLength(name) > 200) return false;
  const path = join(bin, name);
  if (!existsSync(path)) symlinkSync(printArgv, path);
  return true;
}

/** What each line's program received, from one shell script of all the lines: [argv[0] as run, ...args]. */
function argvFromShell(shell: string, lines: readonly string[]): string[][] {
  const out = execFileSync(shell, ["-c", lines.join("\n")], { cwd: scratch, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  const fields = out.split("\0");
  const runs: string[][] = [];
  for (let at = 0; at < fields.length - 1; ) {
    const count = Number(fields[at]);
    runs.push(fields.slice(at + 1, at + 2 + count));
    at += 2 + count;
  }
  return runs;
}

const describeCase = (semantics: string, c: Case, line?: string): string =>
  `seed ${SEED} case ${c.index} (${semantics}): exec(${JSON.stringify(c.cmd)}, ${JSON.stringify(c.args)})${line === undefined ? "" : ` → ${JSON.stringify(line)}`}`;

describe.each([
  ["raw", true],
  ["docker-desktop", false],
] as const)("v0Line with %s argument semantics", (semantics, rawArgs) => {
  const cases = generateCases(SEED, CASES, bin);
  /** The argv the v1 call gives its binary, and the layer's line (or its refusal). */
  const results = cases.map((c) => {
    const expected = rawArgs ? [c.cmd, ...c.args] : rereadWords([c.cmd, ...c.args].join(" "));
    try {
      return { c, expected, line: v0Line([c.cmd, ...c.args], rawArgs, "extension.host.cli.exec") };
    } catch (error) {
      return { c, expected, refusal: (error as Error).message };
    }
  });
  const accepted = results.filter((result): result is typeof result & { line: string } => result.line !== undefined);

  it("refuses only what no line can carry", () => {
    const wrong: string[] = [];
    for (const { c, refusal } of results) {
      if (refusal === undefined) continue;
      const joined = [c.cmd, ...c.args].join(" ");
      // An open quote or a final backslash leaves Docker Desktop's re-read undefined; an empty re-read names no command.
      const justified = rawArgs ? false : refusal.includes("open") ? endsOpen(joined) : refusal.includes("no command") && rereadWords(joined).length === 0;
      if (!justified) wrong.push(`${describeCase(semantics, c)}: ${refusal}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(accepted.length / cases.length).toBeGreaterThanOrEqual(rawArgs ? 1 : 0.4);
  }, 60_000);

  it("gives back the argv through core's splitter and the simulated v0 host's shell", () => {
    const wrong: string[] = [];
    for (const { c, expected, line } of accepted) {
      const core = splitPlainCommandLine(line);
      const simulated = shellWords(line);
      if (!core.ok || JSON.stringify(core.words) !== JSON.stringify(expected) || JSON.stringify(simulated) !== JSON.stringify(expected)) {
        wrong.push(`${describeCase(semantics, c, line)}: wanted ${JSON.stringify(expected)}, core ${JSON.stringify(core.ok ? core.words : core)}, simulated ${JSON.stringify(simulated)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it.each(shells)("gives back the argv through %s", (shell) => {
    const runnable = accepted.filter(({ c, expected }) => c.index < SHELL_CASES && provide(expected[0]!));
    expect(runnable.length).toBeGreaterThanOrEqual(Math.min(SHELL_CASES, 40) * (rawArgs ? 0.6 : 0.3));
    const got = argvFromShell(shell, runnable.map(({ line }) => line));
    const wrong: string[] = [];
    runnable.forEach(({ c, expected, line }, i) => {
      const program = expected[0]!.includes("/") ? expected[0]! : join(bin, expected[0]!);
      const want = [program, ...expected.slice(1)];
      if (JSON.stringify(got[i]) !== JSON.stringify(want)) wrong.push(`${describeCase(semantics, c, line)}: wanted ${JSON.stringify(want)}, ${shell} ran ${JSON.stringify(got[i])}`);
    });
    // The first mismatch says it all: a line the shell misread shifts every later one.
    expect(wrong.slice(0, 1)).toEqual([]);
    expect(got.length).toBe(runnable.length);
  }, 120_000);
});

/** An independent quote-state walk: the line ends inside a quote, or on a backslash that escapes nothing. */
function endsOpen(line: string): boolean {
  let state: "none" | "'" | '"' = "none";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (state === "'") state = ch === "'" ? "none" : state;
    else if (ch === "\\" && i === line.length - 1) return true;
    else if (ch === "\\" && (state === "none" || '$`"\\\n'.includes(line[i + 1]!))) i++;
    else if (state === '"') state = ch === '"' ? "none" : state;
    else if (ch === "'" || ch === '"') state = ch;
  }
  return state !== "none";
}
