/**
 * The closing sweep: every use of a v0 member in a file, in any syntactic form, on any receiver
 * that may be the client. It shares no code with the describers (engine/call-sites,
 * describe-*): it is the check on them, and the codemod and the lint rule report each use no
 * finding of theirs stands at (engine/sweep-report).
 *
 * ESTree reaches a member of a value in three places only: a member expression (`c.m`, `c?.m`,
 * `c["m"]`, `` c[`m`] ``, `c[K]` with `const K = "m"`), a binary `in` (`"m" in c`), and a
 * property of an object pattern (`{ m }`, `{ m: x = d }`, `{ ["m"]: x }`, nested; in
 * declarations, assignments, parameters, catch clauses and for-of heads). The first two name
 * the member with an identifier or a string, the third with a key: so the index's identifiers
 * and v0-named strings (engine/walk) lead to every use, and the parent tells the form (a call,
 * `.bind`, `typeof`, an assignment, a read of the value…). `backend` is followed to its methods
 * through any of these forms, also when a local holds it (`const b = c.backend; b["post"](…)`)
 * or a copy of it (`const b = { ...c.backend }; b.post(…)`). A copy of the whole client
 * (`const copy = { ...c }`, engine/client-copies) is a receiver of every v0 name, reported where
 * the member is used on it: no rewrite onto a copy is sure to work.
 *
 * Receivers: one classifyClient proves `not-client` is exempt; on an unknown one only a
 * distinctive name is a use (the ambiguity rule of the describers), on the client every name is.
 * A parameter's pattern receives what every caller in view passes (an immediately invoked
 * function's one call included); no other pattern without a value shows its receiver.
 */
import { DEPRECATIONS, findDeprecation, V0_ROOT_MEMBERS } from "../deprecations/table.js";
import type { Identifier, Node, TSESTree } from "./ast.js";
import { copiedMemberKind } from "./client-copies.js";
import type { ReceiverKind } from "../core/call-site.js";
import { classifyClient, classifyParameterPattern } from "./clients.js";
import type { EngineFile } from "./file.js";
import { oncePerFile } from "./per-file.js";

export interface V0Use {
  /** The table id (`execHostCmd`, `backend.post`), or `backend` when no method of it is reached in view. */
  readonly member: string;
  /** The first v0 segment, where the use is reported: `backend` of `c.backend.get`, the key of a pattern, the local holding `backend`. */
  readonly node: Node;
  /** How the member is reached: `call`, `computed member`, `bind`, `call method`, `apply method`, `destructuring`, `in test`, `typeof`, `assignment`, `value read`… */
  readonly form: string;
  readonly receiver: { readonly kind: "client" | "unknown"; readonly text: string };
  /** A member taken into a local: the local's references, where a finding of the describers also accounts for it. */
  readonly related: readonly Node[];
}

const BACKEND_METHODS = new Set(DEPRECATIONS.filter((row) => row.id.startsWith("backend.")).map((row) => row.id.slice("backend.".length)));
/** Wrappers that keep the value: `c.backend!`, `(c as any)`, `c?.x` inside its chain. */
const TRANSPARENT = new Set(["TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "ChainExpression", "ParenthesizedExpression"]);
const FUNCTION_METHODS = new Set(["bind", "call", "apply"]);

export const sweepV0Uses: (file: EngineFile) => readonly V0Use[] = oncePerFile((file) => new Sweep(file).run());

class Sweep {
  private readonly uses: V0Use[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly file: EngineFile) {}

  run(): V0Use[] {
    for (const id of this.file.index.identifiers) if (V0_ROOT_MEMBERS.has(id.name)) this.name(id);
    for (const string of this.file.index.v0Strings) this.string(string);
    return this.uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** `c.execHostCmd`, or a key of a pattern: `{ execHostCmd }`, `{ backend: b }`, `{ toastError = f }`. */
  private name(id: Identifier): void {
    const parent = id.parent;
    if (parent?.type === "MemberExpression" && parent.property === id && !parent.computed) return this.member(parent, id.name, id);
    const property = parent?.type === "AssignmentPattern" ? parent.parent : parent;
    if (property?.type !== "Property" || property.computed || property.parent?.type !== "ObjectPattern") return;
    if (property.key === id || (property.shorthand && (property.value === id || property.value === parent))) this.patternProperty(property, id.name, id);
  }

  /** `"execHostCmd"` or `` `backend` ``: a key where it stands, or a constant whose references are keys. */
  private string(node: Node): void {
    const name = node.type === "Literal" ? String(node.value) : (node as TSESTree.TemplateLiteral).quasis[0]!.value.cooked!;
    const holder = up(node).parent;
    if (holder?.type === "VariableDeclarator" && holder.id.type === "Identifier" && up(node) === holder.init && !this.file.isReassigned(holder.id)) {
      for (const ref of this.file.references(holder.id)) this.key(ref.identifier, name);
      return;
    }
    this.key(node, name);
  }

  private key(node: Node, name: string): void {
    const outer = up(node);
    const parent = outer.parent;
    if (parent?.type === "MemberExpression" && parent.computed && parent.property === outer) this.member(parent, name, node);
    else if (parent?.type === "BinaryExpression" && parent.operator === "in" && parent.left === outer) this.add(name, node, "in test", parent.right, []);
    else if (parent?.type === "Property" && parent.computed && parent.key === outer && parent.parent?.type === "ObjectPattern") this.patternProperty(parent, name, node);
  }

  /** `R.name` in any form, `at` its name. */
  private member(member: TSESTree.MemberExpression, name: string, at: Node): void {
    const outer = up(member);
    if (name !== "backend") return this.add(name, at, formOf(outer, member.computed), member.object, []);
    if (this.backendMethods(member, at, member.object, [])) return;
    const parent = outer.parent;
    // Before: const b = c.backend;   b.get(…), b["post"](…), const { put } = b
    if (parent?.type === "VariableDeclarator" && parent.init === outer && parent.id.type === "Identifier") return this.heldBackend(parent.id, at, "value read", member.object);
    // Before: const b = { ...c.backend };   b.get(…)   (the copy's own properties are not backend's)
    const copy = spreadCopy(outer);
    if (copy) return this.heldBackend(copy.local, at, "spread copy", member.object, undefined, copy.own);
    this.add("backend", at, formOf(outer, member.computed), member.object, []);
  }

  /** `{ execHostCmd: run }` off the pattern's value; `{ backend: { get } }` and `{ backend: b }` on to the methods. */
  private patternProperty(property: TSESTree.Property, name: string, at: Node): void {
    const pattern = property.parent as TSESTree.ObjectPattern;
    const source = patternSource(pattern);
    const receiver = source ?? pattern;
    // A parameter's pattern takes apart what its callers pass; other patterns show no value.
    const known = source ? undefined : classifyParameterPattern(pattern, this.file);
    const target = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (name !== "backend") return this.add(name, at, "destructuring", receiver, target.type === "Identifier" ? this.referencesOf(target) : [], known);
    if (target.type === "ObjectPattern") {
      if (!this.patternMethods(target, at, receiver, known)) this.add("backend", at, "destructuring", receiver, [], known);
    } else if (target.type === "Identifier") {
      this.heldBackend(target, at, "destructuring", receiver, known);
    } else {
      this.add("backend", at, "destructuring", receiver, [], known);
    }
  }

  /** A local that holds `backend`: each method reached off a reference is a use there; if none is, the taking itself is. */
  private heldBackend(local: Identifier, at: Node, form: string, receiver: Node, known?: ReceiverKind, own?: ReadonlySet<string>): void {
    const references = this.referencesOf(local);
    let reached = false;
    for (const ref of references) reached = this.backendMethods(ref, ref, receiver, [], known, own) || reached;
    if (!reached) this.add("backend", at, form, receiver, references, known);
  }

  /**
   * The methods reached off `value`, a node that holds `backend`: `value.get`, `value["post"]`, `const { put } = value`.
   * `own`: `value` is a spread copy of backend, and these are its own properties, not backend's.
   */
  private backendMethods(value: Node, at: Node, receiver: Node, related: readonly Node[], known?: ReceiverKind, own?: ReadonlySet<string>): boolean {
    const outer = up(value);
    const parent = outer.parent;
    const copied = own ? " on a spread copy" : "";
    if (parent?.type === "MemberExpression" && parent.object === outer) {
      const method = memberName(parent, this.file);
      if (method === undefined || !BACKEND_METHODS.has(method) || own?.has(method)) return false;
      this.add(`backend.${method}`, at, formOf(up(parent), parent.computed || (value.type === "MemberExpression" && value.computed)) + copied, receiver, related, known);
      return true;
    }
    const pattern = parent?.type === "VariableDeclarator" && parent.init === outer ? parent.id : parent?.type === "AssignmentExpression" && parent.right === outer ? parent.left : null;
    return pattern?.type === "ObjectPattern" && this.patternMethods(pattern, at, receiver, known, own);
  }

  private patternMethods(pattern: TSESTree.ObjectPattern, at: Node, receiver: Node, known: ReceiverKind | undefined, own?: ReadonlySet<string>): boolean {
    let reached = false;
    for (const property of pattern.properties) {
      const method = property.type === "Property" ? keyName(property, this.file) : undefined;
      if (method === undefined || !BACKEND_METHODS.has(method) || own?.has(method)) continue;
      this.add(`backend.${method}`, at, own ? "destructuring on a spread copy" : "destructuring", receiver, [], known);
      reached = true;
    }
    return reached;
  }

  private referencesOf(local: Identifier): Node[] {
    return this.file.references(local).flatMap((ref) => (ref.write ? [] : [ref.identifier]));
  }

  /** A use, unless its receiver is proven not the client, or unknown and the name is one other libraries use too. `known`: what a pattern with no value in view takes apart. */
  private add(member: string, at: Node, form: string, receiver: Node, related: readonly Node[], known?: ReceiverKind): void {
    let kind = known ?? classifyClient(receiver, this.file);
    // A copy of the client is `unknown` to the describers (no rewrite onto it), but holds the client's members whatever their names.
    const copied = kind === "unknown" && known === undefined ? copiedMemberKind(receiver, member.split(".")[0]!, this.file, (value) => classifyClient(value, this.file)) : undefined;
    if (copied === "client") form = `${form} on a spread copy`;
    if (copied) kind = copied;
    if (kind === "not-client" || (kind === "unknown" && findDeprecation(member)?.distinctive !== true)) return;
    const key = `${member} ${at.range[0]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    // A parameter's pattern is named without its type: `{ execHostCmd }`, not `{ execHostCmd }: Client`.
    const end = receiver.type === "ObjectPattern" && receiver.typeAnnotation ? receiver.typeAnnotation.range[0] : receiver.range[1];
    this.uses.push({ member, node: at, form, receiver: { kind, text: this.file.source.slice(receiver.range[0], end).trim() }, related });
  }
}

/** The node a value is read as: up through `!`, casts and the chain wrapper. */
function up(node: Node): Node {
  let current = node;
  while (current.parent && TRANSPARENT.has(current.parent.type)) current = current.parent;
  return current;
}

/** What the code does with the member it reached (`outer`, wrappers included). */
function formOf(outer: Node, computed: boolean): string {
  const parent = outer.parent;
  switch (parent?.type) {
    case "CallExpression":
      return parent.callee === outer ? (computed ? "computed member" : "call") : "value read";
    case "NewExpression":
      return parent.callee === outer ? "new" : "value read";
    case "TaggedTemplateExpression":
      return parent.tag === outer ? "tagged template" : "value read";
    case "MemberExpression": {
      const name = parent.object === outer && !parent.computed && parent.property.type === "Identifier" ? parent.property.name : "";
      const call = up(parent).parent;
      if (!FUNCTION_METHODS.has(name) || call?.type !== "CallExpression" || call.callee !== up(parent)) return "value read";
      return name === "bind" ? "bind" : `${name} method`;
    }
    case "UnaryExpression":
      return parent.operator === "typeof" || parent.operator === "delete" ? parent.operator : "value read";
    case "AssignmentExpression":
      return parent.left === outer ? "assignment" : "value read";
    case "UpdateExpression":
    case "ArrayPattern":
    case "RestElement":
      // `c.execHostCmd++`, `[c.execHostCmd] = fns`: written to.
      return "assignment";
    case "AssignmentPattern":
      return parent.left === outer ? "assignment" : "value read";
    case "ForInStatement":
    case "ForOfStatement":
      return parent.left === outer ? "assignment" : "value read";
    case "Property":
      return parent.value === outer && parent.parent?.type === "ObjectPattern" ? "assignment" : "value read";
    default:
      return "value read";
  }
}

/**
 * `const b = { ...value }`, `value` at `spread`: the local holding the copy, and the names of the
 * copy's own properties after the spread (which replace the copied ones).
 */
function spreadCopy(spread: Node): { local: Identifier; own: ReadonlySet<string> } | null {
  const element = spread.parent;
  const object = element?.type === "SpreadElement" ? element.parent : undefined;
  if (object?.type !== "ObjectExpression") return null;
  const declarator = up(object).parent;
  if (declarator?.type !== "VariableDeclarator" || declarator.init !== up(object) || declarator.id.type !== "Identifier") return null;
  const after = object.properties.slice(object.properties.indexOf(element as TSESTree.SpreadElement) + 1);
  const own = after.flatMap((p) => (p.type !== "Property" ? [] : !p.computed && p.key.type === "Identifier" ? [p.key.name] : p.key.type === "Literal" ? [String(p.key.value)] : []));
  return { local: declarator.id, own: new Set(own) };
}

/**
 * The value a pattern takes apart, when the code shows it: `const {…} = v`, `({…} = v)`, and an
 * element of an array literal taken apart in place (`const [{…}] = [v]`); null for parameters,
 * catch clauses, for-of heads, other nested patterns.
 */
function patternSource(pattern: Node): Node | null {
  const parent = pattern.parent;
  if (parent?.type === "VariableDeclarator" && parent.id === pattern) return parent.init;
  if (parent?.type === "AssignmentExpression" && parent.left === pattern) return parent.right;
  if (parent?.type !== "ArrayPattern") return null;
  let array = patternSource(parent);
  while (array && TRANSPARENT.has(array.type)) array = (array as TSESTree.TSAsExpression).expression;
  const index = parent.elements.indexOf(pattern as TSESTree.DestructuringPattern);
  if (array?.type !== "ArrayExpression" || index < 0 || array.elements.slice(0, index + 1).some((element) => element?.type === "SpreadElement")) return null;
  return array.elements[index] ?? null;
}

/** A string a key spells: `name`, `"name"`, `` `name` ``, or a constant holding one. */
function stringValue(node: Node, file: EngineFile): string | undefined {
  if (TRANSPARENT.has(node.type)) return stringValue((node as TSESTree.TSAsExpression).expression, file);
  if (node.type === "Literal") return typeof node.value === "string" ? node.value : undefined;
  if (node.type === "TemplateLiteral") return node.quasis.length === 1 ? (node.quasis[0]!.value.cooked ?? undefined) : undefined;
  if (node.type !== "Identifier") return undefined;
  const binding = file.resolve(node, node.name);
  return binding.kind === "variable" && binding.constant && binding.init ? stringValue(binding.init, file) : undefined;
}

function memberName(member: TSESTree.MemberExpression, file: EngineFile): string | undefined {
  if (!member.computed) return member.property.type === "Identifier" ? member.property.name : undefined;
  return stringValue(member.property, file);
}

function keyName(property: TSESTree.Property, file: EngineFile): string | undefined {
  if (!property.computed) return property.key.type === "Identifier" ? property.key.name : stringValue(property.key, file);
  return stringValue(property.key, file);
}
