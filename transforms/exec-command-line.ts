/**
 * `execHostCmd(line)` / `backend.execInVMExtension(line)` → `…cli.exec(cmd, args)`, the line
 * split by the shell's word rules (core/plan-command-line).
 *
 * Before: window.ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`)
 * After:  window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "-n", ns, "-o", "json"])
 */
import type { ArgumentsDescription } from "../core/call-site.js";
import type { WrapperDescription } from "../core/plan-wrapper.js";
import { freshName } from "../core/text.js";
import { moduleKey } from "./lib/client-modules.js";
import { resolveBinding, type NodePath } from "./lib/scope.js";
import type { V0CallSite } from "./lib/call-sites.js";
import { describeCommandLine } from "./lib/describe-command-line.js";
import type { FileContext } from "./lib/file-context.js";

export const meta = {
  id: "exec-command-line",
  description: "Rewrite execHostCmd and backend.execInVMExtension command lines to cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, ctx: FileContext): ArgumentsDescription {
  const args = site.call.node.arguments;
  if (args.length !== 1 || args[0].type === "SpreadElement") return { shape: "unexpected" };
  const line = describeCommandLine(site.call.get("arguments", 0), ctx);
  const wrapper = line.static ? undefined : describeWrapper(site.call.get("arguments", 0), ctx);
  return { shape: "command-line", argument: { start: args[0].start, end: args[0].end }, line, ...(wrapper ? { wrapper } : {}) };
}

/** The wrapper whose parameter the line is: a plain parameter, never reassigned, used nowhere else in it. */
export function wrapperParameter(argument: NodePath, ctx: Pick<FileContext, "reassignments" | "root" | "j">): { fn: NodePath; index: number; param: any } | undefined {
  if (argument.node.type !== "Identifier") return undefined;
  const name = argument.node.name;
  const binding = resolveBinding(argument, name, ctx.reassignments);
  if (binding.kind !== "parameter" || ctx.reassignments.isReassigned(name, binding.scope)) return undefined;
  const param = binding.fn.node.params[binding.index];
  if (param?.type !== "Identifier") return undefined;
  const uses = ctx.root.find(ctx.j.Identifier, { name }).filter((p: NodePath) => p.scope?.lookup(name) === binding.scope && p.node !== param);
  return uses.length === 1 ? { fn: binding.fn, index: binding.index, param } : undefined;
}

/** The line is a wrapper's parameter: its callers in this file, and what the project pre-pass found of an exported one. */
function describeWrapper(argument: NodePath, ctx: FileContext): WrapperDescription | undefined {
  const found = wrapperParameter(argument, ctx);
  if (!found) return undefined;
  const { param } = found;
  const binding = { fn: found.fn, index: found.index };
  const name = param.name as string;
  const uses = ctx.functionUses(binding.fn);
  const project = uses?.exported ? ctx.projectWrappers?.wrappers[`${moduleKey(ctx.filePath)}#${uses.name}`] : undefined;
  const calls = uses && (!uses.exported || project?.rewrite) ? uses.calls : null;
  const fnText = ctx.source.slice(binding.fn.node.start, binding.fn.node.end);
  return {
    ...(project ? { project } : {}),
    param: { start: param.start, end: param.end, name, annotated: Boolean(param.typeAnnotation) },
    argsName: freshName("args", [fnText]),
    callers:
      calls?.map((call) => {
        const arg = call.node.arguments[binding.index];
        const usable = arg && arg.type !== "SpreadElement";
        return {
          argument: usable ? { start: arg.start, end: arg.end } : null,
          line: usable ? describeCommandLine(call.get("arguments", binding.index), ctx) : { static: false as const },
          at: { line: call.node.loc.start.line, column: call.node.loc.start.column + 1 },
        };
      }) ?? null,
  };
}
