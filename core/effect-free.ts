/**
 * Expressions whose evaluation has no effect, so evaluating a spawn callback before them (to bind
 * it in a `const`) changes nothing. Reads node shapes only, Babel's (`StringLiteral`) and
 * ESTree's (`Literal`) alike, so both wings ask the same question.
 */
type ExpressionNode = { readonly type: string } & Record<string, any>;

export function isEffectFree(expression: { readonly type: string } | null | undefined): boolean {
  const node = expression as ExpressionNode | null | undefined;
  if (!node) return false;
  switch (node.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "Identifier":
    case "ThisExpression":
    // Evaluating a function expression only creates the function.
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return true;
    case "Literal":
      return typeof node.value === "string" || typeof node.value === "number";
    case "TemplateLiteral":
      return (node.expressions as ExpressionNode[]).every(isEffectFree);
    case "ArrayExpression":
      return (node.elements as (ExpressionNode | null)[]).every((element) => element !== null && element.type !== "SpreadElement" && isEffectFree(element));
    case "MemberExpression":
      return isEffectFree(node.object as ExpressionNode) && (!node.computed || isEffectFree(node.property as ExpressionNode));
    case "TSAsExpression":
    case "TSNonNullExpression":
      return isEffectFree(node.expression as ExpressionNode);
    default:
      return false;
  }
}
