/**
 * What the file shows about the value of a command line's interpolation: every value it can
 * take, some of them, whether it is a joined array, whether it may not be a string. The planner
 * (core/plan-command-line) splits, spreads, wraps or refuses from these.
 */
import { literalValue, type Node } from "./ast.js";
import type { EngineFile } from "./file.js";
import { shownValue } from "./shown-value.js";

/**
 * The values an interpolation can take, when the file shows them all: a literal, a constant,
 * or a parameter whose function is only ever called here with literal arguments.
 */
export function knownValuesOf(node: Node, file: EngineFile, depth = 0): string[] | undefined {
  const literal = literalValue(node);
  if (literal !== undefined) return [literal];
  if (depth > 6) return undefined;
  // Before: const TOOL = "/usr/local/bin/" + "tool"   value: "/usr/local/bin/tool" (engine/shown-value)
  if (node.type === "BinaryExpression" || node.type === "TemplateLiteral" || node.type === "CallExpression" || node.type === "TaggedTemplateExpression") {
    const shown = shownValue(node, file);
    return shown.known && (typeof shown.value === "string" || typeof shown.value === "number") ? [String(shown.value)] : undefined;
  }
  // Before: const bin = isWindows() ? WIN_PATH : "/usr/bin/env tailscale"   values: both branches'
  if (node.type === "ConditionalExpression") return union([knownValuesOf(node.consequent, file, depth + 1), knownValuesOf(node.alternate, file, depth + 1)]);
  if (node.type === "LogicalExpression" && (node.operator === "||" || node.operator === "??")) {
    return union([knownValuesOf(node.left, file, depth + 1), knownValuesOf(node.right, file, depth + 1)]);
  }
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return knownValuesOf(node.expression, file, depth + 1);
  if (node.type !== "Identifier") return undefined;
  const binding = file.resolve(node, node.name);
  if (binding.kind === "variable") return binding.constant && binding.init ? knownValuesOf(binding.init, file, depth + 1) : undefined;
  if (binding.kind !== "parameter" || file.isReassigned(binding.id)) return undefined;
  const calls = file.callsOf(binding.fn);
  if (!calls || calls.length === 0) return undefined;
  return union(calls.map((call) => (call.arguments[binding.index] ? knownValuesOf(call.arguments[binding.index]!, file, depth + 1) : undefined)));
}

/** Every value of every part, or undefined when one part's values are unknown. */
function union(parts: readonly (readonly string[] | undefined)[]): string[] | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return [...new Set(parts.flatMap((part) => part!))];
}

/**
 * The values the file shows an interpolation can take, when it does not show them all: a
 * conditional with one unknown branch, a `let` with its initialiser and later assignments.
 * Less information must not make the planner less cautious: a value seen here that holds
 * several words is refused just as a known one would be.
 */
export function someValuesOf(node: Node, file: EngineFile, depth = 0): string[] {
  const known = knownValuesOf(node, file, depth);
  if (known) return known;
  if (depth > 6) return [];
  // Before: const base = `logs ${id}` (read elsewhere too); `${base} --tail 10`   one value: "logs …"
  if (node.type === "BinaryExpression" || node.type === "TemplateLiteral" || node.type === "CallExpression" || node.type === "TaggedTemplateExpression") {
    const shown = shownValue(node, file, 0, true);
    return shown.known && typeof shown.value === "string" ? [shown.value] : [];
  }
  if (node.type === "ConditionalExpression") return [...someValuesOf(node.consequent, file, depth + 1), ...someValuesOf(node.alternate, file, depth + 1)];
  if (node.type === "LogicalExpression") return [...someValuesOf(node.left, file, depth + 1), ...someValuesOf(node.right, file, depth + 1)];
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return someValuesOf(node.expression, file, depth + 1);
  if (node.type !== "Identifier") return [];
  const binding = file.resolve(node, node.name);
  if (binding.kind === "parameter") {
    // The calls this file shows, also of an exported function whose other callers it cannot see.
    const calls = file.functionUses(binding.fn)?.calls ?? [];
    const passed = calls.flatMap((call) => (call.arguments[binding.index] ? someValuesOf(call.arguments[binding.index]!, file, depth + 1) : []));
    return binding.index === 0 ? [...passed, ...elementsMappedOver(binding.fn, file).flatMap((element) => someValuesOf(element, file, depth + 1))] : passed;
  }
  if (binding.kind !== "variable" || binding.ambient) return [];
  const assigned = file.references(binding.id).flatMap((ref) => {
    const parent = ref.identifier.parent;
    return parent?.type === "AssignmentExpression" && parent.left === ref.identifier && parent.operator === "=" ? [parent.right] : [];
  });
  return [binding.init, ...assigned].flatMap((value) => (value ? someValuesOf(value, file, depth + 1) : []));
}

/** `list` of `list.join(" ")`: the words the shell split apart again, one per element. */
export function joinedArrayOf(node: Node): Node | null {
  if (node.type !== "CallExpression" || node.arguments.length !== 1 || node.callee.type !== "MemberExpression") return null;
  const callee = node.callee;
  if (callee.computed || callee.property.type !== "Identifier" || callee.property.name !== "join" || callee.optional) return null;
  const separator = literalValue(node.arguments[0]);
  return separator !== undefined && /^[ \t]+$/.test(separator) ? callee.object : null;
}

/** The file shows the value may be other than a string (a number, a boolean), so an args element needs `String()`. */
export function showsNonString(node: Node, file: EngineFile, depth = 0): boolean {
  if (depth > 6) return false;
  switch (node.type) {
    case "Literal":
      return typeof node.value !== "string";
    case "TemplateLiteral":
      return false;
    case "ConditionalExpression":
      return showsNonString(node.consequent, file, depth + 1) || showsNonString(node.alternate, file, depth + 1);
    case "LogicalExpression":
      return true;
    case "BinaryExpression":
      return node.operator !== "+" || (showsNonString(node.left, file, depth + 1) && showsNonString(node.right, file, depth + 1));
    case "UnaryExpression":
    case "UpdateExpression":
      return true;
    case "TSAsExpression":
      return !mayBeStringType(node.typeAnnotation);
    case "TSNonNullExpression":
      return showsNonString(node.expression, file, depth + 1);
    case "Identifier": {
      const binding = file.resolve(node, node.name);
      if (binding.kind !== "variable" && binding.kind !== "parameter") return false;
      const type = binding.id.typeAnnotation?.typeAnnotation;
      if (type) return !mayBeStringType(type);
      if (binding.kind === "parameter") {
        const param = binding.fn.params[binding.index];
        return param?.type === "AssignmentPattern" && showsNonString(param.right, file, depth + 1);
      }
      // TypeScript infers a `let` from its initialiser as it does a `const`.
      return binding.init !== null && showsNonString(binding.init, file, depth + 1);
    }
    default:
      return false;
  }
}

/** `string`, a string literal type, a union of them, or a type this file cannot see into (a reference, `any`). */
function mayBeStringType(type: Node): boolean {
  if (type.type === "TSStringKeyword") return true;
  if (type.type === "TSLiteralType") return type.literal.type === "Literal" ? typeof type.literal.value === "string" : type.literal.type === "TemplateLiteral";
  if (type.type === "TSUnionType") return type.types.every(mayBeStringType);
  return type.type === "TSAnyKeyword" || type.type === "TSTypeReference" || type.type === "TSTypeQuery" || type.type === "TSIndexedAccessType";
}

const ARRAY_CALLBACK_METHODS = new Set(["map", "forEach", "flatMap", "filter", "some", "every", "find"]);

/** Before: ["status --json", "version"].map(run)  — the elements `run` is called with, by value. */
function elementsMappedOver(fn: Node, file: EngineFile): Node[] {
  const name = fn.type === "FunctionDeclaration" ? fn.id : fn.parent?.type === "VariableDeclarator" && fn.parent.id.type === "Identifier" ? fn.parent.id : null;
  if (!name) return [];
  return file.references(name).flatMap((ref) => {
    const call = ref.identifier.parent;
    if (call?.type !== "CallExpression" || call.arguments[0] !== ref.identifier || call.callee.type !== "MemberExpression") return [];
    if (call.callee.computed || call.callee.property.type !== "Identifier" || !ARRAY_CALLBACK_METHODS.has(call.callee.property.name)) return [];
    const array = arrayLiteralOf(call.callee.object, file);
    return array ? array.elements.flatMap((element) => (element && element.type !== "SpreadElement" ? [element] : [])) : [];
  });
}

function arrayLiteralOf(node: Node, file: EngineFile): Extract<Node, { type: "ArrayExpression" }> | null {
  if (node.type === "ArrayExpression") return node;
  if (node.type !== "Identifier") return null;
  const binding = file.resolve(node, node.name);
  return binding.kind === "variable" && binding.constant && binding.init?.type === "ArrayExpression" ? binding.init : null;
}

/**
 * The value is built with literal quote characters around or inside it (`"${path}"`,
 * `'"' + name + '"'`, through constants): the shell stripped them, an args element keeps them.
 */
export function showsQuoteCharacters(node: Node, file: EngineFile, depth = 0): boolean {
  if (depth > 6) return false;
  const quoted = (text: unknown): boolean => typeof text === "string" && /["']/.test(text);
  if (node.type === "TemplateLiteral") return node.expressions.length > 0 && node.quasis.some((quasi) => quoted(quasi.value.cooked));
  if (node.type === "BinaryExpression" && node.operator === "+") {
    return [node.left, node.right].some((side) => quoted(literalValue(side)) || showsQuoteCharacters(side, file, depth + 1));
  }
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return showsQuoteCharacters(node.expression, file, depth + 1);
  if (node.type !== "Identifier") return false;
  const binding = file.resolve(node, node.name);
  return binding.kind === "variable" && binding.constant === true && binding.init !== undefined && binding.init !== null && showsQuoteCharacters(binding.init, file, depth + 1);
}
