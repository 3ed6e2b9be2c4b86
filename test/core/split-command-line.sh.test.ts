/**
 * Differential test: the splitter against the real shell. Lines come from a seeded PRNG, so a
 * failure names a line that reproduces. For every line the splitter accepts, `sh` (dash on
 * Debian) and, when installed, `bash` must produce the same words; for every line it refuses,
 * the line must really hold what the refusal names, outside the quotes that would neutralise it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.mjs";
import { splitPlainCommandLine } from "../../core/split-command-line.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const PLAIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_=./:,@%+";
const RARE = ["$", "*", "|", ";", "&", ">", "#", "~", "{", "}", "\n", "`"];
const ANY = PLAIN + "  \t\t''\"\"\\\\" + RARE.join("");

function generateLines(seed: number, count: number): string[] {
  const random = mulberry32(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[] | string): T => items[int(items.length)] as T;
  const run = (alphabet: string, min: number, max: number): string => {
    let out = "";
    for (let n = min + int(max - min + 1); n > 0; n--) out += pick<string>(alphabet);
    return out;
  };
  const token = (): string => {
    const roll = int(100);
    if (roll < 30) return run(PLAIN, 1, 6);
    if (roll < 50) return run("  \t", 1, 3);
    if (roll < 60) return "'" + run(PLAIN + " \t\"\\$*|;#~{}\n`", 0, 6) + "'";
    if (roll < 70) {
      let body = "";
      for (let n = int(5); n > 0; n--) body += pick(["\\\"", "\\\\", "\\$", "\\x", "\\'", "\\\n", "'", " ", "\t", "*", "|", "#", "~", "{a,b}", run(PLAIN, 1, 4), "$ "]);
      return '"' + body + '"';
    }
    if (roll < 78) return "\\" + pick<string>(PLAIN + " \t'\"\\$*|;#~{}\n`");
    if (roll < 81) return pick(["''", '""']);
    if (roll < 83) return pick(["'", '"', "\\"]);
    if (roll < 88) return pick(RARE);
    if (roll < 91) return pick(["{a,b}", "{x}", "{1..3}", "{a,'b c'}", "{a,\\ b}", "{a\\,b}", "{a},b}", "{x}{a,b}", "a$ b", "$", "\\\n"]);
    return run(PLAIN, 1, 3);
  };
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random() < 0.15) {
      lines.push(run(ANY, 1, 14)); // character soup
      continue;
    }
    let line = "";
    for (let n = 1 + int(8); n > 0; n--) line += token();
    lines.push(line);
  }
  return lines;
}

// A scratch directory with files every glob would match and a HOME of its own, so an expansion
// the splitter missed changes the shell's words instead of passing unnoticed.
const scratch = mkdtempSync(join(tmpdir(), "split-sh-"));
for (const name of ["a", "b", "ab", "x1", "a.b", "-"]) writeFileSync(join(scratch, name), "");
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: join(scratch, "home"), LC_ALL: "C" };
afterAll(() => rmSync(scratch, { recursive: true, force: true }), IO_TIMEOUT);

const shells = ["sh", ...(existsSync("/bin/bash") || existsSync("/usr/bin/bash") ? ["bash"] : [])];

/** The words `shell` gives the line's words as arguments, read back NUL-separated (none → []). */
function shellWords(shell: string, line: string): string[] {
  // A newline, not `;`, ends the line, so a comment the splitter missed eats only itself.
  const script = `set -- ${line}\nfor a; do printf '%s\\0' "$a"; done`;
  const out = execFileSync(shell, ["-c", script], { cwd: scratch, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return out === "" ? [] : out.slice(0, -1).split("\0");
}

function shellSyntaxFails(shell: string, line: string): boolean {
  try {
    execFileSync(shell, ["-n", "-c", line], { cwd: scratch, env, stdio: ["ignore", "ignore", "ignore"] });
    return false;
  } catch {
    return true;
  }
}

type Context = "none" | "single" | "double" | "escaped";
/** An independent quote-state walk: each character with the context it is read in. */
function contexts(line: string): { chars: { ch: string; ctx: Context; wordStart: boolean }[]; endState: Context } {
  const chars: { ch: string; ctx: Context; wordStart: boolean }[] = [];
  let state: Context = "none";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (state === "escaped") {
      chars.push({ ch, ctx: "escaped", wordStart: false });
      state = "none";
      if (ch !== "\n") inWord = true;
      continue;
    }
    if (state === "single") {
      chars.push({ ch, ctx: "single", wordStart: false });
      if (ch === "'") state = "none";
      continue;
    }
    if (state === "double") {
      chars.push({ ch, ctx: "double", wordStart: false });
      if (ch === '"') state = "none";
      else if (ch === "\\" && i + 1 === line.length) state = "escaped"; // a trailing backslash
      else if (ch === "\\") chars.push({ ch: line[++i]!, ctx: "escaped", wordStart: false });
      continue;
    }
    chars.push({ ch, ctx: "none", wordStart: !inWord });
    if (ch === " " || ch === "\t") inWord = false;
    else if (ch === "\\") state = "escaped";
    else {
      inWord = true;
      if (ch === "'") state = "single";
      if (ch === '"') state = "double";
    }
  }
  return { chars, endState: state };
}

/** The line from its first word on, line continuations (backslash-newline) removed as the shell does. */
const firstWordSource = (line: string): string => line.replace(/\\\n/g, "").replace(/^[ \t]+/, "");

/** Why a refusal is right, or a description of why it is not. */
function refusalJustified(line: string, reason: string, operator: string): true | string {
  const { chars, endState } = contexts(line);
  const unquoted = (ch: string): boolean => chars.some((c) => c.ctx === "none" && c.ch === ch);
  const expandable = (i: number): boolean => chars[i]!.ctx === "none" || chars[i]!.ctx === "double";
  switch (reason) {
    case "unterminated-quote":
      if (operator === "\\") return endState === "escaped" ? true : "no trailing backslash";
      // Both shells must reject the line.
      return shells.every((shell) => shellSyntaxFails(shell, line)) ? true : "the shell parses it";
    case "shell-operator":
      if (operator === "newline") return unquoted("\n") ? true : "no unquoted newline";
      if (operator === "`") return chars.some((c, i) => c.ch === "`" && expandable(i)) ? true : "no live backtick";
      if (operator === "$(") return chars.some((c, i) => c.ch === "$" && expandable(i) && chars[i + 1]?.ch === "(") ? true : "no live $(";
      if (operator === "#") return chars.some((c) => c.ch === "#" && c.ctx === "none" && c.wordStart) ? true : "no comment";
      if (/^[|&;<>()]/.test(operator)) return unquoted(operator[0]!) ? true : `no unquoted ${operator}`;
      // A reserved word: the first word, unquoted.
      return firstWordSource(line).startsWith(operator) ? true : `first word is not ${operator}`;
    case "shell-variable":
      return chars.some((c, i) => c.ch === "$" && expandable(i) && chars[i + 1]?.ch === operator[1]) ? true : `no live ${operator}`;
    case "shell-expansion":
      return unquoted(operator) ? true : `no unquoted ${operator}`;
    case "env-assignment":
      return firstWordSource(line).startsWith(operator) ? true : "no assignment prefix";
    case "ambiguous-escape":
      // An unquoted backslash, then the letter or digit it escapes.
      return chars.some((c, i) => c.ch === "\\" && c.ctx === "none" && chars[i + 1]?.ctx === "escaped" && chars[i + 1]!.ch === operator[1]) ? true : `no unquoted ${operator}`;
    default:
      return `unknown reason ${reason}`;
  }
}

describe("splitPlainCommandLine against the real shell", () => {
  const lines = generateLines(0x5eed, 400);
  const results = lines.map((line) => ({ line, result: splitPlainCommandLine(line) }));
  const accepted = results.filter((entry) => entry.result.ok);

  it("accepts enough generated lines for the comparison to mean something", () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(accepted.length / lines.length).toBeGreaterThanOrEqual(0.4);
    expect(results.length - accepted.length).toBeGreaterThanOrEqual(60);
  });

  it.each(shells)("gives the words %s gives for every accepted line", (shell) => {
    const mismatches: string[] = [];
    for (const { line, result } of accepted) {
      const expected = shellWords(shell, line);
      if (JSON.stringify(expected) !== JSON.stringify(result.ok && result.words)) {
        mismatches.push(`${JSON.stringify(line)}: ${shell} ${JSON.stringify(expected)}, splitter ${JSON.stringify(result.ok && result.words)}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 30_000);

  it("refuses only lines that really hold what the refusal names", () => {
    const unjustified: string[] = [];
    for (const { line, result } of results) {
      if (result.ok) continue;
      const verdict = refusalJustified(line, result.reason, result.operator);
      if (verdict !== true) unjustified.push(`${JSON.stringify(line)}: ${result.reason} ${JSON.stringify(result.operator)} (${verdict})`);
    }
    expect(unjustified.slice(0, 10)).toEqual([]);
  }, 30_000);
});
