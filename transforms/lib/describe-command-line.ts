/**
 * Describes a command-line argument for core/plan-command-line: its literal text and
 * interpolations, with every value the file shows an interpolation can take.
 */
import type { CommandLineDescription, LineExpression } from "../../core/plan-command-line.js";
import type { Edit } from "../../core/report.js";
import type { LineSegment } from "../../core/split-command-line.js";
import type { AstNode } from "./parse.js";
import { resolveBinding, type NodePath, type Reassignments } from "./scope.js";

export interface DescribeContext {
  readonly source: string;
  readonly reassignments: Reassignments;
  /** Every call of the function declared at `fn`, or null when it escapes (exported, passed around). */
  callsOf(fn: NodePath): NodePath[] | null;
  /** The edits removing the constant whose initialiser is at `init`, when nothing but one call uses it; none otherwise. */
  removeConstant?(init: NodePath): Edit[];
}

const isStringy = (node: AstNode): boolean => node.type === "StringLiteral" || node.type === "TemplateLiteral";

/** `"a " + b + " c"` as leaves; only when string concatenation is certain from the first two operands. */
function concatenationLeaves(path: NodePath): NodePath[] | null {
  const leaves: NodePath[] = [];
  const walk = (p: NodePath): void => {
    if (p.node.type === "BinaryExpression" && p.node.operator === "+" && !p.node.extra?.parenthesized) {
      walk(p.get("left"));
      leaves.push(p.get("right"));
    } else {
      leaves.push(p);
    }
  };
  walk(path);
  return leaves.length >= 2 && (isStringy(leaves[0]!.node) || isStringy(leaves[1]!.node)) ? leaves : null;
}

/**
 * `stableAt`: the line is a constant's initialiser to be written at this call instead, so every
 * interpolation must mean the same there: a literal, or a name bound to a value that cannot
 * change (a constant, a parameter never reassigned, an import) and not shadowed at the call.
 */
export function describeCommandLine(path: NodePath, ctx: DescribeContext, stableAt?: NodePath): CommandLineDescription {
  const segments: LineSegment[] = [];
  const expressions: LineExpression[] = [];
  let unstable = false;
  const addExpression = (expr: NodePath): void => {
    if (stableAt && !isStableAt(expr, stableAt, ctx)) unstable = true;
    const id = expressions.length;
    const knownValues = knownValuesOf(expr, ctx);
    expressions.push({ id, text: ctx.source.slice(expr.node.start, expr.node.end), ...(knownValues ? { knownValues } : {}) });
    segments.push({ kind: "expr", id });
  };
  const addPart = (part: NodePath): boolean => {
    const node = part.node;
    if (node.type === "StringLiteral") {
      segments.push({ kind: "text", text: node.value });
    } else if (node.type === "TemplateLiteral") {
      for (let i = 0; i < node.quasis.length; i++) {
        const cooked = node.quasis[i].value.cooked;
        if (cooked === null || cooked === undefined) return false;
        segments.push({ kind: "text", text: cooked });
        if (i < node.expressions.length) addExpression(part.get("expressions", i));
      }
    } else {
      addExpression(part);
    }
    return true;
  };

  const node = path.node;
  if (node.type === "StringLiteral" || node.type === "TemplateLiteral") {
    return addPart(path) && !unstable ? { static: true, segments, expressions } : { static: false };
  }
  if (node.type === "BinaryExpression") {
    const leaves = concatenationLeaves(path);
    if (leaves && leaves.every(addPart) && !unstable) return { static: true, segments, expressions };
    return { static: false };
  }
  // Before: const command = `up --hostname=${host}`; execInVMExtension(command)
  // After:  exec("up", [`--hostname=${host}`])   (and the constant goes, when nothing else uses it)
  if (node.type === "Identifier" && !stableAt) {
    const binding = resolveBinding(path, node.name, ctx.reassignments);
    if (binding.kind !== "variable" || !binding.constant || !binding.init || binding.ambient) return { static: false };
    const inner = describeCommandLine(binding.init, ctx, path);
    if (!inner.static) return inner;
    return { ...inner, inlinedFrom: { removal: ctx.removeConstant?.(binding.init) ?? [] } };
  }
  return { static: false };
}

function isStableAt(expr: NodePath, call: NodePath, ctx: DescribeContext): boolean {
  const node = expr.node;
  if (literalValue(node) !== undefined) return true;
  if (node.type !== "Identifier") return false;
  if ((call.scope?.lookup(node.name) ?? null) !== (expr.scope?.lookup(node.name) ?? null)) return false;
  const binding = resolveBinding(expr, node.name, ctx.reassignments);
  if (binding.kind === "variable") return binding.constant && !binding.ambient;
  if (binding.kind === "parameter") return !ctx.reassignments.isReassigned(node.name, binding.scope);
  return binding.kind === "import";
}

function literalValue(node: AstNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "StringLiteral") return node.value;
  if (node.type === "NumericLiteral") return String(node.value);
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** The value of a constant bound to a string (or number) literal. */
export function constantString(path: NodePath, ctx: DescribeContext): string | undefined {
  const binding = resolveBinding(path, path.node.name, ctx.reassignments);
  return binding.kind === "variable" && binding.constant && binding.init ? literalValue(binding.init.node) : undefined;
}

/**
 * The values an interpolation can take, when the file shows them all: a literal, a constant,
 * or a parameter whose function is only ever called here with literal arguments.
 */
export function knownValuesOf(path: NodePath, ctx: DescribeContext, depth = 0): string[] | undefined {
  const node = path.node;
  const literal = literalValue(node);
  if (literal !== undefined) return [literal];
  if (depth > 6) return undefined;
  // Before: const bin = isWindows() ? WIN_PATH : "/usr/bin/env tailscale"   values: both branches'
  if (node.type === "ConditionalExpression") return union([knownValuesOf(path.get("consequent"), ctx, depth + 1), knownValuesOf(path.get("alternate"), ctx, depth + 1)]);
  if (node.type === "LogicalExpression" && (node.operator === "||" || node.operator === "??")) {
    return union([knownValuesOf(path.get("left"), ctx, depth + 1), knownValuesOf(path.get("right"), ctx, depth + 1)]);
  }
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression" || node.type === "ParenthesizedExpression") return knownValuesOf(path.get("expression"), ctx, depth + 1);
  if (node.type !== "Identifier") return undefined;
  const binding = resolveBinding(path, node.name, ctx.reassignments);
  if (binding.kind === "variable") return binding.constant && binding.init ? knownValuesOf(binding.init, ctx, depth + 1) : undefined;
  if (binding.kind !== "parameter" || ctx.reassignments.isReassigned(node.name, binding.scope)) return undefined;
  const calls = ctx.callsOf(binding.fn);
  if (!calls || calls.length === 0) return undefined;
  return union(calls.map((call) => (call.node.arguments[binding.index] ? knownValuesOf(call.get("arguments", binding.index), ctx, depth + 1) : undefined)));
}

/** Every value of every part, or undefined when one part's values are unknown. */
function union(parts: readonly (readonly string[] | undefined)[]): string[] | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return [...new Set(parts.flatMap((part) => part!))];
}
