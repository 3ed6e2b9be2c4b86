/**
 * A project function whose parameter is the whole command line of a v0 exec:
 *
 * Before: function run(cmd: string) { return window.ddClient.execHostCmd(cmd); }
 *         run("kubectl get pods");
 * After:  function run(cmd: string, args: string[]) { return window.ddClient.extension.host!.cli.exec(cmd, args); }
 *         run("kubectl", ["get", "pods"]);
 *
 * Rewritten together only when every caller passes a command line known statically and
 * splittable; otherwise reported with the callers listed.
 */
import { layoutArguments } from "./layout-arguments.js";
import type { Position } from "./report.js";
import { planCommandLine, type CommandLineDescription, type CommandLinePlanOptions } from "./plan-command-line.js";
import type { Edit, ManualReason, Review } from "./report.js";

/** Offsets into the file's text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** One call of a wrapper: the argument in the parameter's place (null when missing or spread), as a command line. */
export interface WrapperCaller {
  readonly argument: Range | null;
  readonly line: CommandLineDescription;
  readonly at: Position;
}

export interface WrapperDescription {
  /** The parameter holding the line, as written (`cmd` or `cmd: string`). */
  readonly param: Range & { readonly name: string; readonly annotated: boolean };
  /** A name free in the wrapper for the new parameter. */
  readonly argsName: string;
  /** Every call of the wrapper in this file: the argument in the parameter's place. Null when some use escapes the file's view. */
  readonly callers: readonly WrapperCaller[] | null;
  /**
   * An exported wrapper, as the project pre-pass saw it (core/project-wrappers): `rewrite` when
   * every caller in the project passes a static line, whose other files are rewritten with it;
   * `callers` lists them, with the reason for those that do not.
   */
  readonly project?: ProjectWrapper;
}

/** What the project pre-pass found of one exported wrapper, keyed `<module key>#<export name>`. */
export interface ProjectWrapper {
  readonly rewrite: boolean;
  /** `src/App.tsx:12:5, src/Pods.tsx:8:3 (dynamic-command-line)` */
  readonly callers: string;
  /** Review notes of the rewritten callers in other files (an interpolation no longer re-split…). */
  readonly review: readonly Review[];
  /** A wrapper that prefixes a fixed command (core/plan-prefix-wrapper): some caller passes several words. */
  readonly multiWord?: boolean;
  /** …and, when every caller passes a static string and nothing else uses it, every value they pass. */
  readonly values?: readonly string[];
}

/** The pre-pass's result: each exported wrapper, and the edits its callers in other files need (by absolute path). */
export interface ProjectWrappers {
  readonly wrappers: Readonly<Record<string, ProjectWrapper>>;
  readonly callerEdits: Readonly<Record<string, readonly CallerEdit[]>>;
}

/** A caller's edit, with the change it belongs to: its wrapper's v0 call, `<absolute path>:<line>:<column>` (cli --interactive). */
export interface CallerEdit extends Edit {
  readonly change?: string;
}

export type WrapperPlan =
  | { readonly ok: true; readonly edits: Edit[]; readonly review: Review[] }
  | { readonly ok: false; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

/** `lineEdits`: the call's other edits (its member path), for the width of the exec's line. */
export function planWrapper(wrapper: WrapperDescription, execArgument: Range, options: CommandLinePlanOptions, lineEdits: readonly Edit[] = []): WrapperPlan {
  const where = (at: Position): string => `${at.line}:${at.column}`;
  if (wrapper.project && !wrapper.project.rewrite) return { ok: false, reason: "wrapper-command-line", data: { callers: wrapper.project.callers || "none found" } };
  if (!wrapper.callers) return { ok: false, reason: "wrapper-command-line", data: { callers: "unknown: the function is exported or used as a value" } };
  if (wrapper.callers.length === 0 && !wrapper.project) return { ok: false, reason: "wrapper-command-line", data: { callers: "none in this file" } };
  const edits: Edit[] = [];
  const listed = wrapper.project?.callers ?? wrapper.callers.map((caller) => where(caller.at)).join(", ");
  const review: Review[] = [{ reason: "wrapper-callers-rewritten", data: { callers: listed } }, ...(wrapper.project?.review ?? [])];
  const problems: string[] = [];
  for (const caller of wrapper.callers) {
    const planned = caller.argument ? planCommandLine(caller.line, options) : ({ ok: false, reason: "unexpected-arguments" } as const);
    if (!planned.ok) {
      problems.push(`${where(caller.at)} (${planned.reason})`);
      continue;
    }
    edits.push({ ...caller.argument!, text: layoutArguments([planned.cmd], planned.args, caller.argument!, options.layout) });
    review.push(...planned.review);
  }
  if (problems.length > 0) return { ok: false, reason: "wrapper-command-line", data: { callers: problems.join(", ") } };
  const argsParam = options.typescript && wrapper.param.annotated ? `${wrapper.argsName}: string[]` : wrapper.argsName;
  edits.push({ start: wrapper.param.end, end: wrapper.param.end, text: `, ${argsParam}` });
  edits.push({ ...execArgument, text: layoutArguments([wrapper.param.name, wrapper.argsName], undefined, execArgument, options.layout, lineEdits) });
  return { ok: true, edits, review };
}
