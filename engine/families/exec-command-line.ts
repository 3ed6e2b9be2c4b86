/**
 * `execHostCmd(line)` / `backend.execInVMExtension(line)` → `…cli.exec(cmd, args)`, the line
 * split by the shell's word rules (core/plan-command-line).
 *
 * Before: window.ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`)
 * After:  window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "-n", ns, "-o", "json"])
 */
import type { ArgumentsDescription } from "../../core/call-site.js";
import { moduleKeyOf } from "../../core/client-modules.js";
import type { CommandLineDescription } from "../../core/plan-command-line.js";
import type { PrefixWrapperDescription } from "../../core/plan-prefix-wrapper.js";
import type { WrapperCaller, WrapperDescription } from "../../core/plan-wrapper.js";
import { freshName } from "../../core/text.js";
import { argumentRange, rangeOf, type Node, type TSESTree } from "../ast.js";
import type { V0CallSite } from "../call-sites.js";
import { describeCommandLine } from "../describe-command-line.js";
import type { EngineFile } from "../file.js";
import { wrapperCallers } from "../wrapper-callers.js";

export const meta = {
  id: "exec-command-line",
  description: "Rewrite execHostCmd and backend.execInVMExtension command lines to cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, file: EngineFile): ArgumentsDescription {
  const args = site.call.arguments;
  if (args.length !== 1 || args[0]!.type === "SpreadElement") return { shape: "unexpected" };
  const line = describeCommandLine(args[0]!, file);
  const wrapper = line.static ? undefined : describeWrapper(args[0]!, file);
  const prefixWrapper = line.static ? describePrefixWrapper(args[0]!, line, file) : undefined;
  return { shape: "command-line", argument: argumentRange(args[0]!, site.call, file.source), line, ...(wrapper ? { wrapper } : {}), ...(prefixWrapper ? { prefixWrapper } : {}) };
}

/** Before: const run = (sub: string) => execInVMExtension(`/app/tool ${sub}`)   (core/plan-prefix-wrapper) */
function describePrefixWrapper(argument: Node, line: CommandLineDescription, file: EngineFile): PrefixWrapperDescription | undefined {
  const found = prefixParameter(argument, line, file);
  const callers = found && wrapperCallers(found.fn, file);
  if (!found || !callers) return undefined;
  const project = callers.exportedAs ? file.projectWrappers?.wrappers[`${moduleKeyOf(file.filename)}#${callers.exportedAs}`] : undefined;
  return {
    expression: found.expression,
    stringType: found.param.typeAnnotation ? rangeOf(found.param.typeAnnotation.typeAnnotation) : null,
    callers: callers.calls.map((call) => callerOf(call, found.index, file)),
    unseen: callers.unseen,
    ...(project ? { project } : {}),
  };
}

/**
 * The interpolation of a line that is a wrapper's parameter, typed `string` or not at all, and
 * so free to become `string[]`. Before: `/app/tool ${sub}` in `(sub: string) => …`
 */
export function prefixParameter(argument: Node, line: CommandLineDescription, file: EngineFile): (WrapperParameter & { expression: number }) | undefined {
  if (!line.static || (argument.type !== "TemplateLiteral" && argument.type !== "BinaryExpression")) return undefined;
  for (const expression of line.expressions) {
    if (!/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(expression.text)) continue;
    const found = plainParameter(argument, expression.text, file);
    const type = found?.param.typeAnnotation?.typeAnnotation.type;
    if (found && !found.param.optional && (type === undefined || type === "TSStringKeyword") && !typedElsewhere(found.fn)) return { ...found, expression: expression.id };
  }
  return undefined;
}

/** `const run: (sub: string) => Promise<ExecResult> = (sub) => …`: a type the parameter's change would contradict. */
function typedElsewhere(fn: TSESTree.FunctionLike): boolean {
  return fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn && fn.parent.id.typeAnnotation !== undefined;
}

function callerOf(call: TSESTree.CallExpression, index: number, file: EngineFile): WrapperCaller {
  const arg = call.arguments[index];
  const usable = arg !== undefined && arg.type !== "SpreadElement";
  return {
    argument: usable ? rangeOf(arg) : null,
    line: usable ? describeCommandLine(arg, file) : { static: false as const },
    at: { line: call.loc.start.line, column: call.loc.start.column + 1 },
  };
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
    callers: calls?.map((call) => callerOf(call, index, file)) ?? null,
  };
}

export interface WrapperParameter {
  readonly fn: TSESTree.FunctionLike;
  readonly index: number;
  readonly param: TSESTree.Identifier;
}

/** The wrapper whose parameter the line is: a plain parameter, never reassigned, used nowhere else in the function. */
export function wrapperParameter(argument: Node, file: EngineFile): WrapperParameter | undefined {
  return argument.type === "Identifier" ? plainParameter(argument, argument.name, file) : undefined;
}

/** `name` at `node` is a plain parameter, never reassigned, and read only there. */
function plainParameter(node: Node, name: string, file: EngineFile): WrapperParameter | undefined {
  const binding = file.resolve(node, name);
  if (binding.kind !== "parameter" || file.isReassigned(binding.id)) return undefined;
  const param = binding.fn.params[binding.index];
  if (param?.type !== "Identifier" || file.references(binding.id).length !== 1) return undefined;
  return { fn: binding.fn, index: binding.index, param };
}
