/** The one place that turns finding codes plus data into sentences (CLI, report, lint). */
import type { Finding, ManualReason, Review, ReviewReason } from "./findings.js";
import { DEPRECATIONS, findDeprecation } from "./table.js";

/** The official types of the client, which the typing advice names. */
export const TYPES_PACKAGE = "@docker/extension-api-client-types";

const MANUAL: Record<ManualReason, (data: Readonly<Record<string, string>>) => string> = {
  "shell-operator": (d) => `the command line uses the shell operator \`${d.operator}\`, which v1 cannot run: call exec() once per command and combine the results in JavaScript`,
  "shell-expansion": (d) => `the command line relies on shell expansion (\`${d.operator}\`), which v1 does not perform`,
  "shell-variable": (d) => `the command line uses the shell variable or substitution \`${d.operator}\`, which v1 does not expand`,
  "env-assignment": (d) => `the command line starts with the environment assignment \`${d.operator}\`, which v1 would run as a command: pass it with the \`env\` option`,
  "ambiguous-escape": (d) => `the command line has \`${d.operator}\`, a backslash a POSIX shell drops and a Windows host keeps (a Windows path?), so how it was split is unknown`,
  "shell-syntax-error": (d) => `the command line has an unterminated \`${d.operator}\`, so the shell would have failed`,
  "wrapper-command-line": (d) => `the command line is a parameter of the enclosing function, whose callers cannot all be rewritten to pass a command and arguments (callers: ${d.callers})`,
  "markup-syntax": (d) => `\`${d.expression}\` is template syntax, not JavaScript, so the codemod cannot read it`,
  "dynamic-command-line": () => "the command line is not known statically, so it cannot be split into a command and arguments",
  "multi-word-value": (d) => `\`${d.expression}\` holds several shell words (${d.values}), which cannot be split where it is interpolated`,
  "shared-command-line": (d) =>
    `the command line is the constant \`${d.constant}\`, which other code also reads, so its words written at the call would be a copy that this code and later edits of the constant no longer follow: build the command and its arguments once and use them in both places`,
  "empty-command-line": () => "the command line is empty",
  "unexpected-arguments": () => "the call does not have the documented arguments",
  "unknown-client": (d) => `\`${d.receiver}\` cannot be proven to be the Docker Desktop client`,
  "not-yet-supported": (d) => `this release does not rewrite it yet: use \`${d.replacement}\``,
  "detached-member": () => "the member is taken off the client, and either the client has no text to write here or the member is also used other than in calls, so no call of it is rewritten",
  "no-v1-counterpart": (d) => `v1 has no counterpart: ${d.note}`,
  // A short first line, then what to do on lines of their own, the declaration alone on its line to copy.
  "hand-written-v0-typing": (d) =>
    [
      `this hand-written type of the client has v0 members (${d.members}).`,
      "Migrated calls will not typecheck against it: run the CLI over the project (`npx ddclient-migrate src/`) to migrate it with the calls; `eslint --fix` cannot, since it sees one file at a time.",
      `Or install the official types (\`npm install --save-dev ${TYPES_PACKAGE}\`) and declare the global in a \`.d.ts\` file without imports:`,
      `  ${d.declaration}`,
      `Its \`${d.replacement}\` types the v0 members next to the v1 ones, so calls left for a person typecheck too${d.weaker ? "." : ""}`,
      ...(d.weaker ? [`v1 types these results as \`Promise<unknown>\` where this typing is stricter, so cast them where they are used: ${d.weaker}`] : []),
    ].join("\n"),
  "unrecognised-use": (d) => `it is reached in a form the codemod does not rewrite (${d.form})`,
  "callback-not-hoistable": () => "the callback's shape is not clear and there is no statement to hoist it before",
  "v0-value-read": (d) => `the code reads the value the call gives back (${positionText(d.position)}), v0's \`${d.value}\` where v1 gives \`${d.replaced}\`, and v0's cannot be kept here`,
  "safe-only-skipped": (d) => `--safe-only leaves this rewrite, which \`eslint --fix\` also leaves (a suggestion): ${d.review}; run without --safe-only to apply it, then review it`,
  "interactive-skipped": (d) => `skipped in --interactive; run again to apply it${d.review ? `, then review it: ${d.review}` : ""}`,
};

const REVIEW: Record<ReviewReason, (data: Readonly<Record<string, string>>) => string> = {
  "host-dependent-word": (d) =>
    d.emitted === "raw"
      ? `the argument \`${d.word}\` is passed as its raw value: right on hosts that pass arguments through (Podman Desktop), but Docker Desktop's non-streamed exec would split it again`
      : `the argument \`${d.word}\` keeps its quoting: Docker Desktop's non-streamed exec reads it as one word, a host that passes arguments through (Podman Desktop) would pass the quotes`,
  "interpolation-not-resplit": (d) =>
    d.quotes === "kept"
      ? `\`${d.expression}\` is now one argument, quote characters included: the shell used to strip the quotes its value is built with, and now they reach the program`
      : `\`${d.expression}\` is now one argument; the shell used to split its value at spaces`,
  "joined-array-spread": (d) => `\`${d.expression}\` is now spread as one argument per element of \`${d.array}\`; the shell also split an element that held spaces`,
  "now-returns-promise": () => "v0 returned nothing and v1 returns a Promise, which this code now receives",
  "v0-value-kept": (d) => `the code reads the value the call gives back (${positionText(d.position)}): v1 gives \`${d.replaced}\` where v0 gave \`${d.value}\`, so v0's is kept with \`${d.kept}\``,
  "wrapper-callers-rewritten": (d) => `the enclosing function now takes a command and its arguments, and its callers were rewritten to pass them (${d.callers})`,
  "wrapper-args-rewritten": (d) => `the enclosing function now takes its arguments as an array, and its callers were rewritten to pass one (${d.callers})`,
  "v0-callback-threw": () => "the v0 callback threw on error events (it read `data`, which they do not have); the handlers no longer do",
  "weaker-v1-result": (d) =>
    `the official v1 type of \`${d.member}\` resolves to \`Promise<unknown>\` where this typing says \`${d.typed}\`, so the typing stays hand-written (in v1 shape): to type the global with ${TYPES_PACKAGE} instead, cast that result where it is used`,
  "ts-directive-removable": (d) => `the \`// ${d.directive}\` above it may only have been there for the v0 call: remove it if the line now typechecks`,
};

/** `ArrowFunctionExpression.body` → "an arrow's body": the grammar's name of a position, as prose. */
function positionText(position = ""): string {
  const [type = "", key = ""] = position.split(".");
  const words = (name: string): string => name.replace(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, " ").toLowerCase();
  return `the ${words(key)} of ${/^[aeiou]/i.test(type) ? "an" : "a"} ${words(type.replace(/(Expression|Statement)$/, ""))}`.replace(/\s+/g, " ").trimEnd();
}

/** Every review note, in the order the docs list them. */
export const REVIEW_REASONS = Object.keys(REVIEW) as ReviewReason[];

export function replacementOf(member: string): string {
  const row = findDeprecation(member);
  if (row) return row.v1.replace(/\?/g, "");
  // `backend` alone (the sweep's finding when no method of it is reached in view): where its receiver rows go.
  const receiver = DEPRECATIONS.find((r) => r.id.startsWith(`${member}.`) && r.kind === "receiver");
  return receiver ? replacementOf(receiver.id).replace(/\.[^.]*$/, "") : "";
}

export function describeReview(review: Review): string {
  return capitalize(REVIEW[review.reason](review.data)) + ".";
}

export function describeManual(reason: ManualReason, data: Readonly<Record<string, string>>): string {
  return capitalize(MANUAL[reason](data)) + ".";
}

/** One sentence per finding, ending with a period. */
export function describeFinding(finding: Finding): string {
  const old = `\`${finding.member}\``;
  if (finding.kind === "migrated") {
    // Not a row: the hand-written typing of the client, migrated with the calls (core/plan-typing).
    const base = findDeprecation(finding.member) ? `${old} was migrated to \`${replacementOf(finding.member)}\`.` : `The hand-written type of ${old} was migrated to the v1 members the code calls.`;
    return finding.review.length ? `${base.slice(0, -1)}; review: ${finding.review.map((r) => REVIEW[r.reason](r.data)).join("; ")}.` : base;
  }
  return `${old} was left as it is: ${MANUAL[finding.reason](finding.data)}.`;
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
