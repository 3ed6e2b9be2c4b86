/**
 * Differential test: the splitter against dash and bash (either may be a host's `sh`), on
 * seeded random lines with quotes, escapes, unicode, `=`, `$`, brackets, braces and operators.
 *
 * - Every line the splitter accepts must give the words both shells give.
 * - Every refusal must name what the line really holds, outside the quotes that would
 *   neutralise it; and where quoting that one thing yields a line the splitter accepts, the
 *   shells must show that it mattered: a `$`, glob, brace or tilde changes their words, while
 *   an `ambiguous-escape` backslash changes nothing for them (only a shell-less host keeps it).
 *
 * A failure names the seed, the line and a shrunk line that still fails. SPLIT_SH_SEED picks
 * another seed, SPLIT_SH_LINES more lines (default 1500, about 10 s on a loaded 2-core box).
 */
import { afterAll, describe, expect, it } from "vitest";
import { splitPlainCommandLine } from "../../core/split-command-line.js";
import { generateLines, shrinkLine } from "../support/command-line-generator.js";
import { SHELLS, shellSandbox, shellWords, type ShellWords } from "../support/shell-words.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = Number(process.env.SPLIT_SH_SEED ?? 0x5eed);
const LINE_COUNT = Number(process.env.SPLIT_SH_LINES ?? 1500);
const TIMEOUT = 60_000 + LINE_COUNT * 40;
/** Failures shrunk and shown; each shrink runs the shell once per candidate. */
const SHOWN = 3;

const sandbox = shellSandbox();
afterAll(() => sandbox.remove(), IO_TIMEOUT);

const same = (a: ShellWords, b: ShellWords): boolean => JSON.stringify(a) === JSON.stringify(b);
/** Every answer of the shells, so a batch run up front (`prefill`) serves the per-line checks and the shrinking after it. */
const answers = new Map<string, ShellWords>();
const key = (shell: string, line: string, prelude = ""): string => `${shell}\0${prelude}\0${line}`;
function prefill(shell: string, lines: readonly string[], prelude?: string): void {
  const todo = [...new Set(lines)].filter((line) => !answers.has(key(shell, line, prelude)));
  shellWords(shell, todo, sandbox, prelude).forEach((words, i) => answers.set(key(shell, todo[i]!, prelude), words));
}
function wordsOf(shell: string, line: string, prelude?: string): ShellWords {
  if (!answers.has(key(shell, line, prelude))) prefill(shell, [line], prelude);
  return answers.get(key(shell, line, prelude))!;
}
const show = (value: unknown): string => JSON.stringify(value);

/** Why `line` fails, or undefined: what the report says for one failure, shrunk. */
function report(line: string, why: (candidate: string) => string | undefined): string {
  const minimal = shrinkLine(line, (candidate) => why(candidate) !== undefined);
  return `seed ${SEED}: ${show(line)}, shrunk to ${show(minimal)}: ${why(minimal)}`;
}

type Context = "none" | "single" | "double" | "escaped";
interface Char {
  readonly ch: string;
  readonly ctx: Context;
  readonly wordStart: boolean;
  /** Index of the code point in the line. */
  readonly at: number;
}

/**
 * An independent quote-state walk: each code point with the context the shell reads it in,
 * line continuations (backslash-newline outside single quotes) removed as the shell does first.
 */
function contexts(line: string): { chars: Char[]; endState: Context } {
  const points = [...line];
  const chars: Char[] = [];
  let state: Context = "none";
  let inWord = false;
  for (let at = 0; at < points.length; at++) {
    const ch = points[at]!;
    const push = (ctx: Context, wordStart = false): void => void chars.push({ ch, ctx, wordStart, at });
    if (state === "escaped") {
      push("escaped");
      state = "none";
      inWord = true;
    } else if (state === "single") {
      push("single");
      if (ch === "'") state = "none";
    } else if (ch === "\\" && points[at + 1] === "\n") {
      at++;
    } else if (state === "double") {
      push("double");
      if (ch === '"') state = "none";
      else if (ch === "\\" && at + 1 === points.length) state = "escaped"; // a trailing backslash
      else if (ch === "\\") chars.push({ ch: points[++at]!, ctx: "escaped", wordStart: false, at });
    } else {
      push("none", !inWord);
      if (ch === " " || ch === "\t") inWord = false;
      else if (ch === "\\") state = "escaped";
      else {
        inWord = true;
        if (ch === "'") state = "single";
        if (ch === '"') state = "double";
      }
    }
  }
  return { chars, endState: state };
}

const BLANKS = new Set([" ", "\t"]);
/** Is there an unquoted `]` after the unquoted `[` at `i`, in the same word? */
function bracketCloses(chars: readonly Char[], i: number): boolean {
  for (let j = i + 1; j < chars.length && !(chars[j]!.ctx === "none" && BLANKS.has(chars[j]!.ch)); j++) {
    if (chars[j]!.ctx === "none" && chars[j]!.ch === "]") return true;
  }
  return false;
}

/** The line from its first word on, line continuations removed as the shell does. */
const firstWordSource = (line: string): string => line.replace(/\\\n/g, "").replace(/^[ \t]+/, "");

/** Structural check: the refusal names something the line holds where the shell acts on it. */
function refusalJustified(line: string, reason: string, operator: string): true | string {
  const { chars, endState } = contexts(line);
  const unquoted = (ch: string): boolean => chars.some((c) => c.ctx === "none" && c.ch === ch);
  const live = (i: number): boolean => chars[i]!.ctx === "none" || chars[i]!.ctx === "double";
  switch (reason) {
    case "unterminated-quote":
      if (operator === "\\") return endState === "escaped" ? true : "no trailing backslash";
      return SHELLS.every((shell) => wordsOf(shell, line) === "error") ? true : "the shell parses it";
    case "shell-operator":
      if (operator === "newline") return unquoted("\n") ? true : "no unquoted newline";
      if (operator === "`") return chars.some((c, i) => c.ch === "`" && live(i)) ? true : "no live backtick";
      if (operator === "$(") return chars.some((c, i) => c.ch === "$" && live(i) && chars[i + 1]?.ch === "(") ? true : "no live $(";
      if (operator === "#") return chars.some((c) => c.ch === "#" && c.ctx === "none" && c.wordStart) ? true : "no comment";
      if (/^[|&;<>()]/.test(operator)) return unquoted(operator[0]!) ? true : `no unquoted ${operator}`;
      // A reserved word: the first word, unquoted.
      return firstWordSource(line).startsWith(operator) ? true : `first word is not ${operator}`;
    case "shell-variable":
      return chars.some((c, i) => c.ch === "$" && live(i) && chars[i + 1]?.ch === operator.slice(1)) ? true : `no live ${operator}`;
    case "shell-expansion":
      if (operator === "[") return chars.some((c, i) => c.ch === "[" && c.ctx === "none" && bracketCloses(chars, i)) ? true : "no [ closed by an unquoted ]";
      return unquoted(operator) ? true : `no unquoted ${operator}`;
    case "env-assignment":
      return firstWordSource(line).startsWith(operator) ? true : "no assignment prefix";
    case "ambiguous-escape":
      return chars.some((c, i) => c.ch === "\\" && c.ctx === "none" && chars[i + 1]?.ctx === "escaped" && chars[i + 1]!.ch === operator.slice(1)) ? true : `no unquoted ${operator}`;
    default:
      return `unknown reason ${reason}`;
  }
}

/**
 * Who shows that a refused thing matters: for `*` and `?`, bash with nullglob (the pattern may
 * match no file here, and then drops out), else both shells.
 */
interface Witness {
  readonly shell: string;
  readonly prelude?: string;
}
const GLOB_WITNESSES: readonly Witness[] = [{ shell: "bash", prelude: "shopt -s nullglob" }];
const SHELL_WITNESSES: readonly Witness[] = SHELLS.map((shell) => ({ shell }));
const witnessesOf = (operator: string): readonly Witness[] => (["*", "?"].includes(operator) ? GLOB_WITNESSES : SHELL_WITNESSES);

/**
 * The line with the refused thing quoted away (a `\` before the `$`, brace or tilde; before
 * every `*`, `?` and `[`, since bash's nullglob takes any of them for a pattern) or, for an
 * ambiguous escape, its backslashes dropped. Undefined for refusals checked only structurally:
 * operators, reserved words, assignments, unterminated quotes, and a `[` closed by `]` (which
 * here may match no file, and nullglob cannot tell it from an unclosed one).
 */
function neutralised(line: string, reason: string, operator: string): string | undefined {
  const { chars } = contexts(line);
  const points = [...line];
  const edit = (positions: number[], insert: boolean): string =>
    points.flatMap((ch, at) => (positions.includes(at) ? (insert ? ["\\", ch] : []) : [ch])).join("");
  if (reason === "shell-variable") {
    const i = chars.findIndex((c, k) => c.ch === "$" && (c.ctx === "none" || c.ctx === "double") && chars[k + 1]?.ch === operator.slice(1));
    return i < 0 ? undefined : edit([chars[i]!.at], true);
  }
  // `~name` is the home of a user the host may or may not have: refused, but not provable here.
  if (operator === "~" && chars.some((c, k) => c.ch === "~" && c.ctx === "none" && /[^/: \t]/.test(chars[k + 1]?.ch ?? "/"))) return undefined;
  if (operator === "[") return undefined;
  if (operator === "*" || operator === "?") return edit(chars.filter((c) => c.ctx === "none" && "*?[".includes(c.ch)).map((c) => c.at), true);
  if (reason === "shell-expansion") return edit(chars.filter((c) => c.ctx === "none" && c.ch === operator).map((c) => c.at), true);
  if (reason === "ambiguous-escape") {
    const escapes = chars.filter((c, k) => c.ch === "\\" && c.ctx === "none" && chars[k + 1]?.ctx === "escaped" && chars[k + 1]!.ch === operator.slice(1));
    return edit(escapes.map((c) => c.at), false);
  }
  return undefined;
}

/** Why the shells disagree with the refusal of `line`, or undefined when they bear it out. */
function empiricalVerdict(line: string, reason: string, operator: string): string | undefined {
  const fixed = neutralised(line, reason, operator);
  const fixedSplit = fixed === undefined ? undefined : splitPlainCommandLine(fixed);
  if (!fixedSplit?.ok) return undefined;
  const witnesses = witnessesOf(operator);
  const before = witnesses.map((w) => wordsOf(w.shell, line, w.prelude));
  const after = witnesses.map((w) => wordsOf(w.shell, fixed!, w.prelude));
  const changed = witnesses.filter((_, i) => !same(before[i]!, after[i]!)).map((w) => w.shell);
  if (reason === "ambiguous-escape") return changed.length === 0 ? undefined : `${changed.join(", ")} read the backslash, ${show(before)} vs ${show(after)} without it`;
  return changed.length > 0 ? undefined : `${operator} changes nothing for ${witnesses.map((w) => w.shell).join(" or ")}: ${show(before[0])}`;
}

describe(`splitPlainCommandLine against ${SHELLS.join(" and ")} (seed ${SEED}, ${LINE_COUNT} lines)`, () => {
  const lines = generateLines(SEED, LINE_COUNT);
  const results = lines.map((line) => ({ line, result: splitPlainCommandLine(line) }));
  const accepted = results.filter((entry) => entry.result.ok).map((entry) => ({ line: entry.line, words: entry.result.ok ? entry.result.words : [] }));
  const refused = results.flatMap(({ line, result }) => (result.ok ? [] : [{ line, reason: result.reason, operator: result.operator }]));

  it("has dash and bash, and enough accepted and refused lines for the comparison to mean something", () => {
    expect(SHELLS).toEqual(["dash", "bash"]);
    expect(accepted.length / lines.length).toBeGreaterThanOrEqual(0.3);
    expect(refused.length / lines.length).toBeGreaterThanOrEqual(0.3);
    for (const reason of ["shell-operator", "shell-variable", "shell-expansion", "ambiguous-escape", "unterminated-quote", "env-assignment"]) {
      expect({ reason, refused: refused.some((entry) => entry.reason === reason) }).toEqual({ reason, refused: true });
    }
    // Lines the old rules refused and dash and bash read literally are among those accepted.
    const literal = (pattern: RegExp): boolean => accepted.some((entry) => pattern.test(entry.line));
    expect([/\$(?![A-Za-z_0-9{(\[@*#?$!'"-])/, /\[/, /[^\x00-\x7f]/].map(literal)).toEqual([true, true, true]);
  });

  it.each(SHELLS)(
    "gives the words %s gives for every accepted line",
    (shell) => {
      prefill(shell, accepted.map((entry) => entry.line));
      const why = (line: string): string | undefined => {
        const ours = splitPlainCommandLine(line);
        const theirs = wordsOf(shell, line);
        return ours.ok && !same(theirs, ours.words) ? `${shell} ${show(theirs)}, splitter ${show(ours.words)}` : undefined;
      };
      const mismatches = accepted.filter((entry) => why(entry.line) !== undefined);
      expect(mismatches.slice(0, SHOWN).map((entry) => report(entry.line, why))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "refuses only lines that really hold what the refusal names",
    () => {
      const unterminated = refused.filter((entry) => entry.reason === "unterminated-quote").map((entry) => entry.line);
      for (const shell of SHELLS) prefill(shell, unterminated);
      const why = (line: string): string | undefined => {
        const result = splitPlainCommandLine(line);
        if (result.ok) return undefined;
        const verdict = refusalJustified(line, result.reason, result.operator);
        return verdict === true ? undefined : `${result.reason} ${show(result.operator)} (${verdict})`;
      };
      const unjustified = refused.filter((entry) => why(entry.line) !== undefined);
      expect(unjustified.slice(0, SHOWN).map((entry) => report(entry.line, why))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "refuses a `$`, glob, brace, tilde or escape only where the shells show it matters",
    () => {
      const checked = refused.filter((entry) => {
        const fixed = neutralised(entry.line, entry.reason, entry.operator);
        return fixed !== undefined && splitPlainCommandLine(fixed).ok;
      });
      // Each witness runs its lines and their neutralised forms in one batch.
      for (const witness of [...GLOB_WITNESSES, ...SHELL_WITNESSES]) {
        const mine = checked.filter((entry) => witnessesOf(entry.operator).includes(witness));
        prefill(witness.shell, mine.flatMap((entry) => [entry.line, neutralised(entry.line, entry.reason, entry.operator)!]), witness.prelude);
      }
      expect(checked.length).toBeGreaterThanOrEqual(50);
      const disputed = checked.filter((entry) => empiricalVerdict(entry.line, entry.reason, entry.operator) !== undefined);
      const why = (line: string): string | undefined => {
        const result = splitPlainCommandLine(line);
        return result.ok ? undefined : empiricalVerdict(line, result.reason, result.operator);
      };
      expect(disputed.slice(0, SHOWN).map((entry) => report(entry.line, why))).toEqual([]);
    },
    TIMEOUT,
  );
});
