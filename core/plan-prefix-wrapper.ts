/**
 * A project function that runs a fixed command with its parameter as the rest of the line:
 *
 * Before: const run = (sub: string) => window.ddClient.backend.execInVMExtension(`/app/tool ${sub}`);
 *         run("status --json");
 * After:  const run = (sub: string[]) => window.ddClient.extension.vm!.cli.exec("/app/tool", sub);
 *         run(["status", "--json"]);
 *
 * Rewritten with its callers only when one of them passes several words (one word each keeps
 * `[sub]`, see core/plan-command-line) and every caller passes a static string; when several
 * words meet a caller that is not static, or one out of view, it is reported with its callers.
 */
import { layoutArguments } from "./layout-arguments.js";
import { isPlainValueSet, planWords, type CommandLineDescription, type CommandLinePlanOptions } from "./plan-command-line.js";
import type { ProjectWrapper, Range, WrapperCaller } from "./plan-wrapper.js";
import type { Edit, ManualReason, Position, Review } from "./report.js";

export interface PrefixWrapperDescription {
  /** The interpolation of the exec's line that is the wrapper's parameter (its id). */
  readonly expression: number;
  /** `string` in `sub: string`, to become `string[]`; null when the parameter has no annotation. */
  readonly stringType: Range | null;
  /** Every call of the wrapper in this file. */
  readonly callers: readonly WrapperCaller[];
  /** What may call it beyond those, for the report: `12:7 (used as a value)`, `other modules (exported)`. */
  readonly unseen: readonly string[];
  /** An exported wrapper, as the project pre-pass saw all its callers (transforms/project-wrappers). */
  readonly project?: ProjectWrapper;
}

export type PrefixWrapperPlan =
  | { readonly kind: "rewrite"; readonly edits: Edit[]; readonly review: Review[] }
  | { readonly kind: "report"; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> }
  /** Not this rewrite: plan `line` like any other (the parameter's values filled in where the project knows them). */
  | { readonly kind: "keep"; readonly line: CommandLineDescription };

/** One caller's argument as an args array, or why it cannot be one. */
export type CallerWords =
  | { readonly ok: true; readonly text: string; readonly value: string; readonly review: readonly Review[] }
  | { readonly ok: false; readonly reason: ManualReason };

type StaticLine = Extract<CommandLineDescription, { static: true }>;

/** The line as a plain `string`, without its parameter's values: they become the args array. */
function withOpaque(line: StaticLine, expression: number): StaticLine {
  return { ...line, expressions: line.expressions.map((e) => (e.id === expression ? { id: e.id, text: e.text } : e)) };
}

/**
 * The exec's new arguments: the fixed words, and the parameter where its word stood. Null when
 * the parameter is not a whole unquoted word after the command (`--name=${sub}`, `"${sub}"`).
 * Before: `/usr/bin/env tool ${sub} --json`   After: "/usr/bin/env", ["tool", ...sub, "--json"]
 */
export function planPrefixExec(line: StaticLine, expression: number, options: CommandLinePlanOptions, execArgument?: Range, lineEdits: readonly Edit[] = []): { text: string; review: Review[] } | null {
  const planned = planWords(withOpaque(line, expression), options);
  if (!planned.ok) return null;
  const at = planned.words.findIndex((word) => word.pieces.length === 1 && word.pieces[0]!.kind === "expr" && word.pieces[0]!.id === expression && word.pieces[0]!.quoting === "none");
  if (at < 1) return null;
  const name = line.expressions.find((e) => e.id === expression)!.text;
  const fixed = planned.emitted.filter((_, i) => i !== at);
  const review = fixed.flatMap((word) => word.review);
  const args = planned.emitted.slice(1).map((word, i) => (i + 1 === at ? `...${name}` : word.text));
  const cmd = planned.emitted[0]!.text;
  // Without the exec's argument (the pre-pass only asks whether it can be rewritten), on one line.
  const where = execArgument ?? { start: 0, end: 0 };
  const layout = execArgument && options.layout;
  const text = args.length === 1 ? layoutArguments([cmd, name], undefined, where, layout, lineEdits) : layoutArguments([cmd], args, where, layout, lineEdits);
  return { text, review };
}

/** `run("status --json")` → `["status", "--json"]`: a string with no interpolation, split as any line. */
export function planCallerWords(caller: WrapperCaller, options: CommandLinePlanOptions): CallerWords {
  const line = caller.line;
  if (!caller.argument || !line.static || line.expressions.length > 0 || line.inlinedFrom) return { ok: false, reason: "dynamic-command-line" };
  const value = line.segments.map((segment) => (segment.kind === "text" ? segment.text : "")).join("");
  const planned = planWords(line, options);
  if (!planned.ok && planned.reason === "empty-command-line") return { ok: true, text: "[]", value, review: [] };
  if (!planned.ok) return { ok: false, reason: planned.reason };
  const text = layoutArguments([], planned.emitted.map((word) => word.text), caller.argument, options.layout);
  return { ok: true, text, value, review: planned.emitted.flatMap((word) => word.review) };
}

/** Several words in one call: the parameter cannot stay one argument. */
export const passesSeveralWords = (words: CallerWords): boolean => words.ok && !isPlainValueSet([words.value]);

/** `lineEdits`: the call's other edits (its member path), for the width of the exec's line. */
export function planPrefixWrapper(line: StaticLine, wrapper: PrefixWrapperDescription, execArgument: Range, options: CommandLinePlanOptions, lineEdits: readonly Edit[] = []): PrefixWrapperPlan {
  const keep = (values?: readonly string[]): PrefixWrapperPlan => ({
    kind: "keep",
    line: values?.length ? { ...line, expressions: line.expressions.map((e) => (e.id === wrapper.expression ? { ...e, knownValues: values } : e)) } : line,
  });
  const exec = planPrefixExec(line, wrapper.expression, options, execArgument, lineEdits);
  if (!exec) return keep();
  const where = (at: Position): string => `${at.line}:${at.column}`;
  const callers = wrapper.callers.map((caller) => ({ caller, words: planCallerWords(caller, options) }));
  const project = wrapper.project;
  if (project && !project.rewrite) return project.multiWord ? { kind: "report", reason: "wrapper-command-line", data: { callers: project.callers } } : keep(project.values);
  if (!project && !callers.some(({ words }) => passesSeveralWords(words))) return keep();

  const problems = [...callers.flatMap(({ caller, words }) => (words.ok ? [] : [`${where(caller.at)} (${words.reason})`])), ...(project ? [] : wrapper.unseen)];
  const listed = project?.callers ?? [...callers.flatMap(({ caller, words }) => (words.ok ? [where(caller.at)] : [])), ...problems].join(", ");
  if (problems.length > 0) return { kind: "report", reason: "wrapper-command-line", data: { callers: listed } };
  // Before: (sub: string) => exec(`/app/tool ${sub}`); run("status --json")
  // After:  (sub: string[]) => exec("/app/tool", sub); run(["status", "--json"])
  const edits: Edit[] = [{ ...execArgument, text: exec.text }];
  if (wrapper.stringType && options.typescript) edits.push({ ...wrapper.stringType, text: "string[]" });
  const review: Review[] = [{ reason: "wrapper-args-rewritten", data: { callers: listed } }, ...exec.review, ...(project?.review ?? [])];
  for (const { caller, words } of callers) {
    if (!words.ok) continue;
    edits.push({ ...caller.argument!, text: words.text });
    review.push(...words.review);
  }
  return { kind: "rewrite", edits, review };
}
