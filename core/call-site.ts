/**
 * A v0 call site as a wing (the codemod's Babel walk, the lint rule's ESTree walk) describes it
 * to the planner: plain data, offsets into the file's text, no AST.
 */
import type { LayoutStyle, TrailingComma } from "./layout-arguments.js";
import type { CommandLineDescription } from "./plan-command-line.js";
import type { PrefixWrapperDescription } from "./plan-prefix-wrapper.js";
import type { InlineCallback } from "./plan-stream.js";
import type { Range, WrapperDescription } from "./plan-wrapper.js";
import type { Position } from "./report.js";

export type Language = "ts" | "js";
export type ReceiverKind = "client" | "unknown" | "not-client";

export type { Range };

/** How the v0 member path was written after the receiver: `.backend!\n  .get`, `?.execHostCmd?.(`. */
export interface MemberPathDescription {
  /** Each v0 path segment's identifier as written (for a destructured piece, the local name first). */
  readonly segments: readonly Range[];
  /** `?.` follows segment i. */
  readonly optionalAfter: readonly boolean[];
  /** `!` follows segment i. */
  readonly nonNullAfter: readonly boolean[];
  /** The text between the first and second segment, when there are two. */
  readonly connectorAfterFirst?: string;
  /** The call itself is optional: `execHostCmd?.(…)`. */
  readonly optionalCall: boolean;
  /** A destructured piece: the client expression to write in front of the v1 path, null when none is valid at the call. */
  readonly detachedClientText?: string | null;
}

/** The spawn callback: inline (split or bound), a stable name (wired), or another expression (bound). */
export type CallbackDescription =
  | { readonly kind: "inline"; readonly described: InlineCallback; readonly bodyIndent: string; readonly hoist: HoistDescription | null }
  | { readonly kind: "stable-name"; readonly name: string; readonly hoist: HoistDescription | null }
  | { readonly kind: "other"; readonly hoist: HoistDescription | null };

/** Where the callback can be bound once before the statement holding the call; null when it cannot. */
export interface HoistDescription {
  /** Offset of the statement's start. */
  readonly at: number;
  /** Indentation of the statement's line. */
  readonly indent: string;
  /** The callback's text, re-indented for the statement's level. */
  readonly callbackText: string;
  /** A name free in the file. */
  readonly name: string;
}

/** A literal argument's value, or an expression's text. */
export interface ArgumentValue {
  readonly text: string;
  /** The string value when the argument is a string literal (or a const bound to one). */
  readonly value?: string;
}

export type ArgumentsDescription =
  /** The documented arguments are missing, or spread. */
  | { readonly shape: "unexpected" }
  | { readonly shape: "unchanged" }
  /**
   * `wrapper`: the line is a parameter of a project function (core/plan-wrapper);
   * `prefixWrapper`: the parameter is the line's last words (core/plan-prefix-wrapper).
   */
  | {
      readonly shape: "command-line";
      readonly argument: Range;
      readonly line: CommandLineDescription;
      readonly wrapper?: WrapperDescription;
      readonly prefixWrapper?: PrefixWrapperDescription;
    }
  | { readonly shape: "spawn"; readonly callbackRange: Range; readonly callback: CallbackDescription }
  /** `execDockerCmd(cmd, ...args)`: `argsRange` spans every argument; `cmd` may hold several words. */
  | { readonly shape: "docker-rest"; readonly argsRange: Range; readonly cmd: CommandLineDescription; readonly rest: readonly ArgumentValue[] }
  /** `backend.execInContainer(container, line)`. */
  | { readonly shape: "container-exec"; readonly argsRange: Range; readonly container: ArgumentValue; readonly line: CommandLineDescription };

/**
 * Where the call's value goes (engine/value-context), which decides whether a rewrite whose
 * value differs from v0's may be applied as it is (core/plan-result).
 */
export interface ResultUse {
  /**
   * Something may read the value. False only where the grammar proves nothing does: an
   * expression statement, `void …`, a sequence's element before the last, a `for` head's init
   * or update, or a branch (`a ? call() : b`, `a && call()`) of an expression whose own value
   * nothing reads.
   */
  readonly read: boolean;
  /** The value passes through `await` first: what is read (or dropped) is the awaited value. */
  readonly awaited: boolean;
  /** The call is an expression statement of its own, `void` around casts only: `call();`. */
  readonly statement: boolean;
  /** The value is the receiver of `.then`, `.catch` or `.finally`. */
  readonly chained: boolean;
  /** The position that reads it, as the grammar names it: `ReturnStatement.argument`, `ArrowFunctionExpression.body`. */
  readonly position: string;
  /** The position tests the value: a condition, `!`, `&&`/`||` (truthiness), or `??` (nullishness). */
  readonly tested?: "truthiness" | "nullishness";
  /** `void` written before the call would take in more than the call (`call().x`, `call()()`, `call() ** 2`): it needs parentheses. */
  readonly voidNeedsParens: boolean;
}

export interface CallSiteDescription {
  /** The table row's id: `backend.get`, `execHostCmd`. */
  readonly member: string;
  readonly at: Position;
  readonly receiver: {
    readonly kind: ReceiverKind;
    readonly text: string;
    /** Where the receiver is written (absent for a destructured piece). */
    readonly range?: Range;
    /** `--client import`: the module-level client to write instead, when it can be written here. */
    readonly replacement?: string;
    /** TypeScript: the receiver's type may be `any` (`host: any`, `(window as any).ddClient`), so v1 types no handler parameter. */
    readonly untyped?: boolean;
  };
  readonly path: MemberPathDescription;
  readonly args: ArgumentsDescription;
  /** The whole call expression. */
  readonly callRange: Range;
  readonly resultUse: ResultUse;
}

/** How the file is written: what it shows, or its formatter's settings (core/layout-arguments). */
export interface FileStyle extends LayoutStyle {
  readonly language: Language;
  readonly quote: '"' | "'";
  /** Statements end with `;`. */
  readonly semicolons: boolean;
  /** Indentation of the line holding an offset. */
  lineIndent(offset: number): string;
  readonly rawArgs: boolean;
  /** The file's text, for what the planner reads around a call (a `// @ts-ignore` above it). */
  readonly text: string;
}

/**
 * A formatter's settings for the file (Prettier's, or EditorConfig's), read by the CLI: each
 * one given replaces what the file shows.
 */
export interface StyleSettings {
  readonly quote?: '"' | "'";
  readonly semicolons?: boolean;
  readonly trailingComma?: TrailingComma;
  readonly printWidth?: number;
  readonly indentUnit?: string;
  readonly tabWidth?: number;
}
