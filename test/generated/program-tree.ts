/**
 * The tree a generated program is made of, and its rendering. A tree (not text) so a failing
 * program can be shrunk by dropping nodes and unwrapping blocks while the failure persists.
 * Each top-level unit is a scenario block (program-generator.ts) carrying its recipe.
 *
 * A leaf is one or more statements; a block is a surrounding (`if`, `for`, `try`, a nested
 * arrow, a JSX attribute, a class) whose parts each hold children. Module-level declarations
 * (named callbacks, constants, lookalike objects) are helpers, emitted once each when a
 * remaining node needs them, so shrinking never leaves a dangling name.
 */
export type Lang = "ts" | "tsx" | "js" | "jsx";

export const isTypeScript = (lang: Lang): boolean => lang === "ts" || lang === "tsx";
export const hasJsx = (lang: Lang): boolean => lang === "tsx" || lang === "jsx";

export interface Leaf {
  readonly kind: "leaf";
  /** Statements, one a line (continuation lines already indented relative to the first). */
  readonly lines: readonly string[];
  /** What it shows; on a scenario's block, its axis values (`access:bind`, `row:execHostCmd`, `lookalike`). */
  readonly tags: readonly string[];
  /** Ids of module-level helpers it uses (see helpers.ts). */
  readonly helpers: readonly string[];
  /** Exactly one statement: may stand as a brace-less body. */
  readonly single: boolean;
}

export interface BlockPart {
  readonly head: string;
  readonly children: readonly Node[];
}

export interface Block {
  readonly kind: "block";
  readonly parts: readonly BlockPart[];
  /** Lines after the last part (`}`, `};`, `await inner();`). */
  readonly tail: readonly string[];
  readonly tags: readonly string[];
  readonly helpers: readonly string[];
  /** Each part's children are one single-statement leaf, with no braces: `if (flag) stmt; else stmt;`. */
  readonly braceless: boolean;
  /** A generated scenario's recipe (program-generator.ts), so a shrink can draw it again with simpler axis values. */
  readonly recipe?: unknown;
}

export type Node = Leaf | Block;

export interface Program {
  readonly lang: Lang;
  readonly seed: number;
  readonly index: number;
  /** Top-level units: exported functions and classes (blocks), rendered after the helpers. */
  readonly units: readonly Block[];
}

export const leaf = (lines: readonly string[], tags: readonly string[] = [], helpers: readonly string[] = [], single = lines.length === 1): Leaf => ({
  kind: "leaf",
  lines,
  tags,
  helpers,
  single,
});

export function nodesOf(program: Program): Node[] {
  const all: Node[] = [];
  const visit = (node: Node): void => {
    all.push(node);
    if (node.kind === "block") for (const part of node.parts) part.children.forEach(visit);
  };
  program.units.forEach(visit);
  return all;
}

export const tagsOf = (program: Program): Set<string> => new Set(nodesOf(program).flatMap((node) => node.tags));

export function renderNodes(nodes: readonly Node[], depth: number): string[] {
  const pad = "  ".repeat(depth);
  return nodes.flatMap((node): string[] => {
    if (node.kind === "leaf") return node.lines.map((line) => pad + line);
    return [...node.parts.flatMap((part) => [pad + part.head, ...renderNodes(part.children, depth + 1)]), ...node.tail.map((line) => pad + line)];
  });
}
