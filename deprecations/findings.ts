/**
 * What the report says of each call site: the finding kinds and their reason codes. Data the
 * table's messages (deprecations/messages) turn into sentences; core plans produce them.
 */
export type ManualReason =
  /** `|`, `&&`, `;`, `>`, `$(`, backticks…: v1 runs no shell. data.operator */
  | "shell-operator"
  /** Unquoted `*`, `?`, `[`, a leading `~`, or `{a,b}`: the shell expanded them. data.operator */
  | "shell-expansion"
  /** `$HOME`, `${VAR}` inside the command line: the shell substituted them. data.operator */
  | "shell-variable"
  /** `FOO=1 cmd`: an environment assignment prefix. */
  | "env-assignment"
  /** A backslash before a letter or digit (`C:\Program`): POSIX shells drop it, Windows keeps it. data.operator */
  | "ambiguous-escape"
  /** An unterminated quote or a trailing backslash: sh would fail. data.operator */
  | "shell-syntax-error"
  /** The line is a wrapper's parameter and not every caller passes a static, splittable line. data.callers */
  | "wrapper-command-line"
  /** Template syntax that is not JavaScript (`{@debug …}`, `v-for="c in …"`). data.expression */
  | "markup-syntax"
  /** The command line is a variable, a call, … */
  | "dynamic-command-line"
  /** An interpolated value known to hold several words that cannot be split where it is used. data.expression, data.values */
  | "multi-word-value"
  /** The line is a constant that other code reads too (a log): words written at the call would be a second copy. data.constant */
  | "shared-command-line"
  | "empty-command-line"
  /** Spread arguments, missing arguments, …: the call's shape is not the documented one. */
  | "unexpected-arguments"
  /** A v0-named member called on a receiver that cannot be proven to be the client. data.receiver */
  | "unknown-client"
  /** A v0 member this release does not rewrite yet. data.replacement */
  | "not-yet-supported"
  /** The member is detached from the client (`const { execHostCmd } = ddClient`). */
  | "detached-member"
  /** A hand-written v0 shape of the client (`interface Window { ddClient: { execHostCmd… } }`). data.members, data.replacement, data.declaration, data.weaker? */
  | "hand-written-v0-typing"
  /** v1 has nothing that does the same. data.note */
  | "no-v1-counterpart"
  /** A spawn callback of unclear shape where no statement precedes the call to bind it in. */
  | "callback-not-hoistable"
  /** A v0 member reached in a form the codemod does not rewrite (`.bind`, `["execHostCmd"]`, `typeof`, an assignment…), found by the closing sweep. data.form */
  | "unrecognised-use"
  /** The code reads the value the call gives back, where v1's differs from v0's and v0's cannot be written. data.value (v0's), data.replaced (v1's), data.position */
  | "v0-value-read"
  /** `--safe-only` left a rewrite that changes behaviour on some host (the lint rule's suggestion). data.review */
  | "safe-only-skipped"
  /** `--interactive`: the person answered no to this rewrite (or quit before it). data.review */
  | "interactive-skipped";

export type ReviewReason =
  /** A word with whitespace, quotes, backslashes or `$` keeps its quoting: Docker Desktop's non-streamed exec re-reads it, a raw host would not. data.word */
  | "host-dependent-word"
  /** `${x}` used to be re-split by the shell; now it is one argument. data.expression; data.quotes `kept` when its value is built with literal quote characters, which the shell stripped. */
  | "interpolation-not-resplit"
  /** `${list.join(" ")}` is now spread, one argument per element; the shell also split elements holding spaces. data.expression, data.array */
  | "joined-array-spread"
  /** v0 returned nothing, v1 returns a Promise, and the value is used. */
  | "now-returns-promise"
  /** The code reads the value, which differs in v1: v0's is kept, written as data.kept (`void`). data.value (v0's), data.replaced (v1's), data.position */
  | "v0-value-kept"
  /** A `// @ts-ignore` / `// @ts-expect-error` above the call may only have been there for v0. data.directive */
  | "ts-directive-removable"
  /** v0's spawn callback threw on these events (it read `data`, absent on an error); the handlers do not. data.event */
  | "v0-callback-threw"
  /** A wrapper was rewritten to take (cmd, args), and so were its callers at these places. data.callers */
  | "wrapper-callers-rewritten"
  /** A wrapper that prefixes a fixed command now takes an args array, and so do its callers at these places. data.callers */
  | "wrapper-args-rewritten"
  /** A hand-written typing kept in v1 shape because the installed official type resolves this member to `Promise<unknown>`. data.member, data.typed */
  | "weaker-v1-result";

/** Review notes about behaviour the rewrite changes (a lint rule offers such a rewrite as a suggestion, not a fix); the others are advice. */
export const BEHAVIOUR_REVIEWS: ReadonlySet<ReviewReason> = new Set(["host-dependent-word", "interpolation-not-resplit", "joined-array-spread", "now-returns-promise", "v0-callback-threw"]);

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like editors and ESLint (+1). */
  readonly column: number;
}

export type Finding =
  | { readonly kind: "migrated"; readonly member: string; readonly at: Position; readonly review: readonly Review[] }
  | { readonly kind: "manual"; readonly member: string; readonly at: Position; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

export interface Review {
  readonly reason: ReviewReason;
  readonly data: Readonly<Record<string, string>>;
}
