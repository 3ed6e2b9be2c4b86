/**
 * The one walk of a file: it links every node to its parent (ESLint does this too; Babel does
 * not) and keeps what the describers ask about later, so nothing walks the file again:
 * calls, destructuring and typed declarators, `interface Window`, identifiers (for bindings'
 * references), and the quote style of string literals. It allocates no object per node: a
 * node goes into an array, or is counted.
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import type { Identifier, Node, TSESTree } from "./ast.js";

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export interface FileIndex {
  readonly calls: TSESTree.CallExpression[];
  readonly declarators: TSESTree.VariableDeclarator[];
  /** `interface Window { … }` declarations: where a hand-written typing of the client may stand. */
  readonly windowInterfaces: TSESTree.TSInterfaceDeclaration[];
  readonly identifiers: Identifier[];
  /** Strings (literals, templates without placeholders) that spell a v0 member: `["execHostCmd"]`, `"backend" in c` (engine/sweep). */
  readonly v0Strings: Node[];
  /** String literals opened with `'` and with `"` (directives aside). */
  readonly quotes: { single: number; double: number };
  /** The parser's visitor keys, for the rare look inside a subtree (engine/describe-callback). */
  readonly keys: VisitorKeys;
}

/** Keys that hold no child node, skipped when a parser's node type has no visitor keys. */
const NOT_CHILDREN = new Set(["parent", "loc", "range", "start", "end", "extra", "leadingComments", "trailingComments", "innerComments", "comments", "tokens"]);

export function indexProgram(program: Node, source: string, keys: VisitorKeys): FileIndex {
  const index: FileIndex = { calls: [], declarators: [], windowInterfaces: [], identifiers: [], v0Strings: [], quotes: { single: 0, double: 0 }, keys };
  const stack: Node[] = [program];
  const children: unknown[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "Identifier":
        index.identifiers.push(node);
        break;
      case "CallExpression":
        index.calls.push(node);
        break;
      case "VariableDeclarator":
        index.declarators.push(node);
        break;
      case "TSInterfaceDeclaration":
        if (node.id.name === "Window") index.windowInterfaces.push(node);
        break;
      case "Literal":
        if (typeof node.value === "string" && !(node.parent?.type === "ExpressionStatement" && node.parent.directive !== undefined)) {
          if (source.charCodeAt(node.range[0]) === 39) index.quotes.single++;
          else index.quotes.double++;
          if (V0_ROOT_MEMBERS.has(node.value)) index.v0Strings.push(node);
        }
        break;
      case "TemplateLiteral":
        if (node.quasis.length === 1 && V0_ROOT_MEMBERS.has(node.quasis[0]!.value.cooked ?? "")) index.v0Strings.push(node);
        break;
    }
    // `{ backend }`: one key and value in some parsers, two equal nodes in others; walk the value only.
    const shorthandKey = node.type === "Property" && node.shorthand ? node.key : null;
    // Read through the node's visitor keys in place (no list of its children), and pushed in
    // reverse, so nodes come off the stack in source order.
    const nodeKeys = keys[node.type];
    if (nodeKeys) {
      for (let i = nodeKeys.length - 1; i >= 0; i--) linkAll((node as unknown as Record<string, unknown>)[nodeKeys[i]!], node, stack, shorthandKey);
    } else {
      childrenOf(node, keys, children);
      for (let i = children.length - 1; i >= 0; i--) linkAll(children[i], node, stack, shorthandKey);
    }
  }
  index.calls.sort((a, b) => a.range[0] - b.range[0]);
  return index;
}

/** Every node under `node` (not `node` itself), parents before children. */
export function forEachDescendant(node: Node, keys: VisitorKeys, visit: (node: Node) => void): void {
  const stack: Node[] = [];
  const children: unknown[] = [];
  for (let current: Node | undefined = node; current; current = stack.pop()) {
    if (current !== node) visit(current);
    childrenOf(current, keys, children);
    for (const child of children.flat()) if (child && typeof (child as Node).type === "string") stack.push(child as Node);
  }
}

function childrenOf(node: Node, keys: VisitorKeys, out: unknown[]): void {
  out.length = 0;
  const nodeKeys = keys[node.type];
  if (nodeKeys) {
    for (const key of nodeKeys) out.push((node as unknown as Record<string, unknown>)[key]);
  } else {
    for (const key in node) if (!NOT_CHILDREN.has(key)) out.push((node as unknown as Record<string, unknown>)[key]);
  }
}

function linkAll(child: unknown, parent: Node, stack: Node[], skip: Node | null): void {
  if (Array.isArray(child)) {
    for (let k = child.length - 1; k >= 0; k--) link(child[k], parent, stack, skip);
  } else {
    link(child, parent, stack, skip);
  }
}

function link(child: unknown, parent: Node, stack: Node[], skip: Node | null): void {
  if (child === null || typeof child !== "object" || typeof (child as Node).type !== "string") return;
  (child as { parent: Node }).parent = parent;
  if (child !== skip) stack.push(child as Node);
}
