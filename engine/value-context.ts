/**
 * Where a call's value goes, from the grammar: every position reads the value unless the
 * grammar proves it does not. Walks up through what passes the value on unchanged (parentheses,
 * casts, `!`, optional chains), through what passes it on as its own value (a sequence's last
 * element, a conditional's branch, a logical's right operand) and through `await`.
 */
import type { ResultUse } from "../core/call-site.js";
import { parenthesesAround, propertyName, type Node, type TSESTree } from "./ast.js";

/** Nodes whose value is their operand's: the walk goes on from them. */
const SAME_VALUE = new Set(["TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "TSInstantiationExpression", "ChainExpression"]);

/**
 * Positions that take the expression before them (`void call()` there would take them in too),
 * or only a left-hand-side expression, which `void …` is not (`class extends …`, `@…`).
 */
function takesPrefix(parent: Node, node: Node): boolean {
  switch (parent.type) {
    case "ClassDeclaration":
    case "ClassExpression":
      return parent.superClass === node;
    case "Decorator":
      return true;
    case "MemberExpression":
      return parent.object === node;
    case "CallExpression":
    case "NewExpression":
      return parent.callee === node;
    case "TaggedTemplateExpression":
      return parent.tag === node;
    case "BinaryExpression":
      return parent.operator === "**" && parent.left === node;
    default:
      return false;
  }
}

export function resultUseOf(call: TSESTree.CallExpression, source: string): ResultUse {
  const voidNeedsParens = needsParens(call, source);
  let node: Node = call;
  let awaited = false;
  let direct = true;
  const use = (read: boolean, parent: Node, chained = false): ResultUse => ({
    read,
    awaited,
    statement: direct && parent.type === "ExpressionStatement",
    chained,
    position: positionName(parent, node),
    voidNeedsParens,
    ...testOf(parent, node),
  });
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (!parent) return { read: false, awaited, statement: false, chained: false, position: "Program", voidNeedsParens };
    if (SAME_VALUE.has(parent.type)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case "ExpressionStatement":
        return use(false, parent);
      case "UnaryExpression":
        if (parent.operator === "void") return use(false, parent);
        return use(true, parent);
      case "ForStatement":
        // `for (call(); …; call())`: the head's init and update are statements in all but name.
        return use(parent.test === node, parent);
      case "SequenceExpression":
        if (parent.expressions[parent.expressions.length - 1] !== node) return use(false, parent);
        break;
      case "ConditionalExpression":
        if (parent.test === node) return use(true, parent);
        break;
      case "LogicalExpression":
        // The left operand is tested; the right one is the expression's value when it is reached.
        if (parent.left === node) return use(true, parent);
        break;
      case "AwaitExpression":
        awaited = true;
        break;
      case "MemberExpression":
        return use(true, parent, parent.object === node && ["then", "catch", "finally"].includes(propertyName(parent) ?? ""));
      default:
        return use(true, parent);
    }
    direct = false;
    node = parent;
  }
}

/** A condition, `!` or `&&`/`||` tests the value it reads for truthiness; `??` for nullishness. */
function testOf(parent: Node, node: Node): Pick<ResultUse, "tested"> {
  switch (parent.type) {
    case "IfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
    case "ForStatement":
    case "ConditionalExpression":
      return parent.test === node ? { tested: "truthiness" } : {};
    case "UnaryExpression":
      return parent.operator === "!" ? { tested: "truthiness" } : {};
    case "LogicalExpression":
      return parent.left !== node ? {} : { tested: parent.operator === "??" ? "nullishness" : "truthiness" };
    default:
      return {};
  }
}

/** `ReturnStatement.argument`, `CallExpression.arguments`; a JSX container is named by where it stands. */
function positionName(parent: Node, node: Node): string {
  if (parent.type === "JSXExpressionContainer" && parent.parent) return positionName(parent.parent, parent);
  const record = parent as unknown as Record<string, unknown>;
  const key = Object.keys(record).find((name) => name !== "parent" && (record[name] === node || (Array.isArray(record[name]) && record[name].includes(node))));
  return `${parent.type}.${key ?? "?"}`;
}

/** `void ` before the call would bind to more than the call: `call().x`, `call()!()`, `` call()`…` ``. */
function needsParens(call: Node, source: string): boolean {
  let node: Node = call;
  for (;;) {
    if (parenthesesAround(node.range[0], node.range[1], source) && !ownParentheses(node)) return false;
    const parent = node.parent;
    if (!parent) return false;
    // `!` and an optional chain end where the call does, so the prefix's reach is decided above them.
    if (parent.type === "TSNonNullExpression" || parent.type === "ChainExpression") {
      node = parent;
      continue;
    }
    return takesPrefix(parent, node);
  }
}

/** `f(call())`: the argument list's parentheses are the call's, not the argument's. */
function ownParentheses(node: Node): boolean {
  const parent = node.parent;
  return (parent?.type === "CallExpression" || parent?.type === "NewExpression") && parent.arguments.length === 1 && parent.arguments[0] === node;
}
