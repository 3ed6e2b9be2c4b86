/**
 * Describes an inline v0 spawn callback for core/plan-stream: its parameters, and each body
 * statement as an `if` chain of event tests with the text of tests and branches.
 * Anything else (a statement that runs on every event, `this`, `arguments`, `async`, a
 * parameter reassigned) leaves `statements` null: the callback is then wired, not split.
 */
import type { Branch, CallbackStatement, InlineCallback, ParameterRef, SourceText } from "../../core/plan-stream.js";
import { eventTestOf, type Field } from "../../core/spawn-events.js";
import type { AstNode } from "./parse.js";
import { isMemberNode, propertyName } from "./clients.js";
import type { NodePath } from "./scope.js";

const FIELDS = new Set<Field>(["stdout", "stderr", "code", "close"]);

interface Params {
  readonly dataName?: string;
  readonly errName?: string;
}

export function describeCallback(fn: NodePath, source: string, j: any): InlineCallback {
  const node = fn.node;
  const params: AstNode[] = node.params;
  const names = params.map((param) => (param.type === "Identifier" ? param.name : undefined));
  const annotation = (param: AstNode | undefined): string | undefined =>
    param?.typeAnnotation ? source.slice(param.typeAnnotation.start, param.typeAnnotation.end) : undefined;
  const described: InlineCallback = {
    ...(names[0] ? { dataName: names[0] } : {}),
    ...(names[1] ? { errName: names[1] } : {}),
    ...(annotation(params[0]) ? { dataAnnotation: annotation(params[0]) } : {}),
    ...(annotation(params[1]) ? { errAnnotation: annotation(params[1]) } : {}),
    statements: null,
    trailingComments: "",
  };
  if (params.length > 2 || names.some((name, i) => name === undefined && i < params.length)) return described;
  if (node.async || node.generator || node.body.type !== "BlockStatement") return described;
  const scope = fn.get("body").scope;
  const nodes = collectCallbackNodes(fn, j);
  if (usesOwnThisOrArguments(fn, nodes) || paramsReassigned(nodes, described, scope)) return described;
  const ctx: Ctx = { source, identifiers: nodes.identifiers, scope, params: described, unclear: false };
  const statements: CallbackStatement[] = [];
  // Comments are whatever stands between two statements (or the braces) besides blanks.
  let previousEnd = node.body.start + 1;
  for (let i = 0; i < node.body.body.length; i++) {
    const branches = describeChain(fn.get("body", "body", i), ctx);
    if (!branches) return described;
    statements.push({ comments: source.slice(previousEnd, node.body.body[i].start).trim(), branches });
    previousEnd = node.body.body[i].end;
  }
  const trailingComments = source.slice(previousEnd, node.body.end - 1).trim();
  return ctx.unclear ? described : { ...described, statements, trailingComments };
}

interface Ctx {
  readonly source: string;
  /** Every identifier inside the callback, in source order. */
  readonly identifiers: readonly NodePath[];
  readonly scope: unknown;
  readonly params: Params;
  /** Set when a parameter is used in a way a handler cannot reproduce (`{ data }` shorthand). */
  unclear: boolean;
}

function describeChain(path: NodePath, ctx: Ctx): Branch[] | null {
  const branches: Branch[] = [];
  let current: NodePath | null = path;
  while (current) {
    if (current.node.type !== "IfStatement") {
      if (branches.length === 0) return null;
      branches.push(branchOf(current, undefined, ctx));
      break;
    }
    const tree = eventTestOf(current.node.test, ctx.params);
    if (!tree) return null;
    branches.push(branchOf(current.get("consequent"), { tree, text: sourceText(current.get("test"), ctx) }, ctx));
    current = current.node.alternate ? current.get("alternate") : null;
  }
  return branches;
}

function branchOf(body: NodePath, test: Branch["test"], ctx: Ctx): Branch {
  const node = body.node;
  const statements: AstNode[] = node.type === "BlockStatement" ? node.body : [node];
  const last = statements.at(-1);
  const lexical = statements.some((s) => (s.type === "VariableDeclaration" && s.kind !== "var") || s.type === "ClassDeclaration" || s.type === "FunctionDeclaration");
  const bareReturn = last?.type === "ReturnStatement" && !last.argument;
  const inlined = bareReturn ? statements.slice(0, -1) : statements;
  const inlineBody = lexical ? undefined : inlined.length === 0 ? { text: "", refs: [] } : sourceText(body, ctx, inlined[0]!.start, inlined.at(-1)!.end);
  return {
    ...(test ? { test } : {}),
    body: sourceText(body, ctx),
    ...(inlineBody ? { inlineBody } : {}),
    alwaysExits: last?.type === "ReturnStatement" || last?.type === "ThrowStatement",
  };
}

/** The text of `path` (or of [start, end) within it), with every reference to the callback's parameters. */
function sourceText(path: NodePath, ctx: Ctx, start = path.node.start, end = path.node.end): SourceText {
  const refs: ParameterRef[] = [];
  const { dataName, errName } = ctx.params;
  for (const idPath of ctx.identifiers) {
    const id = idPath.node;
    if (id.start < start || id.end > end) continue;
    if (id.name !== dataName && id.name !== errName) continue;
    const parent = idPath.parent!.node;
    if (isMemberNode(parent) && parent.property === id && !parent.computed) continue;
    if (parent.type === "ObjectProperty" && parent.shorthand) {
      ctx.unclear = true;
      continue;
    }
    if ((parent.type === "ObjectProperty" || parent.type === "ObjectMethod") && parent.key === id && !parent.computed) continue;
    if (idPath.scope?.lookup(id.name) !== ctx.scope) continue;
    if (id.name === errName) {
      refs.push({ start: id.start - start, end: id.end - start, ref: { kind: "err" } });
      continue;
    }
    const field = isMemberNode(parent) && parent.object === id ? propertyName(parent) : undefined;
    if (field && FIELDS.has(field as Field) && !parent.computed) {
      refs.push({ start: parent.start - start, end: parent.end - start, ref: { kind: "field", field: field as Field } });
    } else {
      refs.push({ start: id.start - start, end: id.end - start, ref: { kind: "data" } });
    }
  }
  return { text: ctx.source.slice(start, end), refs };
}


interface CallbackNodes {
  readonly identifiers: NodePath[];
  readonly thisExpressions: NodePath[];
  readonly assignments: NodePath[];
}

let collected: CallbackNodes | null = null;
let callbackVisitor: { visit(path: unknown): void } | null = null;

/** One walk of the callback (a visitor built once per process) for everything the description reads. */
function collectCallbackNodes(fn: NodePath, j: any): CallbackNodes {
  callbackVisitor ??= j.types.PathVisitor.fromMethodsObject({
    visitIdentifier(this: any, path: NodePath) {
      collected!.identifiers.push(path);
      this.traverse(path);
    },
    visitThisExpression(path: NodePath) {
      collected!.thisExpressions.push(path);
      return false;
    },
    visitAssignmentExpression(this: any, path: NodePath) {
      collected!.assignments.push(path);
      this.traverse(path);
    },
  });
  const nodes: CallbackNodes = { identifiers: [], thisExpressions: [], assignments: [] };
  collected = nodes;
  try {
    callbackVisitor!.visit(fn);
  } finally {
    collected = null;
  }
  return nodes;
}

/** `this`/`arguments` of a `function` callback itself (not of functions nested in it). */
function usesOwnThisOrArguments(fn: NodePath, nodes: CallbackNodes): boolean {
  if (fn.node.type === "ArrowFunctionExpression") return false;
  const ownsIt = (path: NodePath): boolean => {
    for (let p = path.parent; p; p = p.parent) {
      if (p.node === fn.node) return true;
      if (p.node.type !== "ArrowFunctionExpression" && /Function|Method/.test(p.node.type)) return false;
    }
    return false;
  };
  const argumentsUses = nodes.identifiers.filter((p) => p.node.name === "arguments");
  return [...nodes.thisExpressions, ...argumentsUses].some(ownsIt) || (fn.node.type === "FunctionExpression" && fn.node.id != null);
}

function paramsReassigned(nodes: CallbackNodes, params: Params, scope: unknown): boolean {
  const names = [params.dataName, params.errName].filter(Boolean);
  return nodes.assignments.some((p) => {
    const left = p.node.left;
    return left.type === "Identifier" && names.includes(left.name) && p.scope?.lookup(left.name) === scope;
  });
}
