/**
 * The client as projects hand it around: a class field the class assigns, a parameter its
 * callers pass. engine/clients asks these with its own `classify` for the values found, which
 * keeps this file free of an import back into it.
 */
import type { ReceiverKind } from "../core/call-site.js";
import type { Node, TSESTree } from "./ast.js";
import { isClientType, isProjectType } from "./client-types.js";
import type { EngineFile } from "./file.js";

/** Wrappers a function expression may stand in before it is called: `(async () => …)!()`, `(<T>() => …) as F`. */
const TRANSPARENT = new Set(["ParenthesizedExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "TSNonNullExpression"]);

/** What a value is, one step further down engine/clients' recursion. */
export type Classify = (value: Node) => ReceiverKind;

/**
 * A parameter of a function whose every call is in view (not exported, never passed as a value;
 * or called where it is written): the client when each call passes the client there, not the
 * client when none does.
 *
 * Before: function load(api) { return api.execHostCmd("ls"); }  load(window.ddClient);
 *         (({ execHostCmd }) => execHostCmd("ls"))(window.ddClient);
 */
export function passedByEveryCaller(fn: TSESTree.FunctionLike, index: number, file: EngineFile, classify: Classify): ReceiverKind {
  const calls = immediateCall(fn, file) ?? file.callsOf(fn);
  if (!calls?.length) return "unknown";
  const kinds = calls.map((call) => {
    const args = call.arguments.slice(0, index + 1);
    const arg = args[index];
    return !arg || args.some((a) => a.type === "SpreadElement") ? "unknown" : classify(arg);
  });
  return kinds.every((kind) => kind === kinds[0]) ? kinds[0]! : "unknown";
}

/** `(function (…) {…})(…)`, `((…) => …)(…)`: the one call of a function expression called where it stands (and never by its own name). */
function immediateCall(fn: TSESTree.FunctionLike, file: EngineFile): TSESTree.CallExpression[] | null {
  if (fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") return null;
  if (fn.id && file.references(fn.id).length > 0) return null;
  let outer: Node = fn;
  while (outer.parent && TRANSPARENT.has(outer.parent.type)) outer = outer.parent;
  const call = outer.parent;
  return call?.type === "CallExpression" && call.callee === outer ? [call] : null;
}

/**
 * What a function's every return (or its expression body) is: the client when each is, not the
 * client when none is. A bare `return`, or running off the end, gives `undefined`; the returns
 * of functions inside it are theirs.
 *
 * Before: const withLegacyApi = (host) => offline;   function useClient() { return ddClient; }
 */
export function everyReturn(fn: TSESTree.FunctionLike, classify: Classify): ReceiverKind {
  const body = fn.body;
  if (!body) return "unknown";
  if (body.type !== "BlockStatement") return classify(body);
  const returns: TSESTree.ReturnStatement[] = [];
  collectReturns(body, returns);
  const kinds = returns.map((ret) => (ret.argument ? classify(ret.argument) : "not-client"));
  const last = body.body[body.body.length - 1];
  if (last?.type !== "ReturnStatement" && last?.type !== "ThrowStatement") kinds.push("not-client");
  return kinds.every((kind) => kind === kinds[0]) ? kinds[0]! : "unknown";
}

/** The `return` statements a statement holds: a return stands only where a statement does, so expressions (and the functions in them) are not entered. */
function collectReturns(statement: TSESTree.Statement, out: TSESTree.ReturnStatement[]): void {
  switch (statement.type) {
    case "ReturnStatement":
      out.push(statement);
      break;
    case "BlockStatement":
      for (const inner of statement.body) collectReturns(inner, out);
      break;
    case "IfStatement":
      collectReturns(statement.consequent, out);
      if (statement.alternate) collectReturns(statement.alternate, out);
      break;
    case "TryStatement":
      collectReturns(statement.block, out);
      if (statement.handler) collectReturns(statement.handler.body, out);
      if (statement.finalizer) collectReturns(statement.finalizer, out);
      break;
    case "SwitchStatement":
      for (const branch of statement.cases) for (const inner of branch.consequent) collectReturns(inner, out);
      break;
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
    case "LabeledStatement":
    case "WithStatement":
      collectReturns(statement.body, out);
      break;
  }
}

/**
 * `this.ddClient`: the field as the class declares it (the client's type, or a constructor
 * parameter property of it), else the values the class gives it: its initialiser and every
 * `this.ddClient = …` in its methods, all the client (or all something else).
 *
 * Before: class Api { client; constructor() { this.client = createDockerDesktopClient(); } }
 */
export function classifyClassField(member: TSESTree.MemberExpression, name: string | undefined, file: EngineFile, classify: Classify): ReceiverKind {
  const body = name ? enclosingClassBody(member) : null;
  if (!name || !body) return "unknown";
  const values: Node[] = [];
  let type: TSESTree.TypeNode | undefined;
  for (const element of body.body) {
    if (element.type === "PropertyDefinition" && !element.static && !element.computed && element.key.type === "Identifier" && element.key.name === name) {
      type = element.typeAnnotation?.typeAnnotation;
      if (element.value) values.push(element.value);
    }
    // constructor(private readonly ddClient: v1Hybrid.DockerDesktopClient)
    if (element.type === "MethodDefinition" && element.kind === "constructor") {
      const prop = element.value.params.find((p) => p.type === "TSParameterProperty" && p.parameter.type === "Identifier" && p.parameter.name === name);
      if (prop?.type === "TSParameterProperty" && prop.parameter.type === "Identifier") type = prop.parameter.typeAnnotation?.typeAnnotation;
      if (prop) return isClientType(type) ? "client" : isProjectType(type, file) ? "not-client" : "unknown";
    }
  }
  if (isClientType(type)) return "client";
  // Every other write of `this.<name>` in the class: a plain assignment gives a value; any other (`+=`, destructuring) none that is known.
  for (const id of file.identifiersIn(body.range[0], body.range[1])) {
    const write = id.name === name ? id.parent : undefined;
    if (write?.type !== "MemberExpression" || write.property !== id || write.computed || write.object.type !== "ThisExpression" || enclosingClassBody(write) !== body) continue;
    const assignment = write.parent;
    if (assignment?.type === "AssignmentExpression" && assignment.left === write) {
      if (assignment.operator !== "=") return "unknown";
      values.push(assignment.right);
    } else if (assignment?.type === "UpdateExpression" || assignment?.type === "Property" || assignment?.type === "ArrayPattern" || assignment?.type === "AssignmentPattern" || assignment?.type === "RestElement" || assignment?.type === "ForOfStatement" || assignment?.type === "ForInStatement" || (assignment?.type === "UnaryExpression" && assignment.operator === "delete")) {
      return "unknown";
    }
  }
  if (values.length === 0) return isProjectType(type, file) ? "not-client" : "unknown";
  const kinds = values.map((value) => classify(value));
  return kinds.every((kind) => kind === kinds[0]) ? kinds[0]! : "unknown";
}

/** The body of the class whose instance `this` is at `node`: a method's own function is the class's; any other `function` has its own `this`. */
function enclosingClassBody(node: Node): TSESTree.ClassBody | null {
  let current: Node | undefined = node.parent;
  while (current && current.type !== "ClassBody") {
    const method = current.type === "FunctionExpression" && current.parent?.type === "MethodDefinition" && !current.parent.static;
    if ((current.type === "FunctionExpression" && !method) || current.type === "FunctionDeclaration") return null;
    current = current.parent;
  }
  return current ?? null;
}
