/**
 * `execHostCmd(line)` / `backend.execInVMExtension(line)` → `…cli.exec(cmd, args)`, the line
 * split by the shell's word rules (core/plan-command-line).
 *
 * Before: window.ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`)
 * After:  window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "-n", ns, "-o", "json"])
 */
import type { ArgumentsDescription } from "../../core/call-site.js";
import { moduleKeyOf } from "../../core/client-modules.js";
import type { WrapperDescription } from "../../core/plan-wrapper.js";
import { freshName } from "../../core/text.js";
import { rangeOf, type Node, type TSESTree } from "../ast.js";
import type { V0CallSite } from "../call-sites.js";
import { describeCommandLine } from "../describe-command-line.js";
import type { EngineFile } from "../file.js";

export const meta = {
  id: "exec-command-line",
  description: "Rewrite execHostCmd and backend.execInVMExtension command lines to cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, file: EngineFile): ArgumentsDescription {
  const args = site.call.arguments;
  if (args.length !== 1 || args[0]!.type === "SpreadElement") return { shape: "unexpected" };
  const line = describeCommandLine(args[0]!, file);
  const wrapper = line.static ? undefined : describeWrapper(args[0]!, file);
  return { shape: "command-line", argument: rangeOf(args[0]!), line, ...(wrapper ? { wrapper } : {}) };
}

/** The line is a plain parameter of the enclosing function, used nowhere else in it (core/plan-wrapper). */
function describeWrapper(argument: Node, file: EngineFile): WrapperDescription | undefined {
  const found = wrapperParameter(argument, file);
  if (!found) return undefined;
  const { fn, index, param } = found;
  const uses = file.functionUses(fn);
  // An exported wrapper: what the project pre-pass found of its callers in other files.
  const project = uses?.exported ? file.projectWrappers?.wrappers[`${moduleKeyOf(file.filename)}#${uses.name}`] : undefined;
  const calls = uses && (!uses.exported || project?.rewrite) ? uses.calls : null;
  return {
    ...(project ? { project } : {}),
    param: { ...rangeOf(param), name: param.name, annotated: Boolean(param.typeAnnotation) },
    argsName: freshName("args", [file.source.slice(fn.range[0], fn.range[1])]),
    callers:
      calls?.map((call) => {
        const arg = call.arguments[index];
        const usable = arg !== undefined && arg.type !== "SpreadElement";
        return {
          argument: usable ? rangeOf(arg) : null,
          line: usable ? describeCommandLine(arg, file) : { static: false as const },
          at: { line: call.loc.start.line, column: call.loc.start.column + 1 },
        };
      }) ?? null,
  };
}

/** The wrapper whose parameter the line is: a plain parameter, never reassigned, used nowhere else in the function. */
export function wrapperParameter(argument: Node, file: EngineFile): { fn: TSESTree.FunctionLike; index: number; param: TSESTree.Identifier } | undefined {
  if (argument.type !== "Identifier") return undefined;
  const binding = file.resolve(argument, argument.name);
  if (binding.kind !== "parameter" || file.isReassigned(binding.id)) return undefined;
  const param = binding.fn.params[binding.index];
  if (param?.type !== "Identifier" || file.references(binding.id).length !== 1) return undefined;
  return { fn: binding.fn, index: binding.index, param };
}
