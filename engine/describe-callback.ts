/**
 * Describes an inline v0 spawn callback for core/plan-stream: its parameters, and each body
 * statement as an `if` chain of event tests with the text of tests and branches. Anything
 * else (a statement that runs on every event, `this`, `arguments`, `async`, a parameter
 * reassigned) leaves `statements` null, and the callback is then wired, not split.
 */
import type { Branch, CallbackStatement, InlineCallback, ParameterRef, SourceText } from "../core/plan-stream.js";
import { eventTestOf, type Field } from "../core/spawn-events.js";
import { propertyName, type Identifier, type Node, type TSESTree } from "./ast.js";
import type { EngineFile } from "./file.js";
import { forEachDescendant } from "./walk.js";
type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

const FIELDS = new Set<string>(["stdout", "stderr", "code", "close"]);

interface Ctx {
  readonly source: string;
  readonly dataName?: string;
  readonly errName?: string;
  /** Every identifier inside the callback named like a parameter, in source order. */
  readonly identifiers: readonly TSESTree.Identifier[];
  /** References to the callback's own parameters. */
  readonly paramRefs: ReadonlySet<Node>;
  /** Set when a parameter is used in a way a handler cannot reproduce (`{ data }` shorthand). */
  unclear: boolean;
}

export function describeCallback(fn: Callback, file: EngineFile): InlineCallback {
  const source = file.source;
  const names = fn.params.map((param) => (param.type === "Identifier" ? param.name : undefined));
  const annotation = (param: TSESTree.Parameter | undefined): string | undefined => {
    const type = param && "typeAnnotation" in param ? param.typeAnnotation : undefined;
    return type ? source.slice(type.range[0], type.range[1]) : undefined;
  };
  const described: InlineCallback = {
    ...(names[0] ? { dataName: names[0] } : {}),
    ...(names[1] ? { errName: names[1] } : {}),
    ...(annotation(fn.params[0]) ? { dataAnnotation: annotation(fn.params[0]) } : {}),
    ...(annotation(fn.params[1]) ? { errAnnotation: annotation(fn.params[1]) } : {}),
    statements: null,
    trailingComments: "",
  };
  if (fn.params.length > 2 || names.some((name) => name === undefined)) return described;
  if (fn.async || fn.generator || fn.body.type !== "BlockStatement") return described;
  const params = fn.params as Identifier[];
  const nodes = collect(fn, file, new Set(names as string[]));
  if (usesOwnThisOrArguments(fn, nodes) || params.some((param) => file.isReassigned(param))) return described;
  const paramRefs = new Set<Node>(params.flatMap((param) => file.references(param).map((ref) => ref.identifier)));
  const ctx: Ctx = { source, ...(names[0] ? { dataName: names[0] } : {}), ...(names[1] ? { errName: names[1] } : {}), identifiers: nodes.identifiers, paramRefs, unclear: false };
  const statements: CallbackStatement[] = [];
  // Comments are whatever stands between two statements (or the braces) besides blanks.
  let previousEnd = fn.body.range[0] + 1;
  for (const statement of fn.body.body) {
    const branches = describeChain(statement, ctx);
    if (!branches) return described;
    statements.push({ comments: source.slice(previousEnd, statement.range[0]).trim(), branches });
    previousEnd = statement.range[1];
  }
  const trailingComments = source.slice(previousEnd, fn.body.range[1] - 1).trim();
  return ctx.unclear ? described : { ...described, statements, trailingComments };
}

function describeChain(statement: Node, ctx: Ctx): Branch[] | null {
  const branches: Branch[] = [];
  let current: Node | null = statement;
  while (current) {
    if (current.type !== "IfStatement") {
      if (branches.length === 0) return null;
      branches.push(branchOf(current, undefined, ctx));
      break;
    }
    const tree = eventTestOf(current.test, ctx);
    if (!tree) return null;
    branches.push(branchOf(current.consequent, { tree, text: sourceText(current.test, ctx) }, ctx));
    current = current.alternate;
  }
  return branches;
}

function branchOf(body: Node, test: Branch["test"], ctx: Ctx): Branch {
  const statements: Node[] = body.type === "BlockStatement" ? body.body : [body];
  const last = statements.at(-1);
  const lexical = statements.some((s) => (s.type === "VariableDeclaration" && s.kind !== "var") || s.type === "ClassDeclaration" || s.type === "FunctionDeclaration");
  const bareReturn = last?.type === "ReturnStatement" && !last.argument;
  const inlined = bareReturn ? statements.slice(0, -1) : statements;
  const inlineBody = lexical ? undefined : inlined.length === 0 ? { text: "", refs: [] } : sourceText(body, ctx, inlined[0]!.range[0], inlined.at(-1)!.range[1]);
  return {
    ...(test ? { test } : {}),
    body: sourceText(body, ctx),
    ...(inlineBody ? { inlineBody } : {}),
    alwaysExits: last?.type === "ReturnStatement" || last?.type === "ThrowStatement",
  };
}

/** The text of `node` (or of [start, end) within it), with every reference to the callback's parameters. */
function sourceText(node: Node, ctx: Ctx, start = node.range[0], end = node.range[1]): SourceText {
  const refs: ParameterRef[] = [];
  for (const id of ctx.identifiers) {
    if (id.range[0] < start || id.range[1] > end) continue;
    const parent = id.parent;
    if (parent.type === "MemberExpression" && parent.property === id && !parent.computed) continue;
    if (parent.type === "Property" && parent.shorthand) {
      ctx.unclear = true;
      continue;
    }
    if ((parent.type === "Property" || parent.type === "MethodDefinition") && parent.key === id && !parent.computed) continue;
    if (!ctx.paramRefs.has(id)) continue;
    const at = (n: Node): { start: number; end: number } => ({ start: n.range[0] - start, end: n.range[1] - start });
    if (id.name === ctx.errName) {
      refs.push({ ...at(id), ref: { kind: "err" } });
      continue;
    }
    const field = parent.type === "MemberExpression" && parent.object === id && !parent.computed ? propertyName(parent) : undefined;
    if (field && FIELDS.has(field)) refs.push({ ...at(parent), ref: { kind: "field", field: field as Field } });
    else refs.push({ ...at(id), ref: { kind: "data" } });
  }
  return { text: ctx.source.slice(start, end), refs };
}


interface CallbackNodes {
  readonly identifiers: TSESTree.Identifier[];
  /** `this` and `arguments` anywhere inside the callback. */
  readonly thisOrArguments: Node[];
}

/** The callback's identifiers named like its parameters (from the file's walk), and its `this` and `arguments`. */
function collect(fn: Callback, file: EngineFile, names: ReadonlySet<string>): CallbackNodes {
  const [start, end] = fn.body.range;
  const nodes: CallbackNodes = { identifiers: [], thisOrArguments: [] };
  for (const id of file.identifiersIn(start, end)) {
    if (names.has(id.name)) nodes.identifiers.push(id);
    if (id.name === "arguments") nodes.thisOrArguments.push(id);
  }
  // Only a `function` has a `this` of its own; the text tells when there is none to look for.
  if (fn.type === "FunctionExpression" && /\bthis\b/.test(file.source.slice(start, end))) {
    forEachDescendant(fn.body, file.index.keys, (node) => void (node.type === "ThisExpression" && nodes.thisOrArguments.push(node)));
  }
  return nodes;
}

/** `this`/`arguments` of a `function` callback itself (not of functions nested in it). */
function usesOwnThisOrArguments(fn: Callback, nodes: CallbackNodes): boolean {
  if (fn.type === "ArrowFunctionExpression") return false;
  const ownsIt = (node: Node): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (p === fn) return true;
      if (p.type === "FunctionExpression" || p.type === "FunctionDeclaration") return false;
    }
    return false;
  };
  return nodes.thisOrArguments.some(ownsIt) || fn.id != null;
}

