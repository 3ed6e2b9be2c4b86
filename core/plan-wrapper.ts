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
import type { Range } from "./call-site.js";
import type { Position } from "./report.js";
import { planCommandLine, type CommandLineDescription, type CommandLinePlanOptions } from "./plan-command-line.js";
import type { Edit, ManualReason, Review } from "./report.js";

export interface WrapperDescription {
  /** The parameter holding the line, as written (`cmd` or `cmd: string`). */
  readonly param: Range & { readonly name: string; readonly annotated: boolean };
  /** A name free in the wrapper for the new parameter. */
  readonly argsName: string;
  /** Every call of the wrapper: the argument in the parameter's place. Null when some use escapes the file's view. */
  readonly callers: readonly { readonly argument: Range | null; readonly line: CommandLineDescription; readonly at: Position }[] | null;
}

export type WrapperPlan =
  | { readonly ok: true; readonly edits: Edit[]; readonly review: Review[] }
  | { readonly ok: false; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

export function planWrapper(wrapper: WrapperDescription, execArgument: Range, options: CommandLinePlanOptions): WrapperPlan {
  const where = (at: Position): string => `${at.line}:${at.column}`;
  if (!wrapper.callers) return { ok: false, reason: "wrapper-command-line", data: { callers: "unknown: the function is exported or used as a value" } };
  if (wrapper.callers.length === 0) return { ok: false, reason: "wrapper-command-line", data: { callers: "none in this file" } };
  const edits: Edit[] = [];
  const review: Review[] = [{ reason: "wrapper-callers-rewritten", data: { callers: wrapper.callers.map((caller) => where(caller.at)).join(", ") } }];
  const problems: string[] = [];
  for (const caller of wrapper.callers) {
    const planned = caller.argument ? planCommandLine(caller.line, options) : ({ ok: false, reason: "unexpected-arguments" } as const);
    if (!planned.ok) {
      problems.push(`${where(caller.at)} (${planned.reason})`);
      continue;
    }
    edits.push({ ...caller.argument!, text: `${planned.cmd}, [${planned.args.join(", ")}]` });
    review.push(...planned.review);
  }
  if (problems.length > 0) return { ok: false, reason: "wrapper-command-line", data: { callers: problems.join(", ") } };
  const argsParam = options.typescript && wrapper.param.annotated ? `${wrapper.argsName}: string[]` : wrapper.argsName;
  edits.push({ start: wrapper.param.end, end: wrapper.param.end, text: `, ${argsParam}` });
  edits.push({ ...execArgument, text: `${wrapper.param.name}, ${wrapper.argsName}` });
  return { ok: true, edits, review };
}
