/**
 * The ESTree the engine reads: typescript-estree's shapes, which `@typescript-eslint/parser`
 * gives the lint rules, espree and `@babel/eslint-parser` give for JavaScript, and `@babel/parser`
 * with its `estree` plugin gives the codemod (transforms/parse). Every node has `range`, `loc`
 * and, once walked (engine/walk), `parent`.
 */
import type { TSESTree } from "@typescript-eslint/types";

export type Node = TSESTree.Node;
export type Identifier = TSESTree.Identifier;
export type CallExpression = TSESTree.CallExpression;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
export type { TSESTree };

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

export function isFunctionNode(node: Node | null | undefined): node is FunctionNode {
  return node != null && FUNCTION_TYPES.has(node.type);
}

/** Casts, `!` and optional-chain wrappers that do not change the value: `(window as any)`, `ddClient!`. */
const TRANSPARENT = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "TSNonNullExpression", "ChainExpression"]);

export function unwrapExpression(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = (current as TSESTree.TSAsExpression).expression;
  return current;
}

/** `x.name` or `x["name"]`. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  return node.property.type === "Literal" && typeof node.property.value === "string" ? node.property.value : undefined;
}

export function isStringOrNumber(node: Node): node is TSESTree.StringLiteral | TSESTree.NumberLiteral {
  return node.type === "Literal" && (typeof node.value === "string" || typeof node.value === "number");
}

/** A string, a number, or a template without interpolations. */
export function literalValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && (typeof node.value === "string" || typeof node.value === "number")) return String(node.value);
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return (node.quasis[0]!.value.cooked as string | null) ?? undefined;
  return undefined;
}

export function rangeOf(node: Node): { start: number; end: number } {
  return { start: node.range[0], end: node.range[1] };
}

/** 1-based line and column of a node's start. */
export function positionOf(node: Node): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/** The parentheses right around [start, end), blanks between allowed: their offsets, or null. */
export function parenthesesAround(start: number, end: number, source: string): readonly [open: number, close: number] | null {
  let open = start - 1;
  while (open >= 0 && /\s/.test(source[open]!)) open--;
  let close = end;
  while (close < source.length && /\s/.test(source[close]!)) close++;
  return source[open] === "(" && source[close] === ")" ? [open, close] : null;
}

/**
 * An argument's range with the parentheses of its own (`f(("ls -l"))`), not the call's: a
 * rewrite into several arguments must replace them too, or it writes a comma expression.
 */
export function argumentRange(node: Node, call: Node, source: string): { start: number; end: number } {
  let [start, end] = node.range;
  for (let parens = parenthesesAround(start, end, source); parens && parens[1] !== call.range[1] - 1 && parens[0] > call.range[0]; parens = parenthesesAround(start, end, source)) {
    [start, end] = [parens[0], parens[1] + 1];
  }
  return { start, end };
}

/**
 * `(a + b)` in the text: ESTree keeps no parentheses, so the characters around the node tell,
 * except that a call's own parentheses around its only argument do not count.
 */
export function isParenthesized(node: Node, source: string): boolean {
  const parens = parenthesesAround(node.range[0], node.range[1], source);
  if (!parens) return false;
  const parent = node.parent;
  const ownParens = (parent?.type === "CallExpression" || parent?.type === "NewExpression") && parent.arguments.length === 1 && parent.arguments[0] === node && parens[0] >= parent.callee.range[1];
  if (!ownParens) return true;
  // `f((a + b))`: a second pair inside the call's own.
  const outer = parenthesesAround(parens[0], parens[1] + 1, source);
  return outer !== null && outer[0] >= parent.callee.range[1];
}

/** The index of the first node starting at or after `offset` in `nodes`, sorted by start. */
export function firstStartingAt(nodes: readonly Node[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nodes[mid]!.range[0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
