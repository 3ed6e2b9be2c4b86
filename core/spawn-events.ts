/**
 * The v0 spawn callback protocol (API.md) as data: `cb(data, err)` once per event. The
 * planner evaluates a callback's tests under each event to know which statements run.
 *   output: cb({ stdout }) or cb({ stderr })   close: cb({ close: true, code })   error: cb(undefined, err)
 * An error is taken to be truthy (v1 and v0 hosts report Error objects).
 */
export type Field = "stdout" | "stderr" | "code" | "close";
export type SpawnEvent = "output" | "close" | "error";

/** A callback test over its parameters, in a form the planner can evaluate. */
export type EventTest =
  | { readonly t: "err" }
  | { readonly t: "data" }
  /** `data.stdout`, or `data?.stdout` (optional: no throw when there is no data). */
  | { readonly t: "field"; readonly field: Field; readonly optional?: boolean }
  | { readonly t: "lit"; readonly value: string | number | boolean | null | undefined }
  | { readonly t: "not"; readonly arg: EventTest }
  | { readonly t: "binary"; readonly op: "===" | "!==" | "==" | "!=" | "<" | ">" | "<=" | ">="; readonly left: EventTest; readonly right: EventTest }
  | { readonly t: "logical"; readonly op: "&&" | "||"; readonly left: EventTest; readonly right: EventTest };

const UNKNOWN = Symbol("unknown");
const THROWS = Symbol("throws");
type Value = unknown;

function fieldValue(event: SpawnEvent, field: Field): Value {
  if (event === "error") return THROWS;
  if (event === "output") return field === "stdout" || field === "stderr" ? UNKNOWN : undefined;
  return field === "close" ? true : field === "code" ? UNKNOWN : undefined;
}

function evaluate(test: EventTest, event: SpawnEvent): Value {
  switch (test.t) {
    case "err":
      return event === "error" ? UNKNOWN_TRUTHY : undefined;
    case "data":
      return event === "error" ? undefined : UNKNOWN_TRUTHY;
    case "field":
      return event === "error" && test.optional ? undefined : fieldValue(event, test.field);
    case "lit":
      return test.value;
    case "not": {
      const truth = truthiness(evaluate(test.arg, event));
      return typeof truth === "boolean" ? !truth : truth;
    }
    case "logical": {
      const left = evaluate(test.left, event);
      const leftTruth = truthiness(left);
      if (leftTruth === THROWS) return THROWS;
      if (leftTruth === (test.op === "||")) return left;
      if (typeof leftTruth === "boolean") return evaluate(test.right, event);
      // Unknown left: `x && <falsy>` is falsy and `x || <truthy>` truthy, whatever x is.
      const rightTruth = truthiness(evaluate(test.right, event));
      if (rightTruth === THROWS) return UNKNOWN;
      return rightTruth === (test.op === "||") ? (test.op === "||" ? UNKNOWN_TRUTHY : false) : UNKNOWN;
    }
    case "binary": {
      const left = evaluate(test.left, event);
      const right = evaluate(test.right, event);
      if (left === THROWS || right === THROWS) return THROWS;
      if (isUnknown(left) || isUnknown(right)) return UNKNOWN;
      return compare(test.op, left, right);
    }
  }
}

const UNKNOWN_TRUTHY = Symbol("unknown-truthy");
const isUnknown = (value: Value): boolean => value === UNKNOWN || value === UNKNOWN_TRUTHY;

// JavaScript's own comparison of any two values, as the callback's test would make it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function compare(op: string, left: any, right: any): boolean {
  switch (op) {
    case "===": return left === right;
    case "!==": return left !== right;
    case "==": return left == right;
    case "!=": return left != right;
    case "<": return left < right;
    case ">": return left > right;
    case "<=": return left <= right;
    default: return left >= right;
  }
}

/** true / false when known for this event, `unknown` when it depends on the event's data, `throws` when evaluating it throws. */
export type Truth = boolean | "unknown" | "throws";

function truthiness(value: Value): boolean | typeof UNKNOWN | typeof THROWS {
  if (value === THROWS) return THROWS;
  if (value === UNKNOWN_TRUTHY) return true;
  if (value === UNKNOWN) return UNKNOWN;
  return Boolean(value);
}

export function testTruth(test: EventTest, event: SpawnEvent): Truth {
  const truth = truthiness(evaluate(test, event));
  return truth === UNKNOWN ? "unknown" : truth === THROWS ? "throws" : truth;
}

/** Babel and ESTree expression nodes, as far as a callback's test needs them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Babel's and ESTree's node types differ: fields are checked at run time
type TestNode = { readonly type: string } & Record<string, any>;

const FIELDS = new Set<Field>(["stdout", "stderr", "code", "close"]);
const COMPARISONS = new Set(["===", "!==", "==", "!=", "<", ">", "<=", ">="]);

function memberName(node: TestNode): string | undefined {
  const property = node.property as TestNode;
  if (!node.computed) return property.type === "Identifier" ? property.name : undefined;
  return property.type === "StringLiteral" || (property.type === "Literal" && typeof property.value === "string") ? property.value : undefined;
}

/**
 * A callback's `if` test as an evaluable tree, when it is only about its parameters and
 * literals; null otherwise. Reads Babel's (`StringLiteral`, `OptionalMemberExpression`) and
 * ESTree's (`Literal`, `ChainExpression`) shapes, so both wings describe tests the same way.
 * Before: if (data.code !== 0)   After: { t: "binary", op: "!==", left: { t: "field", field: "code" }, right: { t: "lit", value: 0 } }
 */
export function eventTestOf(expression: { readonly type: string }, params: { readonly dataName?: string; readonly errName?: string }): EventTest | null {
  const node = expression as TestNode;
  switch (node.type) {
    case "Identifier":
      if (node.name === params.errName) return { t: "err" };
      if (node.name === params.dataName) return { t: "data" };
      return node.name === "undefined" ? { t: "lit", value: undefined } : null;
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return { t: "lit", value: node.value };
    case "NullLiteral":
      return { t: "lit", value: null };
    case "Literal":
      return "regex" in node || "bigint" in node ? null : { t: "lit", value: node.value };
    case "ChainExpression":
      return eventTestOf(node.expression, params);
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const field = memberName(node);
      if (node.object.type !== "Identifier" || node.object.name !== params.dataName || !FIELDS.has(field as Field)) return null;
      return { t: "field", field: field as Field, ...(node.optional ? { optional: true } : {}) };
    }
    case "UnaryExpression": {
      const arg = node.operator === "!" ? eventTestOf(node.argument, params) : null;
      return arg && { t: "not", arg };
    }
    case "BinaryExpression":
    case "LogicalExpression": {
      const left = eventTestOf(node.left, params);
      const right = eventTestOf(node.right, params);
      if (!left || !right) return null;
      if (node.type === "LogicalExpression") return node.operator === "??" ? null : { t: "logical", op: node.operator, left, right };
      return COMPARISONS.has(node.operator) ? { t: "binary", op: node.operator, left, right } : null;
    }
    default:
      return null;
  }
}
