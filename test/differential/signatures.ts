/**
 * What the differential test calls in a fixture: its exported functions (and the `start` method of
 * exported classes), each parameter's kind read from the source with the TypeScript compiler API.
 * Typed parameters: `string` → a plain word, `number` → 7, a function type → a recorder, anything
 * else → a plain object. Untyped ones (JavaScript): `on*` / `set*` / `report` / `handler` /
 * `callback` / `cb` → a recorder, otherwise a plain word.
 */
import ts from "typescript";

export type ParamKind = "string" | "number" | "function" | "object" | "array" | "client";

export interface Param {
  readonly name: string;
  readonly kind: ParamKind;
  /** A destructured object parameter: its properties, synthesized in turn. */
  readonly fields?: readonly Param[];
}

export interface ExportedCallable {
  /** The export's name; for a class method, `Class.method` (one instance per class, methods in order). */
  readonly name: string;
  readonly kind: "function" | "method";
  readonly params: readonly Param[];
  /** For a method: the class constructor's parameters. */
  readonly constructorParams?: readonly Param[];
}

const SCRIPT_KIND: Record<string, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

const CALLBACK_NAME = /^(on[A-Z_]|set[A-Z_])|^(report|handler|callback|cb|listener)$/;
/** Names the codemod itself takes for the client (a parameter named ddClient is the client). */
const CLIENT_NAME = /^ddClient$/;
const LIST_NAME = /^(args|argv|flags)$|(Args|Flags)$/;

function kindOf(name: string, type: ts.TypeNode | undefined): ParamKind {
  while (type && ts.isParenthesizedTypeNode(type)) type = type.type;
  if (CLIENT_NAME.test(name) && (!type || type.kind === ts.SyntaxKind.AnyKeyword)) return "client";
  if (!type || type.kind === ts.SyntaxKind.AnyKeyword) return CALLBACK_NAME.test(name) ? "function" : LIST_NAME.test(name) ? "array" : "string";
  if (type.kind === ts.SyntaxKind.StringKeyword) return "string";
  if (type.kind === ts.SyntaxKind.NumberKeyword) return "number";
  if (ts.isFunctionTypeNode(type)) return "function";
  if (ts.isArrayTypeNode(type) && type.elementType.kind === ts.SyntaxKind.StringKeyword) return "array";
  if (ts.isTypeReferenceNode(type) && type.typeName.getText() === "Function") return "function";
  if (ts.isTypeReferenceNode(type) && /DockerDesktopClient$/.test(type.typeName.getText())) return "client";
  return "object";
}

function paramOf(param: ts.ParameterDeclaration): Param {
  const name = param.name.getText();
  // `props: { client: DockerDesktopClient; title: string }`: each member of the type literal.
  if (ts.isIdentifier(param.name) && param.type && ts.isTypeLiteralNode(param.type)) {
    const fields = param.type.members.filter(ts.isPropertySignature).map((member): Param => ({ name: member.name.getText(), kind: kindOf(member.name.getText(), member.type) }));
    return { name, kind: "object", fields };
  }
  if (!ts.isObjectBindingPattern(param.name)) return { name, kind: kindOf(name, param.type) };
  // `{ ns }: { ns: string }`: each bound property from the type literal, or by its name.
  const members: readonly ts.TypeElement[] = param.type && ts.isTypeLiteralNode(param.type) ? param.type.members : [];
  const fields = param.name.elements.map((element): Param => {
    const key = (element.propertyName ?? element.name).getText();
    const member = members.filter(ts.isPropertySignature).find((m) => m.name.getText() === key);
    return { name: key, kind: kindOf(key, member?.type) };
  });
  return { name, kind: "object", fields };
}

const paramsOf = (fn: ts.SignatureDeclarationBase): Param[] => fn.parameters.map(paramOf);

const isPublicMethod = (member: ts.ClassElement): member is ts.MethodDeclaration =>
  ts.isMethodDeclaration(member) &&
  !(ts.getModifiers(member) ?? []).some((m) => [ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword].includes(m.kind)) &&
  !ts.isPrivateIdentifier(member.name);

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const functionLike = (node: ts.Expression | undefined): ts.SignatureDeclarationBase | undefined => {
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))) node = node.expression;
  return node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) ? node : undefined;
};

/** `module.exports.name = …` / `exports.name = …` → name. */
function commonJsExportName(target: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(target)) return undefined;
  const object = target.expression.getText();
  return object === "module.exports" || object === "exports" ? target.name.text : undefined;
}

export function exportedCallables(source: string, extension: string): ExportedCallable[] {
  const file = ts.createSourceFile(`fixture.${extension}`, source, ts.ScriptTarget.Latest, true, SCRIPT_KIND[extension] ?? ts.ScriptKind.TS);
  const found: ExportedCallable[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && isExported(statement)) {
      found.push({ name: statement.name.text, kind: "function", params: paramsOf(statement) });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const fn = functionLike(declaration.initializer);
        if (fn && ts.isIdentifier(declaration.name)) found.push({ name: declaration.name.text, kind: "function", params: paramsOf(fn) });
      }
    } else if (ts.isClassDeclaration(statement) && statement.name && isExported(statement)) {
      const constructor = statement.members.find(ts.isConstructorDeclaration);
      const constructorParams = constructor ? paramsOf(constructor) : [];
      for (const method of statement.members.filter(isPublicMethod)) {
        found.push({ name: `${statement.name.text}.${method.name.getText()}`, kind: "method", params: paramsOf(method), constructorParams });
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
      const { left, operatorToken, right } = statement.expression;
      const name = operatorToken.kind === ts.SyntaxKind.EqualsToken ? commonJsExportName(left) : undefined;
      const fn = functionLike(right);
      if (name && fn) found.push({ name, kind: "function", params: paramsOf(fn) });
    }
  }
  return found;
}
