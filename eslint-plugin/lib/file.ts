/**
 * Per-file facts for the ESTree wing, found once per linted file and shared by every rule:
 * the source, its FileStyle (core/call-site), and binding questions answered with ESLint's
 * scope manager. Mirrors transforms/lib/scope.ts and file-context.ts for Babel.
 */
import { ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { FileStyle } from "../../core/call-site.js";
import { detectIndentUnit, lineIndent } from "../../core/text.js";
import { namedClientModules, type ClientModules } from "../../core/client-modules.js";

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

export type Binding =
  /** Not declared anywhere in the file (or declared only by the environment's globals): a global. */
  | { readonly kind: "global" }
  /** `const x = init` / `let x = init` never reassigned; `declare` marks an ambient declaration. */
  | { readonly kind: "variable"; readonly init: Node | null; readonly constant: boolean; readonly ambient: boolean; readonly variable: Variable }
  /** `const { backend } = init`: `property` is the member taken. */
  | { readonly kind: "destructured"; readonly property: string; readonly init: Node; readonly variable: Variable }
  | { readonly kind: "parameter"; readonly fn: TSESTree.FunctionLike; readonly index: number; readonly variable: Variable }
  | { readonly kind: "function"; readonly fn: Node; readonly variable: Variable }
  | { readonly kind: "import"; readonly source: string; readonly variable: Variable }
  | { readonly kind: "other"; readonly variable: Variable };

export interface LintFile {
  /** The file's path, for resolving imports of client modules. */
  readonly filename: string;
  /** Modules named in the shared setting `settings["ddclient-migrate"].clientModules`, as the CLI's `--client-module`. */
  readonly clientModules: ClientModules;
  readonly source: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly style: FileStyle;
  /** `\r\n` when the file uses it: edits from core are written with `\n`. */
  readonly eol: string;
  variableAt(node: Node, name: string): Variable | null;
  resolve(node: Node, name: string): Binding;
  /** Assigned or updated anywhere besides its declaration. */
  isReassigned(variable: Variable): boolean;
  /** Every call of the function `fn`, or null when it escapes the file's view (exported, used as a value). */
  callsOf(fn: Node): TSESTree.CallExpression[] | null;
}

export interface FileOptions {
  readonly rawArgs?: boolean;
}

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

export function isFunctionNode(node: Node): node is TSESTree.FunctionLike {
  return FUNCTION_TYPES.has(node.type);
}

const cache = new WeakMap<object, Map<string, LintFile>>();

export function lintFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, options: FileOptions = {}): LintFile {
  const sourceCode = context.sourceCode;
  const key = JSON.stringify(options);
  let byOptions = cache.get(sourceCode);
  if (!byOptions) cache.set(sourceCode, (byOptions = new Map()));
  let file = byOptions.get(key);
  if (!file) byOptions.set(key, (file = createLintFile(sourceCode, context.filename, context.cwd, options, clientModulesSetting(context))));
  return file;
}

/**
 * `settings: { "ddclient-migrate": { clientModules: ["@acme/dd-client", "./src/lib/client"] } }`:
 * package names, or paths relative to ESLint's working directory.
 */
function clientModulesSetting(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ClientModules {
  const specs = (context.settings?.["ddclient-migrate"] as { clientModules?: unknown } | undefined)?.clientModules;
  return Array.isArray(specs) ? namedClientModules(specs.filter((spec): spec is string => typeof spec === "string"), context.cwd) : {};
}

function createLintFile(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd: string, options: FileOptions, clientModules: ClientModules): LintFile {
  const source = sourceCode.text;
  const quotes = countQuotes(sourceCode);
  const variableAt = (node: Node, name: string): Variable | null => ASTUtils.findVariable(sourceCode.getScope(node), name);
  const isReassigned = (variable: Variable): boolean => variable.references.some((ref) => ref.isWrite() && !ref.init);
  const file: LintFile = {
    source,
    // ESLint may hand over a path relative to its working directory; imports resolve from the absolute one.
    filename: /^(?:\/|[A-Za-z]:[\\/])/.test(filename) ? filename : `${cwd}/${filename}`,
    clientModules,
    sourceCode,
    eol: source.includes("\r\n") ? "\r\n" : "\n",
    style: {
      language: /\.[mc]?tsx?$/.test(filename) ? "ts" : "js",
      quote: quotes.single > quotes.double ? "'" : '"',
      indentUnit: detectIndentUnit(source),
      rawArgs: options.rawArgs === true,
      lineIndent: (offset) => lineIndent(source, offset),
      text: source,
    },
    variableAt,
    isReassigned,
    resolve: (node, name) => resolveVariable(variableAt(node, name), isReassigned),
    callsOf: (fn) => callsOf(fn, sourceCode),
  };
  return file;
}

function resolveVariable(variable: Variable | null, isReassigned: (variable: Variable) => boolean): Binding {
  const def = variable?.defs[0];
  if (!variable || !def) return { kind: "global" };
  const id = def.name as Node;
  const parent = id.parent;
  // Before: const { backend } = window.ddClient   (Identifier ← Property ← ObjectPattern ← VariableDeclarator)
  if (parent?.type === "Property" && parent.value === id && parent.parent?.type === "ObjectPattern") {
    const key = parent.key;
    const property = parent.computed ? (key.type === "Literal" && typeof key.value === "string" ? key.value : undefined) : key.type === "Identifier" ? key.name : undefined;
    const declarator = parent.parent.parent;
    if (property && declarator?.type === "VariableDeclarator" && declarator.init && declarator.id === parent.parent) {
      return { kind: "destructured", property, init: declarator.init, variable };
    }
    return { kind: "other", variable };
  }
  if (parent?.type === "VariableDeclarator" && parent.id === id) {
    const declaration = parent.parent;
    const constant = declaration.kind === "const" || !isReassigned(variable);
    return { kind: "variable", init: parent.init, constant, ambient: declaration.declare === true, variable };
  }
  if (parent && isFunctionNode(parent)) {
    if (parent.id === id) return { kind: "function", fn: parent, variable };
    const index = (parent.params as Node[]).indexOf(id);
    if (index >= 0) return { kind: "parameter", fn: parent, index, variable };
  }
  // A parameter with a default: Identifier ← AssignmentPattern ← function
  if (parent?.type === "AssignmentPattern" && parent.parent && isFunctionNode(parent.parent)) {
    return { kind: "parameter", fn: parent.parent, index: (parent.parent.params as Node[]).indexOf(parent), variable };
  }
  if (def.type === "ImportBinding") {
    return { kind: "import", source: (def.parent as TSESTree.ImportDeclaration).source.value, variable };
  }
  return { kind: "other", variable };
}

/** Every call of a named function that never escapes the file's view; null when it is exported or used as a value. */
function callsOf(fn: Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] | null {
  let declaredBy: Node | undefined;
  let holder: Node | undefined;
  if (fn.type === "FunctionDeclaration" && fn.id) {
    declaredBy = fn;
    holder = fn.parent;
  } else if (fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn && fn.parent.parent.kind === "const" && fn.parent.id.type === "Identifier") {
    declaredBy = fn.parent;
    holder = fn.parent.parent.parent;
  }
  if (!declaredBy || (holder && /^Export/.test(holder.type))) return null;
  const variable = sourceCode.getDeclaredVariables(declaredBy)[0];
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    const owner = ref.identifier.parent;
    if (owner?.type !== "CallExpression" || owner.callee !== ref.identifier) return null;
    calls.push(owner);
  }
  return calls;
}

/** String literals opened with `'` and with `"` (directives aside, as Babel keeps them apart). */
function countQuotes(sourceCode: Readonly<TSESLint.SourceCode>): { single: number; double: number } {
  const counts = { single: 0, double: 0 };
  const visit = (node: Node): void => {
    if (node.type === "Literal") {
      const directive = node.parent?.type === "ExpressionStatement" && node.parent.directive !== undefined;
      if (typeof node.value === "string" && !directive) {
        if (sourceCode.text[node.range[0]] === "'") counts.single++;
        else counts.double++;
      }
      return;
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(sourceCode.ast);
  return counts;
}

/** Calls `visit` on each child node of `node`, by the parser's visitor keys. */
export function forEachChild(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, visit: (child: Node) => void): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) for (const item of child) item && visit(item as Node);
    else if (child && typeof child === "object") visit(child as Node);
  }
}

export { lineIndent };
