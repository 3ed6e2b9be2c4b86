/**
 * A matched v0 call as core's CallSiteDescription: the same plain data the codemod's Babel
 * wing produces (transforms/*.ts describeArguments), so core/plan-call-site gives the lint fix
 * and the codemod one rewrite.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { ArgumentValue, ArgumentsDescription, CallSiteDescription, CallbackDescription, HoistDescription, ResultUse } from "../../core/call-site.js";
import type { WrapperDescription } from "../../core/plan-wrapper.js";
import { freshName, reindent } from "../../core/text.js";
import type { TransformId } from "../../deprecations/table.js";
import { describeMemberPath, positionOf, type V0CallSite } from "./call-sites.js";
import { describeCallback } from "./describe-callback.js";
import { propertyName } from "./clients.js";
import { describeCommandLine, literalValue } from "./describe-command-line.js";
import { isFunctionNode, lineIndent, type LintFile } from "./file.js";
import { isEffectFree } from "../../core/effect-free.js";

type Node = TSESTree.Node;

/** One describer per transform of the table, as transforms/index.ts registers them. */
const DESCRIBE_ARGUMENTS: Record<TransformId, (site: V0CallSite, file: LintFile) => ArgumentsDescription> = {
  "backend-service": () => ({ shape: "unchanged" }),
  "member-rename": () => ({ shape: "unchanged" }),
  "docker-cli": (site, file) => {
    const args = site.call.arguments;
    if (args.length === 0 || args[0]!.type === "SpreadElement") return { shape: "unexpected" };
    const argsRange = { start: args[0]!.range[0], end: args.at(-1)!.range[1] };
    if (site.row.kind === "container-exec") {
      if (args.length !== 2 || args[1]!.type === "SpreadElement") return { shape: "unexpected" };
      return { shape: "container-exec", argsRange, container: argumentValue(args[0]!, file), line: describeCommandLine(args[1]!, file) };
    }
    return { shape: "docker-rest", argsRange, cmd: describeCommandLine(args[0]!, file), rest: args.slice(1).map((arg) => argumentValue(arg, file)) };
  },
  "exec-command-line": (site, file) => {
    const args = site.call.arguments;
    if (args.length !== 1 || args[0]!.type === "SpreadElement") return { shape: "unexpected" };
    const line = describeCommandLine(args[0]!, file);
    const wrapper = line.static ? undefined : describeWrapper(args[0]!, file);
    return { shape: "command-line", argument: rangeOf(args[0]!), line, ...(wrapper ? { wrapper } : {}) };
  },
  "spawn-stream": (site, file) => {
    const args = site.call.arguments;
    if (args.length !== 3 || args.some((arg) => arg.type === "SpreadElement")) return { shape: "unexpected" };
    return { shape: "spawn", callbackRange: rangeOf(args[2]!), callback: describeSpawnCallback(site, args[2]!, file) };
  },
};

export function describeCallSite(site: V0CallSite, file: LintFile): CallSiteDescription {
  const transform = site.row.transform;
  return {
    member: site.row.id,
    at: positionOf(site),
    receiver: { kind: site.receiverKind, text: site.receiverText },
    path: describeMemberPath(site, file.source),
    args: transform && site.receiverKind === "client" ? DESCRIBE_ARGUMENTS[transform](site, file) : { shape: "unchanged" },
    callRange: rangeOf(site.call),
    resultUse: resultUseOf(site.call),
  };
}

/** The line is a plain parameter of the enclosing function, used nowhere else in it (core/plan-wrapper). */
function describeWrapper(argument: Node, file: LintFile): WrapperDescription | undefined {
  if (argument.type !== "Identifier") return undefined;
  const binding = file.resolve(argument, argument.name);
  if (binding.kind !== "parameter" || file.isReassigned(binding.variable)) return undefined;
  const param = binding.fn.params[binding.index];
  if (param?.type !== "Identifier" || binding.variable.references.length !== 1) return undefined;
  const calls = file.callsOf(binding.fn);
  const fnText = file.source.slice(binding.fn.range[0], binding.fn.range[1]);
  return {
    param: { start: param.range[0], end: param.range[1], name: param.name, annotated: Boolean(param.typeAnnotation) },
    argsName: freshName("args", [fnText]),
    callers:
      calls?.map((call) => {
        const arg = call.arguments[binding.index];
        const usable = arg !== undefined && arg.type !== "SpreadElement";
        return {
          argument: usable ? rangeOf(arg) : null,
          line: usable ? describeCommandLine(arg, file) : { static: false as const },
          at: { line: call.loc.start.line, column: call.loc.start.column + 1 },
        };
      }) ?? null,
  };
}

/** A string literal's (or string constant's) value; any other argument, spreads included, as text. */
function argumentValue(node: Node, file: LintFile): ArgumentValue {
  const text = file.source.slice(node.range[0], node.range[1]);
  let value: string | undefined;
  if (node.type === "Literal" && typeof node.value === "string") value = node.value;
  else if (node.type === "TemplateLiteral") value = node.expressions.length === 0 ? literalValue(node) : undefined;
  else if (node.type === "Identifier") {
    const binding = file.resolve(node, node.name);
    value = binding.kind === "variable" && binding.constant ? literalValue(binding.init) : undefined;
  }
  return value === undefined ? { text } : { text, value };
}

const TRANSPARENT = new Set(["TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression", "ChainExpression"]);

/** What the code does with the call's value. */
function resultUseOf(call: TSESTree.CallExpression): ResultUse {
  let node: Node = call;
  while (node.parent && TRANSPARENT.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent || parent.type === "ExpressionStatement") return "discarded";
  if (parent.type === "UnaryExpression" && parent.operator === "void") return "voided";
  if (parent.type === "AwaitExpression") return "awaited";
  if (parent.type === "ArrowFunctionExpression" && parent.body === node) return "arrow-body";
  if (parent.type === "MemberExpression" && parent.object === node && ["then", "catch", "finally"].includes(propertyName(parent) ?? "")) return "chained";
  return "value";
}

function rangeOf(node: Node): { start: number; end: number } {
  return { start: node.range[0], end: node.range[1] };
}

function describeSpawnCallback(site: V0CallSite, callback: Node, file: LintFile): CallbackDescription {
  const hoist = hoistCallback(site, callback, file);
  if (callback.type === "ArrowFunctionExpression" || callback.type === "FunctionExpression") {
    const first = callback.body.type === "BlockStatement" ? callback.body.body[0] : undefined;
    const bodyIndent = first ? lineIndent(file.source, first.range[0]) : lineIndent(file.source, callback.range[0]) + file.style.indentUnit;
    return { kind: "inline", described: describeCallback(callback, file), bodyIndent, hoist };
  }
  if (callback.type === "Identifier" && isStableName(callback, file)) {
    return { kind: "stable-name", name: callback.name, hoist };
  }
  return { kind: "other", hoist };
}

/** A name that denotes the same function at every event: a constant, a function declaration, or a parameter never reassigned. */
function isStableName(node: TSESTree.Identifier, file: LintFile): boolean {
  const binding = file.resolve(node, node.name);
  if (binding.kind === "variable") return binding.constant && !binding.ambient;
  if (binding.kind === "function" || binding.kind === "import") return true;
  return binding.kind === "parameter" && !file.isReassigned(binding.variable);
}



const BLOCK_BODIES = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchCase"]);

/** Where the callback can be bound once, before the statement holding the call (see core/plan-call-site). */
function hoistCallback(site: V0CallSite, callback: Node, file: LintFile): HoistDescription | null {
  const [cmd, args] = site.call.arguments;
  if (!isEffectFree(cmd) || !isEffectFree(args)) return null;
  let statement: Node | undefined = site.call;
  while (statement && !(statement.parent && BLOCK_BODIES.has(statement.parent.type) && /Statement|Declaration/.test(statement.type))) {
    if (statement !== site.call && isFunctionNode(statement)) return null;
    statement = statement.parent;
  }
  if (!statement) return null;
  const indent = lineIndent(file.source, statement.range[0]);
  return {
    at: statement.range[0],
    indent,
    callbackText: reindent(file.source.slice(callback.range[0], callback.range[1]), lineIndent(file.source, callback.range[0]), indent),
    name: freshName("onSpawnEvent", [file.source]),
  };
}
