/**
 * One file as the describers see it, whoever parsed it: the lint rules build it from the tree
 * ESLint hands over, the codemod from its own parse. Source, style, the walk's index, and the
 * binding questions of engine/scope answered the same way for both.
 */
import type { FileStyle, StyleSettings } from "../core/call-site.js";
import type { ClientModules } from "../core/client-modules.js";
import type { ProjectWrappers } from "../core/plan-wrapper.js";
import { firstStartingAt, isFunctionNode, type Identifier, type Node, type TSESTree } from "./ast.js";
import { fileStyleOf } from "./file-style.js";
import { createScopes, isValueReference, isWrite, type Reference } from "./scope.js";
import { indexProgram, type FileIndex, type VisitorKeys } from "./walk.js";

export type Binding =
  /** Not declared anywhere in the file (or only ambiently by the environment): a global. */
  | { readonly kind: "global" }
  /** `const x = init` / `let x = init`; `constant` when never reassigned; `declare` marks an ambient declaration. */
  | { readonly kind: "variable"; readonly init: Node | null; readonly constant: boolean; readonly ambient: boolean; readonly id: Identifier }
  /** `const { backend } = init`: `property` is the member taken. */
  | { readonly kind: "destructured"; readonly property: string; readonly init: Node; readonly id: Identifier }
  | { readonly kind: "parameter"; readonly fn: TSESTree.FunctionLike; readonly index: number; readonly id: Identifier }
  | { readonly kind: "function"; readonly fn: Node; readonly id: Identifier }
  | { readonly kind: "import"; readonly source: string; readonly imported: string; readonly id: Identifier }
  | { readonly kind: "other"; readonly id: Identifier };

export interface FunctionUses {
  readonly name: string;
  readonly exported: boolean;
  /** Its calls in this file; null when it is used otherwise (passed as a value, re-exported by name). */
  readonly calls: TSESTree.CallExpression[] | null;
  /** Every call in this file and every other use (`.map(run)`), whatever `calls` says: what a report lists. */
  readonly seen: { readonly calls: readonly TSESTree.CallExpression[]; readonly otherUses: readonly Identifier[] };
}

export interface EngineOptions {
  /** The file's path: its language, and where its imports of client modules resolve from. */
  readonly filename: string;
  readonly rawArgs?: boolean;
  /** Modules that hand out the client: the CLI's pre-pass and `--client-module`, or the ESLint setting. */
  readonly clientModules?: ClientModules;
  /** The CLI's project pre-pass of exported wrappers (transforms/project-wrappers). */
  readonly projectWrappers?: ProjectWrappers;
  /** The file's formatter settings, when the CLI found them (cli/style-config); otherwise the file shows its style. */
  readonly style?: StyleSettings;
}

export interface EngineFile {
  readonly filename: string;
  readonly source: string;
  readonly program: TSESTree.Program;
  readonly index: FileIndex;
  readonly style: FileStyle;
  readonly clientModules: ClientModules;
  readonly projectWrappers?: ProjectWrappers;
  /** `\r\n` when the file uses it: core writes edits with `\n`. */
  readonly eol: string;
  /** What `name` means where `node` stands. */
  resolve(node: Node, name: string): Binding;
  /** The declaring identifier of `name` at `node`, null for a global: equal results mean the same variable. */
  declarationAt(node: Node, name: string): Identifier | null;
  /** Every read and write of the variable declared by `id`, the declaration itself aside. */
  references(id: Identifier): readonly Reference[];
  isReassigned(id: Identifier): boolean;
  /** The identifiers within [start, end), in source order. */
  identifiersIn(start: number, end: number): readonly Identifier[];
  /**
   * Answers computed once for this file (engine/per-file), kept with it and no longer: a
   * module-level WeakMap keyed by the file kept its tree through the scavenges (docs/performance.md).
   */
  readonly answers: Map<symbol, unknown>;
  /** The uses of a named function in this file; null when it has no name to be called by. */
  functionUses(fn: Node): FunctionUses | null;
  /** Every call of the function `fn`, or null when it escapes the file's view (exported, used as a value). */
  callsOf(fn: Node): TSESTree.CallExpression[] | null;
}

export function createEngineFile(program: TSESTree.Program, source: string, keys: VisitorKeys, options: EngineOptions): EngineFile {
  const index = indexProgram(program, source, keys);
  const { findDeclaration, declaringScope } = createScopes();
  let byName: Map<string, Identifier[]> | undefined;
  const referenceCache = new Map<Identifier, Reference[]>();
  const references = (id: Identifier): Reference[] => {
    let found = referenceCache.get(id);
    if (found) return found;
    byName ??= groupByName(index.identifiers);
    found = [];
    // A reference stands in the scope that declares `id`: a name used all over a big file is looked up there only.
    const scope = declaringScope(id);
    if (!scope) {
      referenceCache.set(id, found);
      return found;
    }
    const [start, end] = scope.range;
    for (const candidate of byName.get(id.name) ?? []) {
      if (candidate === id || candidate.range[0] < start || candidate.range[1] > end) continue;
      if (!isValueReference(candidate) || findDeclaration(candidate, id.name) !== id) continue;
      found.push({ identifier: candidate, write: isWrite(candidate) });
    }
    referenceCache.set(id, found);
    return found;
  };
  const isReassigned = (id: Identifier): boolean => references(id).some((ref) => ref.write);
  let inOrder: Identifier[] | undefined;
  // Binary search over the identifiers sorted once: a big bundle has many callbacks to look into.
  const identifiersIn = (start: number, end: number): Identifier[] => {
    inOrder ??= sortedByStart(index.identifiers);
    const found: Identifier[] = [];
    for (let i = firstStartingAt(inOrder, start); i < inOrder.length && inOrder[i]!.range[0] < end; i++) if (inOrder[i]!.range[1] <= end) found.push(inOrder[i]!);
    return found;
  };
  const functionUses = (fn: Node): FunctionUses | null => functionUsesOf(fn, references);
  const filename = options.filename;
  return {
    filename,
    source,
    program,
    index,
    clientModules: options.clientModules ?? {},
    ...(options.projectWrappers ? { projectWrappers: options.projectWrappers } : {}),
    eol: source.includes("\r\n") ? "\r\n" : "\n",
    style: fileStyleOf(program, source, index, options),
    resolve: (node, name) => bindingOf(findDeclaration(node, name), isReassigned),
    declarationAt: findDeclaration,
    references,
    isReassigned,
    identifiersIn,
    answers: new Map(),
    functionUses,
    callsOf: (fn) => {
      const uses = functionUses(fn);
      return uses && !uses.exported ? uses.calls : null;
    },
  };
}

/** The walk visits nodes in source order for nearly every parser; sort only when it did not. */
function sortedByStart(identifiers: readonly Identifier[]): Identifier[] {
  for (let i = 1; i < identifiers.length; i++) {
    if (identifiers[i]!.range[0] < identifiers[i - 1]!.range[0]) return [...identifiers].sort((a, b) => a.range[0] - b.range[0]);
  }
  return identifiers as Identifier[];
}

function groupByName(identifiers: readonly Identifier[]): Map<string, Identifier[]> {
  const byName = new Map<string, Identifier[]>();
  for (const id of identifiers) {
    const list = byName.get(id.name);
    if (list) list.push(id);
    else byName.set(id.name, [id]);
  }
  return byName;
}

/** A global binding carries nothing of its own: one object serves every lookup of one. */
const GLOBAL: Binding = Object.freeze({ kind: "global" });

function bindingOf(id: Identifier | null, isReassigned: (id: Identifier) => boolean): Binding {
  if (!id) return GLOBAL;
  const parent = id.parent;
  // Before: const { backend } = window.ddClient   (Identifier ← Property ← ObjectPattern ← VariableDeclarator)
  if (parent?.type === "Property" && parent.value === id && parent.parent?.type === "ObjectPattern") {
    const key = parent.key;
    const property = parent.computed ? (key.type === "Literal" && typeof key.value === "string" ? key.value : undefined) : key.type === "Identifier" ? key.name : undefined;
    const declarator = parent.parent.parent;
    if (property && declarator?.type === "VariableDeclarator" && declarator.init && declarator.id === parent.parent) {
      return { kind: "destructured", property, init: declarator.init, id };
    }
    return { kind: "other", id };
  }
  if (parent?.type === "VariableDeclarator" && parent.id === id) {
    const declaration = parent.parent as TSESTree.VariableDeclaration;
    const constant = declaration.kind === "const" || !isReassigned(id);
    return { kind: "variable", init: parent.init, constant, ambient: declaration.declare === true, id };
  }
  if (isFunctionNode(parent)) {
    if (parent.id === id) return { kind: "function", fn: parent, id };
    const index = (parent.params as Node[]).indexOf(id);
    if (index >= 0) return { kind: "parameter", fn: parent, index, id };
  }
  // A parameter with a default: Identifier ← AssignmentPattern ← function
  if (parent?.type === "AssignmentPattern" && parent.left === id && isFunctionNode(parent.parent)) {
    return { kind: "parameter", fn: parent.parent, index: (parent.parent.params as Node[]).indexOf(parent), id };
  }
  if (parent?.type === "ImportSpecifier" || parent?.type === "ImportDefaultSpecifier" || parent?.type === "ImportNamespaceSpecifier") {
    const imported = parent.type === "ImportSpecifier" ? (parent.imported.type === "Identifier" ? parent.imported.name : String(parent.imported.value)) : parent.type === "ImportDefaultSpecifier" ? "default" : "*";
    return { kind: "import", source: String((parent.parent as TSESTree.ImportDeclaration).source.value), imported, id };
  }
  return { kind: "other", id };
}

/** A function declaration, or a function held by a `const`: its calls, unless some use escapes them. */
function functionUsesOf(fn: Node, references: (id: Identifier) => Reference[]): FunctionUses | null {
  let id: Identifier | null | undefined;
  let holder: Node | undefined;
  if (fn.type === "FunctionDeclaration") {
    id = fn.id;
    holder = fn.parent;
  } else if (fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn && (fn.parent.parent as TSESTree.VariableDeclaration).kind === "const" && fn.parent.id.type === "Identifier") {
    id = fn.parent.id;
    holder = fn.parent.parent?.parent;
  }
  if (!id) return null;
  const calls: TSESTree.CallExpression[] = [];
  const otherUses: Identifier[] = [];
  for (const ref of references(id)) {
    const owner = ref.identifier.parent;
    if (owner?.type === "CallExpression" && owner.callee === ref.identifier) calls.push(owner);
    else otherUses.push(ref.identifier);
  }
  const seen = { calls, otherUses };
  // `export default function run(…)` is imported under another name: its callers are out of view.
  if (holder?.type === "ExportDefaultDeclaration") return { name: id.name, exported: true, calls: null, seen };
  return { name: id.name, exported: holder?.type === "ExportNamedDeclaration", calls: otherUses.length ? null : calls, seen };
}
