/**
 * The parts of a string that the file builds from pieces it shows, whichever way JavaScript
 * builds it: text it shows, and values known only at run time, which stand in the string as
 * `${x}` stands in a template literal. Read off the grammar of building a string:
 * - a string literal, and a template literal's text;
 * - `a + b` once either side is certainly a string (`+` adds numbers otherwise: `1 + 2 + "x"`);
 * - `s.concat(a, …)` on a string, and `[a, …].join(sep)` of an array literal;
 * - a value the file shows fully (a number, `true`, `1 + 2`) where it is made a string;
 * - a `const` of any of these, read at its one use when every value it holds means the same there.
 * Parentheses need no rule: ESTree has none, so `"a " + (b + " c")` is a tree like any other.
 */
import type { Node } from "./ast.js";
import type { Binding, EngineFile } from "./file.js";
import { knownValuesOf } from "./interpolation-values.js";
import { shownValue } from "./shown-value.js";

export type StringPart = { readonly kind: "text"; readonly text: string } | { readonly kind: "expr"; readonly node: Node };

export type ConstantBinding = Extract<Binding, { kind: "variable" }>;

export interface PartsContext {
  readonly file: EngineFile;
  /**
   * May the parts of this `const` be read where the line is (core/plan-command-line writes
   * them there)? The describer says yes for a constant used only there whose values mean the
   * same at the line, and records it to remove the constant with the call's rewrite.
   */
  inline(binding: ConstantBinding, parts: readonly StringPart[]): boolean;
}

const MAX_DEPTH = 12;

/** The parts of `node`, or null when it is not certainly a string built from parts the file shows. */
export function stringParts(node: Node, ctx: PartsContext, depth = 0): StringPart[] | null {
  if (depth > MAX_DEPTH) return null;
  switch (node.type) {
    case "Literal":
      return typeof node.value === "string" ? [{ kind: "text", text: node.value }] : null;
    case "TemplateLiteral": {
      const parts: StringPart[] = [];
      for (let i = 0; i < node.quasis.length; i++) {
        const cooked = node.quasis[i]!.value.cooked as string | null | undefined;
        if (cooked === null || cooked === undefined) return null;
        parts.push({ kind: "text", text: cooked });
        if (i < node.expressions.length) parts.push(...operandParts(node.expressions[i]!, ctx, depth + 1));
      }
      return parts;
    }
    case "BinaryExpression": {
      if (node.operator !== "+") return null;
      if (!isString(node.left, ctx.file) && !isString(node.right, ctx.file)) return null;
      return [...operandParts(node.left, ctx, depth + 1), ...operandParts(node.right, ctx, depth + 1)];
    }
    case "TaggedTemplateExpression": {
      // String.raw`C:\Program Files\${name}`: the template's text as written.
      if (!isStringRaw(node.tag, ctx.file)) return null;
      const { quasis, expressions } = node.quasi;
      return quasis.flatMap((quasi, i) => [{ kind: "text" as const, text: quasi.value.raw }, ...(i < expressions.length ? operandParts(expressions[i]!, ctx, depth + 1) : [])]);
    }
    case "CallExpression":
      return callParts(node, ctx, depth);
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "TSSatisfiesExpression":
    case "TSTypeAssertion":
      return stringParts(node.expression, ctx, depth + 1);
    case "Identifier": {
      const binding = ctx.file.resolve(node, node.name);
      if (binding.kind !== "variable" || !binding.constant || !binding.init || binding.ambient) return null;
      const parts = stringParts(binding.init, ctx, depth + 1);
      return parts && ctx.inline(binding, parts) ? parts : null;
    }
    default:
      return null;
  }
}

/** Certainly a string, as the file shows: what makes `+` join rather than add. */
function isString(node: Node, file: EngineFile, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (node.type) {
    case "Literal":
      return typeof node.value === "string";
    case "TemplateLiteral":
      return true;
    case "BinaryExpression":
      return node.operator === "+" && (isString(node.left, file, depth + 1) || isString(node.right, file, depth + 1));
    case "TaggedTemplateExpression":
      return isStringRaw(node.tag, file);
    case "CallExpression": {
      const callee = node.callee;
      if (isGlobal(callee, "String", file)) return true;
      if (node.optional || callee.type !== "MemberExpression" || callee.computed || callee.optional || callee.property.type !== "Identifier") return false;
      if (callee.property.name === "concat") return isString(callee.object, file, depth + 1);
      return callee.property.name === "join" && callee.object.type === "ArrayExpression";
    }
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "TSSatisfiesExpression":
    case "TSTypeAssertion":
      return isString(node.expression, file, depth + 1);
    case "Identifier": {
      const binding = file.resolve(node, node.name);
      return binding.kind === "variable" && binding.constant && !binding.ambient && binding.init !== null && isString(binding.init, file, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * An operand made a string (a template's placeholder, a side of a string `+`, a `concat`
 * argument): its parts when it is a string the file builds, its text when the file shows its
 * value (`"port " + 8080`), else one value known at run time. A constant whose every value
 * the file shows stays one part, by name: the planner keeps the name where it can.
 */
function operandParts(node: Node, ctx: PartsContext, depth: number): StringPart[] {
  if (node.type === "Identifier" && knownValuesOf(node, ctx.file) !== undefined) return [{ kind: "expr", node }];
  const parts = stringParts(node, ctx, depth);
  if (parts) return parts;
  const shown = shownValue(node, ctx.file);
  return shown.known ? [{ kind: "text", text: String(shown.value) }] : [{ kind: "expr", node }];
}

/** `s.concat(a, b)` on a string; `[a, b].join(sep)` of an array literal. */
function callParts(node: Extract<Node, { type: "CallExpression" }>, ctx: PartsContext, depth: number): StringPart[] | null {
  const callee = node.callee;
  // String(x): x made a string, as `+` makes it.
  if (isGlobal(callee, "String", ctx.file)) return node.arguments.length === 1 && node.arguments[0]!.type !== "SpreadElement" ? operandParts(node.arguments[0]!, ctx, depth + 1) : null;
  if (node.optional || callee.type !== "MemberExpression" || callee.computed || callee.optional || callee.property.type !== "Identifier") return null;
  if (node.arguments.some((arg) => arg.type === "SpreadElement")) return null;
  if (callee.property.name === "concat") {
    if (!isString(callee.object, ctx.file)) return null;
    return [callee.object, ...node.arguments].flatMap((arg) => operandParts(arg, ctx, depth + 1));
  }
  if (callee.property.name !== "join" || callee.object.type !== "ArrayExpression" || node.arguments.length > 1) return null;
  // `join()` joins with a comma; a separator the file does not show leaves the line unknown.
  const separator = node.arguments.length === 0 ? { known: true, value: "," } : shownValue(node.arguments[0]!, ctx.file);
  if (!separator.known || typeof separator.value !== "string") return null;
  const parts: StringPart[] = [];
  for (const [i, element] of callee.object.elements.entries()) {
    if (element?.type === "SpreadElement") return null;
    if (i > 0) parts.push({ kind: "text", text: separator.value });
    // A hole, `null` and `undefined` join as nothing (`[a, null].join(" ")` is `a `).
    const shown = element ? shownValue(element, ctx.file) : { known: true as const, value: undefined };
    if (shown.known && (shown.value === null || shown.value === undefined)) continue;
    parts.push(...operandParts(element!, ctx, depth + 1));
  }
  return parts;
}

/** `name` as the global (no binding of the file shadows it). */
function isGlobal(node: Node, name: string, file: EngineFile): boolean {
  return node.type === "Identifier" && node.name === name && file.resolve(node, name).kind === "global";
}

const isStringRaw = (tag: Node, file: EngineFile): boolean =>
  tag.type === "MemberExpression" && !tag.computed && !tag.optional && tag.property.type === "Identifier" && tag.property.name === "raw" && isGlobal(tag.object, "String", file);
