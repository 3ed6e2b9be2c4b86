/**
 * The one value an expression has when the file shows it fully: literals, and what JavaScript
 * computes from them (`+` of strings and numbers, templates, `-1`, `concat`, `join`), through
 * constants. The JavaScript type is kept, since `+` adds numbers and joins strings.
 */
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";

type Primitive = string | number | boolean | bigint | null | undefined;
export type Shown = { readonly known: true; readonly value: Primitive } | { readonly known: false };

const UNKNOWN: Shown = { known: false };
export const HOLE = "…";
const MAX_DEPTH = 12;

/**
 * `holes`: a value the file does not show reads as `HOLE` (one plain word), to see what the
 * text around it holds: `"logs " + id` reads `logs …`, several words whatever `id` holds.
 */
export function shownValue(node: Node, file: EngineFile, depth = 0, holes = false): Shown {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const sub = (n: Node): Shown => {
    const value = shownValue(n, file, depth + 1, holes);
    return !value.known && holes ? { known: true, value: HOLE } : value;
  };
  switch (node.type) {
    case "Literal":
      return "regex" in node && node.regex ? UNKNOWN : { known: true, value: node.value as Primitive };
    case "TemplateLiteral": {
      let text = node.quasis[0]!.value.cooked as string | null | undefined;
      for (let i = 0; i < node.expressions.length && typeof text === "string"; i++) {
        const value = sub(node.expressions[i]!);
        if (!value.known || typeof value.value === "bigint") return UNKNOWN;
        text += String(value.value) + ((node.quasis[i + 1]!.value.cooked as string | null | undefined) ?? "\0");
      }
      return typeof text === "string" && !text.includes("\0") ? { known: true, value: text } : UNKNOWN;
    }
    case "UnaryExpression": {
      const value = node.operator === "-" || node.operator === "+" ? sub(node.argument) : UNKNOWN;
      return value.known && typeof value.value === "number" ? { known: true, value: node.operator === "-" ? -value.value : value.value } : UNKNOWN;
    }
    case "BinaryExpression": {
      if (node.operator !== "+") return UNKNOWN;
      const [left, right] = [sub(node.left), sub(node.right)];
      if (!left.known || !right.known) return UNKNOWN;
      const [l, r] = [left.value, right.value];
      // Only what JavaScript computes without surprises: strings joined, numbers added.
      if (typeof l === "string" || typeof r === "string") return typeof l === "bigint" || typeof r === "bigint" ? UNKNOWN : { known: true, value: String(l) + String(r) };
      return typeof l === "number" && typeof r === "number" ? { known: true, value: l + r } : UNKNOWN;
    }
    case "TaggedTemplateExpression": {
      // String.raw`C:\Program Files\x.exe`
      const tag = node.tag;
      const raw = tag.type === "MemberExpression" && !tag.computed && tag.property.type === "Identifier" && tag.property.name === "raw" && isGlobalString(tag.object, file);
      const values = raw ? node.quasi.expressions.map(sub) : [UNKNOWN];
      if (values.some((value) => !value.known || typeof value.value === "bigint")) return UNKNOWN;
      return { known: true, value: node.quasi.quasis.map((quasi, i) => quasi.value.raw + (i < values.length ? String((values[i] as { value: Primitive }).value) : "")).join("") };
    }
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "TSSatisfiesExpression":
    case "TSTypeAssertion":
      return sub(node.expression);
    case "Identifier": {
      if (node.name === "undefined" && file.resolve(node, node.name).kind === "global") return { known: true, value: undefined };
      const binding = file.resolve(node, node.name);
      return binding.kind === "variable" && binding.constant && !binding.ambient && binding.init ? sub(binding.init) : UNKNOWN;
    }
    case "CallExpression":
      return callValue(node, sub, file);
    default:
      return UNKNOWN;
  }
}

/** `"a".concat(b)` and `[a, b].join(sep)`, when every piece is shown. */
function callValue(node: Extract<Node, { type: "CallExpression" }>, sub: (n: Node) => Shown, file: EngineFile): Shown {
  const callee = node.callee;
  if (isGlobalString(callee, file)) {
    const value = node.arguments.length === 1 && node.arguments[0]!.type !== "SpreadElement" ? sub(node.arguments[0]!) : UNKNOWN;
    return value.known && typeof value.value !== "bigint" ? { known: true, value: String(value.value) } : UNKNOWN;
  }
  if (node.optional || callee.type !== "MemberExpression" || callee.computed || callee.optional || callee.property.type !== "Identifier") return UNKNOWN;
  if (node.arguments.some((arg) => arg.type === "SpreadElement")) return UNKNOWN;
  const args = node.arguments.map((arg) => sub(arg));
  if (args.some((arg) => !arg.known)) return UNKNOWN;
  const values = args.map((arg) => (arg as { value: Primitive }).value);
  if (callee.property.name === "concat") {
    const receiver = sub(callee.object);
    return receiver.known && typeof receiver.value === "string" ? { known: true, value: receiver.value.concat(...values.map(String)) } : UNKNOWN;
  }
  if (callee.property.name !== "join" || callee.object.type !== "ArrayExpression" || values.length > 1) return UNKNOWN;
  const separator = values.length === 0 ? "," : values[0];
  if (typeof separator !== "string") return UNKNOWN;
  const elements: string[] = [];
  for (const element of callee.object.elements) {
    if (element?.type === "SpreadElement") return UNKNOWN;
    const value = element ? sub(element) : { known: true as const, value: undefined };
    if (!value.known) return UNKNOWN;
    elements.push(value.value === null || value.value === undefined ? "" : String(value.value));
  }
  return { known: true, value: elements.join(separator) };
}

const isGlobalString = (node: Node, file: EngineFile): boolean => node.type === "Identifier" && node.name === "String" && file.resolve(node, "String").kind === "global";
