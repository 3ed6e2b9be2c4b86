/**
 * Plans the rewrite of a v0 command-line argument (`execHostCmd(line)`,
 * `execInVMExtension(line)`) into v1's `cmd, [args]`, or says why it cannot be done.
 * Wings (the codemod, the lint rule) describe the argument; this decides the text.
 */
import { emitWord, isPlainWordValue, type EmitContext, type EmittedWord } from "./emit-words.js";
import type { QuoteChar } from "./js-literals.js";
import type { LayoutStyle } from "./layout-arguments.js";
import type { Edit, ManualReason, Review } from "./report.js";
import { splitCommandLine, type LineSegment, type SplitRefusal, type Word } from "./split-command-line.js";

export interface LineExpression {
  readonly id: number;
  /** Source text, used verbatim in the output. */
  readonly text: string;
  /** Every value the file shows it can take (a `const` initialiser, literal arguments at call sites); undefined when unknown. */
  readonly knownValues?: readonly string[];
  /** Some of the values it can take, when the file does not show them all (a conditional with an unknown branch). */
  readonly someValues?: readonly string[];
  /** `list` of `${list.join(" ")}`: the shell split the joined elements apart again. */
  readonly joinedArrayText?: string;
  /** The file shows the value may be a number or a boolean, which an args element must not be. */
  readonly nonString?: boolean;
  /** The value is built with literal quote characters (`"${path}"`), which the shell stripped. */
  readonly quoteCharacters?: boolean;
}

/** A constant holding the line that other code reads too (core/plan-shared-line). */
export interface SharedConstant {
  readonly name: string;
  /** Present when the constant can hold the words: one declarator, and this call its one use as a v0 line. */
  readonly declaration?: {
    /** The constant's initialiser. */
    readonly init: { readonly start: number; readonly end: number };
    /** The start of the statement declaring it, and that line's indentation. */
    readonly statementStart: number;
    readonly indent: string;
    readonly semicolon: boolean;
    /** Names free in the file for the command and the arguments. */
    readonly command: string;
    readonly args: string;
  };
}

/** A command line as the wing saw it: literal text and interpolations, or nothing static. */
export type CommandLineDescription =
  | {
      readonly static: true;
      readonly segments: readonly LineSegment[];
      readonly expressions: readonly LineExpression[];
      /**
       * The line was a constant's initialiser, inlined at the call (`const command = \`…\`;
       * exec(command)`): the edits that remove the constant, now unused, or none to keep it.
       */
      readonly inlinedFrom?: {
        readonly removal: readonly Edit[];
        /** Code other than v0 calls reads the constant too (a log): its words must not be copied (core/plan-shared-line). */
        readonly shared?: SharedConstant;
      };
    }
  | { readonly static: false };

export interface CommandLinePlanOptions {
  readonly quote: QuoteChar;
  readonly typescript: boolean;
  readonly rawArgs: boolean;
  /** How the file lays out a call's arguments (core/layout-arguments); absent: on one line. */
  readonly layout?: LayoutStyle;
}

export type CommandLinePlan =
  | { readonly ok: true; readonly cmd: string; readonly args: readonly string[]; readonly review: readonly Review[] }
  | { readonly ok: false; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

const REFUSAL_REASON: Record<SplitRefusal, ManualReason> = {
  "shell-operator": "shell-operator",
  "shell-expansion": "shell-expansion",
  "shell-variable": "shell-variable",
  "env-assignment": "env-assignment",
  "unterminated-quote": "shell-syntax-error",
  "ambiguous-escape": "ambiguous-escape",
};

/**
 * Is every known value of this interpolation one plain word, the same on every host? JavaScript
 * pasted the value into the line before the shell read it, so only characters the shell reads
 * as themselves qualify (`a|b` would have been a pipe).
 */
// `…` too: the shell gives it no meaning, and it stands for a value the file does not show (engine/shown-value).
const SHELL_INERT = /^[A-Za-z0-9_@%+=:,./…-]+$/;
export function isPlainValueSet(values: readonly string[]): boolean {
  return values.length > 0 && values.every((value) => SHELL_INERT.test(value));
}

/** The values the shell would have split or read (`"a b"`), not the plain words next to them (`"c"`). */
function splitValues(values: readonly string[]): string {
  return values
    .filter((value) => !SHELL_INERT.test(value))
    .map((value) => JSON.stringify(value))
    .join(", ");
}

export function planCommandLine(line: CommandLineDescription, options: CommandLinePlanOptions): CommandLinePlan {
  const planned = planWords(line, options);
  if (!planned.ok) return planned;
  // Before: const line = `run --rm ${image}`; console.log(line); execHostCmd(line)
  // Words written at the call would be a copy the log no longer shows, nor a later edit changes.
  const shared = line.static ? line.inlinedFrom?.shared : undefined;
  if (shared !== undefined) return { ok: false, reason: "shared-command-line", data: { constant: shared.name } };
  const { emitted } = planned;
  return {
    ok: true,
    cmd: emitted[0]!.text,
    args: emitted.slice(1).map((word) => word.text),
    review: emitted.flatMap((word) => word.review),
  };
}

/** The line's shell words and their JavaScript text, for a planner that places them itself (core/plan-prefix-wrapper). */
export type WordsPlan =
  | { readonly ok: true; readonly words: readonly Word[]; readonly emitted: readonly EmittedWord[] }
  | { readonly ok: false; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

/** What a value must not hold to stay as it is inside these quotes: the closing quote, and in double quotes what the shell expanded. */
const ENDS_QUOTE: Record<"single" | "double", RegExp> = { single: /'/, double: /["$`\\]/ };

/**
 * The interpolations with known values that stand inside quotes their values cannot end or
 * expand in. JavaScript pasted the value into the line, and the shell took what stood between
 * the quotes as one word, spaces and all: `'${path}'` with path = "C:\\Program Files\\x.exe" is
 * one argument, the value as it is. Found by reading the line with every interpolation opaque;
 * a line that cannot be read so keeps every value pasted in (today's reading).
 */
function quotedIn(segments: readonly LineSegment[], byId: ReadonlyMap<number, LineExpression>): ReadonlySet<number> {
  const split = splitCommandLine(segments);
  const ids = new Set<number>();
  if (!split.ok) return ids;
  for (const piece of split.words.flatMap((word) => word.pieces)) {
    if (piece.kind !== "expr" || piece.quoting === "none") continue;
    const values = byId.get(piece.id)?.knownValues;
    if (values && values.every((value) => !ENDS_QUOTE[piece.quoting as "single" | "double"].test(value))) ids.add(piece.id);
  }
  return ids;
}

export function planWords(line: CommandLineDescription, options: CommandLinePlanOptions): WordsPlan {
  if (!line.static) return { ok: false, reason: "dynamic-command-line", data: {} };
  const byId = new Map(line.expressions.map((expression) => [expression.id, expression]));

  // An interpolation known to hold one value (a const) is read as the shell read it: split at
  // blanks. Before: const sub = "status -json"; `agent ${sub}`  After: "agent", ["status", "-json"]
  // Inside quotes that cannot end in it, every value it holds is one word as it is (see quotedIn).
  const quoted = quotedIn(line.segments, byId);
  const segments: LineSegment[] = [];
  for (const segment of line.segments) {
    const values = segment.kind === "expr" ? byId.get(segment.id)?.knownValues : undefined;
    if (segment.kind !== "expr" || values === undefined || isPlainValueSet(values) || quoted.has(segment.id)) {
      segments.push(segment);
    } else if (values.length === 1) {
      segments.push({ kind: "expansion", id: segment.id, text: values[0]! });
    } else {
      return { ok: false, reason: "multi-word-value", data: { expression: byId.get(segment.id)!.text, values: splitValues(values) } };
    }
  }

  const split = splitCommandLine(segments);
  if (!split.ok) return { ok: false, reason: REFUSAL_REASON[split.reason], data: { operator: split.operator } };
  if (split.words.length === 0) return { ok: false, reason: "empty-command-line", data: {} };

  // A known value whose words are not plain (quotes, backslashes) would be re-read differently.
  for (const word of split.words) {
    for (const piece of word.pieces) {
      const unsafe = piece.kind === "text" && piece.fromExpansion !== undefined && (piece.quoting === "none" ? !isPlainWordValue(piece.value) : /['"\\$`]/.test(piece.value));
      if (unsafe) {
        return { ok: false, reason: "multi-word-value", data: { expression: byId.get(piece.fromExpansion!)!.text, values: JSON.stringify(piece.kind === "text" ? piece.value : "") } };
      }
    }
  }

  // Unquoted interpolations the shell would have split, where the split cannot be written out:
  // a value seen among others unknown (`${flag ? TOOL : other}`, TOOL = "/usr/bin/env tool"),
  // or `${list.join(" ")}` inside a longer word (a whole word is spread: see emitWord).
  for (const word of split.words) {
    for (const piece of word.pieces) {
      if (piece.kind !== "expr" || piece.quoting !== "none") continue;
      const expression = byId.get(piece.id)!;
      const some = expression.someValues;
      if (some && !isPlainValueSet(some)) return { ok: false, reason: "multi-word-value", data: { expression: expression.text, values: splitValues(some) } };
      if (expression.joinedArrayText !== undefined && word.pieces.length > 1) return { ok: false, reason: "multi-word-value", data: { expression: expression.text, values: `the elements of \`${expression.joinedArrayText}\`` } };
    }
  }

  const ctx: EmitContext = {
    ...options,
    exprText: (id) => byId.get(id)!.text,
    joinedArrayText: (id) => byId.get(id)?.joinedArrayText,
    isNonString: (id) => byId.get(id)?.nonString === true,
    hasQuoteCharacters: (id) => byId.get(id)?.quoteCharacters === true,
    isKnownPlainWord: (id) => {
      const values = byId.get(id)?.knownValues;
      return values !== undefined && isPlainValueSet(values);
    },
  };
  const emitted = split.words.map((word) => emitWord(word, ctx));
  if (emitted[0]!.text.startsWith("...")) return { ok: false, reason: "multi-word-value", data: { expression: emitted[0]!.text.slice(3), values: "its elements" } };
  return { ok: true, words: split.words, emitted };
}
