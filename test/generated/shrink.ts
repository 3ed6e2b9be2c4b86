/**
 * Shrinks a failing generated program: drops units and statements, draws a scenario again with
 * one axis at its simplest value (a plain call, a statement, `window.ddClient`, not a
 * lookalike), and unwraps surroundings into their children, one at a time, keeping each change
 * under which the failure persists, until no single change keeps it. What is left names the
 * failure's class: the axis values it cannot do without.
 */
import { redrawn, renderProgram, SIMPLEST, type Forced } from "./program-generator.js";
import type { Block, Node, Program } from "./program-tree.js";

/** Replaces `target` (by identity) with `replacement` anywhere in the tree. */
function replaceNode(nodes: readonly Node[], target: Node, replacement: readonly Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node === target) return [...replacement];
    if (node.kind === "leaf") return [node];
    return [{ ...node, parts: node.parts.map((part) => ({ ...part, children: replaceNode(part.children, target, replacement) })) }];
  });
}

/** Each program one step smaller than `program`. */
function* smaller(program: Program): Generator<Program> {
  const { units } = program;
  if (units.length > 1) for (const unit of units) yield { ...program, units: units.filter((other) => other !== unit) };
  for (const unit of units) {
    for (const [axis, value] of Object.entries(SIMPLEST) as [keyof Forced, string | boolean][]) {
      const drawn = unit.tags.find((tag) => tag.startsWith(`${axis}:`))?.slice(axis.length + 1).replace(/\/lookalike$/, "");
      const simplest = axis === "lookalike" ? !unit.tags.includes("lookalike") : drawn === value;
      const candidate = simplest ? undefined : redrawn(program, unit, { [axis]: value });
      if (candidate && renderProgram(candidate) !== renderProgram(program)) yield candidate;
    }
  }
  const candidates: { node: Node; braceless: boolean }[] = [];
  const visit = (node: Node, inBraceless: boolean): void => {
    candidates.push({ node, braceless: inBraceless });
    if (node.kind === "block") for (const part of node.parts) for (const child of part.children) visit(child, node.braceless);
  };
  for (const unit of units) for (const part of unit.parts) for (const child of part.children) visit(child, false);
  const withUnits = (replacement: (unit: Block) => Node[]): Program => ({ ...program, units: units.map((unit) => replacement(unit)[0] as Block) });
  for (const { node, braceless } of candidates) {
    // A brace-less body cannot go alone: its `if`/`for` goes, or is unwrapped, instead.
    if (!braceless) yield withUnits((unit) => replaceNode([unit], node, []));
    if (node.kind === "block" && !braceless) yield withUnits((unit) => replaceNode([unit], node, node.parts.flatMap((part) => part.children)));
  }
}

/** At most `budget` candidates are tried: a typechecked candidate costs a compiler program. */
export async function shrink(program: Program, fails: (candidate: Program) => Promise<boolean>, budget = 300): Promise<Program> {
  let current = program;
  let tried = 0;
  for (;;) {
    let improved = false;
    for (const candidate of smaller(current)) {
      if (++tried > budget) return current;
      if (await fails(candidate)) {
        current = candidate;
        improved = true;
        break;
      }
    }
    if (!improved) return current;
  }
}
