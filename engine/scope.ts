/**
 * A small binding resolver over a walked ESTree (parents linked): which declaration a name
 * means at a node, and where a declaration is referenced. The lint rules and the codemod ask
 * it the same questions, so they cannot disagree about what a name is. Each scope's
 * declarations are read the first time a lookup passes through it, and kept.
 *
 *   function run(cmd) { ddClient.execHostCmd(cmd) }   findDeclaration(<cmd in the call>, "cmd") → the parameter `cmd`
 */
import { isFunctionNode, type Identifier, type Node, type TSESTree } from "./ast.js";

type Declarations = Map<string, Identifier>;

/** A file's binding lookups, with each scope's declarations read once (engine/file holds one per file). */
export interface Scopes {
  /** The identifier that declares `name` where `node` stands, or null for a global. */
  findDeclaration(node: Node, name: string): Identifier | null;
  /**
   * The outermost node whose scope declares `id` under its name: a read of it stands inside. (A
   * class's name is declared in the class and in the enclosing block, so the outermost counts.)
   */
  declaringScope(id: Identifier): Node | null;
}

/**
 * The cache lives as long as the file's Scopes, not in a module-level WeakMap keyed by node: its
 * values reach their keys through `parent`, and the scavenger kept every tree such a map held,
 * promoting it to old space until a full GC (docs/performance.md).
 */
export function createScopes(): Scopes {
  const cache = new Map<Node, Declarations | null>();
  const declarationsOf = (node: Node): Declarations | null => {
    if (!SCOPE_HOLDERS.has(node.type)) return null;
    let found = cache.get(node);
    if (found === undefined) {
      found = collectDeclarations(node);
      cache.set(node, found);
    }
    return found;
  };
  return {
    findDeclaration(node, name) {
      for (let current: Node | undefined = node; current; current = current.parent) {
        const declared = declarationsOf(current)?.get(name);
        if (declared) return declared;
      }
      return null;
    },
    declaringScope(id) {
      let found: Node | null = null;
      for (let current: Node | undefined = id.parent; current; current = current.parent) if (declarationsOf(current)?.get(id.name) === id) found = current;
      return found;
    },
  };
}

/** One lookup outside a file's Scopes, which reads each scope it passes afresh. */
export function findDeclaration(node: Node, name: string): Identifier | null {
  return createScopes().findDeclaration(node, name);
}

/** The nodes that hold a scope: collectDeclarations' cases. A lookup walks up through every other node without a cache entry or a map. */
const SCOPE_HOLDERS = new Set([
  "Program",
  "BlockStatement",
  "TSModuleBlock",
  "StaticBlock",
  "SwitchStatement",
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
  "CatchClause",
  "ClassDeclaration",
  "ClassExpression",
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
]);

/** The names a scope-holding node declares; null for any other node. */
function collectDeclarations(node: Node): Declarations | null {
  const names: Declarations = new Map();
  switch (node.type) {
    case "Program":
      addStatements(node.body, names);
      addVars(node.body, names);
      return names;
    case "BlockStatement":
    case "TSModuleBlock":
      addStatements(node.body, names);
      return names;
    case "StaticBlock":
      addStatements(node.body, names);
      addVars(node.body, names);
      return names;
    case "SwitchStatement":
      for (const c of node.cases) addStatements(c.consequent, names);
      return names;
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement": {
      const head = node.type === "ForStatement" ? node.init : node.left;
      if (head?.type === "VariableDeclaration" && head.kind !== "var") for (const d of head.declarations) addPattern(d.id, names);
      return names;
    }
    case "CatchClause":
      if (node.param) addPattern(node.param, names);
      return names;
    case "ClassDeclaration":
    case "ClassExpression":
      if (node.id) names.set(node.id.name, node.id);
      return names;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      for (const param of node.params) addPattern(param, names);
      if (node.type === "FunctionExpression" && node.id && !names.has(node.id.name)) names.set(node.id.name, node.id);
      if (node.body?.type === "BlockStatement") addVars(node.body.body, names);
      return names;
    default:
      return null;
  }
}

/** Block-scoped declarations standing directly in a statement list (functions are block-scoped in modules). */
function addStatements(statements: readonly Node[], names: Declarations): void {
  for (const raw of statements) {
    const statement = raw.type === "ExportNamedDeclaration" || raw.type === "ExportDefaultDeclaration" ? (raw.declaration ?? raw) : raw;
    switch (statement.type) {
      case "VariableDeclaration":
        if (statement.kind !== "var") for (const d of statement.declarations) addPattern(d.id, names);
        break;
      case "FunctionDeclaration":
      case "ClassDeclaration":
      case "TSEnumDeclaration":
      case "TSDeclareFunction":
        if (statement.id) names.set(statement.id.name, statement.id);
        break;
      case "TSModuleDeclaration":
        if (statement.id.type === "Identifier") names.set(statement.id.name, statement.id);
        break;
      case "ImportDeclaration":
        if (statement.importKind !== "type") for (const s of statement.specifiers) names.set(s.local.name, s.local);
        break;
    }
  }
}

/** `var` declarations anywhere in a function body (or the program), not inside nested functions. */
function addVars(statements: readonly Node[], names: Declarations): void {
  const stack: Node[] = [...statements];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionNode(node) || node.type === "ClassDeclaration" || node.type === "ClassExpression") continue;
    if (node.type === "VariableDeclaration") {
      if (node.kind === "var") for (const d of node.declarations) if (!names.has(nameOf(d.id))) addPattern(d.id, names);
      continue;
    }
    for (const key of STATEMENT_CHILDREN) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const c of child) c && typeof c.type === "string" && stack.push(c);
      else if (child && typeof child === "object" && typeof (child as Node).type === "string") stack.push(child as Node);
    }
  }
}

/** Where a `var` can stand: statements nested in statements. */
const STATEMENT_CHILDREN = ["body", "consequent", "alternate", "block", "handler", "finalizer", "cases", "init", "left", "declaration"];

function nameOf(pattern: Node): string {
  return pattern.type === "Identifier" ? pattern.name : "";
}

function addPattern(pattern: Node | null | undefined, names: Declarations): void {
  if (!pattern) return;
  switch (pattern.type) {
    case "Identifier":
      names.set(pattern.name, pattern);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) addPattern(p.type === "RestElement" ? p.argument : p.value, names);
      break;
    case "ArrayPattern":
      for (const e of pattern.elements) addPattern(e, names);
      break;
    case "AssignmentPattern":
      addPattern(pattern.left, names);
      break;
    case "RestElement":
      addPattern(pattern.argument, names);
      break;
    case "TSParameterProperty":
      addPattern(pattern.parameter, names);
      break;
  }
}

export interface Reference {
  readonly identifier: Identifier;
  /** Assigned or updated here (`x = …`, `x++`, `for (x of …)`). */
  readonly write: boolean;
}

/**
 * Is this identifier a read or write of a variable (not a property name, a label, a type's
 * name or a declaration)? `typeof x` in a type counts: it reads the value.
 */
export function isValueReference(id: Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === id || parent.computed;
    case "Property":
      return parent.value === id || (parent.computed && parent.key === id);
    case "MethodDefinition":
    case "PropertyDefinition":
    case "TSAbstractMethodDefinition":
    case "TSAbstractPropertyDefinition":
    case "AccessorProperty":
      return parent.computed && parent.key === id;
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
    case "MetaProperty":
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
      return false;
    case "ExportSpecifier":
      return parent.local === id;
    case "TSQualifiedName":
      return parent.left === id && parent.parent?.type === "TSTypeQuery";
    case "TSTypeQuery":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "TSTypeAssertion":
    case "TSExportAssignment":
      return true;
    default:
      return !parent.type.startsWith("TS");
  }
}

/** A write of the identifier: assignment target (also inside a pattern), update, or `for (x of …)`. */
export function isWrite(id: Identifier): boolean {
  let node: Node = id;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    switch (parent.type) {
      case "AssignmentExpression":
        return parent.left === node;
      case "UpdateExpression":
        return true;
      case "ForInStatement":
      case "ForOfStatement":
        return parent.left === node;
      case "Property":
        if (parent.value !== node || parent.parent?.type !== "ObjectPattern") return false;
        break;
      case "ObjectPattern":
      case "ArrayPattern":
      case "RestElement":
        break;
      case "AssignmentPattern":
        if (parent.left !== node) return false;
        break;
      default:
        return false;
    }
  }
  return false;
}

export type { TSESTree };
