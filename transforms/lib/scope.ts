/** Binding questions answered with ast-types scopes (what jscodeshift's paths carry). */
import type { AstNode } from "./parse.js";

/** An ast-types NodePath, typed loosely: the wing reads Babel shapes by `type`. */
export type NodePath = { node: AstNode; parent: NodePath | null; parentPath: NodePath | null; name: string | number; scope: Scope | null; get(...names: (string | number)[]): NodePath };
export interface Scope {
  lookup(name: string): Scope | null;
  getBindings(): Record<string, NodePath[]>;
  path: NodePath;
  isGlobal: boolean;
}

export type Binding =
  /** Not declared anywhere in the file: a global. */
  | { kind: "global" }
  /** `const x = init` / `let x = init` never reassigned; `declare` marks an ambient declaration. */
  | { kind: "variable"; init: NodePath | null; constant: boolean; ambient: boolean; scope: Scope }
  /** `const { backend } = init`: `property` is the member taken. */
  | { kind: "destructured"; property: string; init: NodePath; scope: Scope }
  | { kind: "parameter"; fn: NodePath; index: number; scope: Scope }
  | { kind: "function"; fn: NodePath; scope: Scope }
  | { kind: "import"; source: string; imported: string; scope: Scope }
  | { kind: "other"; scope: Scope };

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression", "ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);

export function isFunctionNode(node: AstNode): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** Assignments and updates per name, found once per file, to tell constants from variables. */
export class Reassignments {
  private readonly byName = new Map<string, NodePath[]>();

  add(name: string, path: NodePath): void {
    const list = this.byName.get(name) ?? [];
    list.push(path);
    this.byName.set(name, list);
  }

  isReassigned(name: string, scope: Scope): boolean {
    return (this.byName.get(name) ?? []).some((path) => path.scope?.lookup(name) === scope);
  }
}

function patternNames(node: AstNode | null | undefined, out: string[]): void {
  if (!node) return;
  if (node.type === "Identifier") out.push(node.name);
  else if (node.type === "ObjectPattern") for (const p of node.properties) patternNames(p.type === "RestElement" ? p.argument : p.value, out);
  else if (node.type === "ArrayPattern") for (const e of node.elements) patternNames(e, out);
  else if (node.type === "AssignmentPattern") patternNames(node.left, out);
  else if (node.type === "RestElement") patternNames(node.argument, out);
}

/** What one walk of a file collects: every call, and every assignment or update by name. */
export interface FileWalk {
  readonly calls: NodePath[];
  readonly reassignments: Reassignments;
  /** String literals opened with `'` and with `"`, for the file's quote style. */
  readonly quotes: { single: number; double: number };
  /** `interface Window` declarations and type-annotated variables: candidates for a hand-written client typing. */
  readonly typings: AstNode[];
}

let current: FileWalk | null = null;
let currentSource = "";
let fileVisitor: { visit(path: unknown): void } | null = null;

/**
 * One ast-types traversal for all of it, with one visitor built once per process: each
 * `root.find()` would build a visitor (costly in ast-types) and walk the tree again.
 * `rootPath` is the Collection's own path, so scopes compare equal with later `root.find()`s.
 */
export function walkFile(rootPath: NodePath, j: any, source: string): FileWalk {
  fileVisitor ??= j.types.PathVisitor.fromMethodsObject({
    visitCallExpression: visitCall,
    visitOptionalCallExpression: visitCall,
    visitAssignmentExpression(this: any, path: NodePath) {
      const names: string[] = [];
      patternNames(path.node.left, names);
      for (const name of names) current!.reassignments.add(name, path);
      this.traverse(path);
    },
    visitUpdateExpression(this: any, path: NodePath) {
      if (path.node.argument.type === "Identifier") current!.reassignments.add(path.node.argument.name, path);
      this.traverse(path);
    },
    visitStringLiteral(path: NodePath) {
      if (currentSource[path.node.start] === "'") current!.quotes.single++;
      else current!.quotes.double++;
      return false;
    },
    // Where a hand-written typing of the client may stand (transforms/lib/typing-reports).
    visitTSInterfaceDeclaration(path: NodePath) {
      if (path.node.id.name === "Window") current!.typings.push(path.node);
      return false;
    },
    visitVariableDeclarator(this: any, path: NodePath) {
      if (path.node.id.type === "Identifier" && path.node.id.typeAnnotation) current!.typings.push(path.node);
      this.traverse(path);
    },
  });
  const walk: FileWalk = { calls: [], reassignments: new Reassignments(), quotes: { single: 0, double: 0 }, typings: [] };
  current = walk;
  currentSource = source;
  try {
    fileVisitor!.visit(rootPath);
  } finally {
    current = null;
    currentSource = "";
  }
  return walk;
}

function visitCall(this: any, path: NodePath): void {
  current!.calls.push(path);
  this.traverse(path);
}

/** What the identifier at `path` is bound to. */
export function resolveBinding(path: NodePath, name: string, reassignments: Reassignments): Binding {
  const scope = path.scope?.lookup(name) ?? null;
  if (!scope) return { kind: "global" };
  const declared = scope.getBindings()[name]?.[0];
  if (!declared) return { kind: "other", scope };
  let parent = declared.parent;
  // Before: const { backend } = window.ddClient   (Identifier ← ObjectProperty ← ObjectPattern ← VariableDeclarator)
  if (parent?.node.type === "ObjectProperty" && parent.parent?.node.type === "ObjectPattern") {
    const key = parent.node.key;
    const property = parent.node.computed ? (key.type === "StringLiteral" ? key.value : undefined) : key.name;
    const declarator = parent.parent.parent;
    if (property && declarator?.node.type === "VariableDeclarator" && declarator.node.init && parent.parent.node === declarator.node.id) {
      return { kind: "destructured", property, init: declarator.get("init"), scope };
    }
    return { kind: "other", scope };
  }
  if (parent?.node.type === "VariableDeclarator" && parent.node.id === declared.node) {
    const declaration = parent.parent?.node;
    const constant = declaration?.kind === "const" || !reassignments.isReassigned(name, scope);
    return { kind: "variable", init: parent.node.init ? parent.get("init") : null, constant, ambient: declaration?.declare === true, scope };
  }
  if (parent && isFunctionNode(parent.node)) {
    if (parent.node.id === declared.node) return { kind: "function", fn: parent, scope };
    const index = parent.node.params.indexOf(declared.node);
    if (index >= 0) return { kind: "parameter", fn: parent, index, scope };
  }
  // A parameter with a type annotation or default: Identifier ← AssignmentPattern ← function
  if (parent?.node.type === "AssignmentPattern" && parent.parent && isFunctionNode(parent.parent.node)) {
    return { kind: "parameter", fn: parent.parent, index: parent.parent.node.params.indexOf(parent.node), scope };
  }
  if (parent?.node.type === "ImportSpecifier" || parent?.node.type === "ImportDefaultSpecifier" || parent?.node.type === "ImportNamespaceSpecifier") {
    const imported = parent.node.type === "ImportSpecifier" ? (parent.node.imported.name ?? parent.node.imported.value) : parent.node.type === "ImportDefaultSpecifier" ? "default" : "*";
    return { kind: "import", source: parent.parent?.node.source.value, imported, scope };
  }
  return { kind: "other", scope };
}

/** Casts and parentheses that do not change the value: `(window as any)`, `ddClient!`. */
export function unwrapExpression(path: NodePath): NodePath {
  let current = path;
  while (["TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "TSNonNullExpression", "ParenthesizedExpression", "TypeCastExpression"].includes(current.node.type)) {
    current = current.get("expression");
  }
  return current;
}
