/**
 * The v0 member calls of a file, read with the TypeScript parser rather than the engine, so a
 * call the engine misses shows as a call without a finding: `<x>.backend.<method>(…)` /
 * `backend.<method>(…)` for the table's backend rows, `<x>.<member>(…)` for its root rows
 * unless `<x>` ends in a v1 namespace (`docker.listContainers`, `host.openExternal`).
 * Positions are the first v0 segment's (`backend`, `execHostCmd`), where findings and lint
 * messages point.
 */
import ts from "typescript";
import { DEPRECATIONS } from "../../deprecations/table.js";

export interface V0Call {
  /** The table id: `backend.get`, `execHostCmd`. */
  readonly member: string;
  /** 1-based, of the first v0 segment. */
  readonly line: number;
  readonly column: number;
  /** The whole call's source text. */
  readonly text: string;
  readonly node: ts.CallExpression;
}

export const BACKEND_METHODS = new Set(DEPRECATIONS.filter((row) => row.id.startsWith("backend.")).map((row) => row.id.slice("backend.".length)));
export const ROOT_MEMBERS = new Set(DEPRECATIONS.filter((row) => !row.id.includes(".")).map((row) => row.id));
/** v1 namespaces a root-row name also lives under. */
export const V1_NAMESPACES = new Set(["docker", "host", "toast", "navigate", "cli", "service", "desktopUI", "extension", "vm"]);

const SCRIPT_KIND: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

export function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
}

/** `x.name` / `x?.name` / `x["name"]`: the name node and `x`. */
function memberOf(node: ts.Expression): { name: ts.Node & { text: string }; object: ts.Expression } | undefined {
  node = unwrap(node);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return { name: node.name, object: node.expression };
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return { name: node.argumentExpression, object: node.expression };
  return undefined;
}

export function parseForV0Calls(source: string, fileName: string): ts.SourceFile {
  const extension = fileName.split(".").pop()!;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, SCRIPT_KIND[extension] ?? ts.ScriptKind.JS);
}

export function findV0Calls(file: ts.SourceFile): V0Call[] {
  const found: V0Call[] = [];
  const at = (node: ts.Node, member: string, call: ts.CallExpression): void => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ member, line: line + 1, column: character + 1, text: call.getText(file), node: call });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = memberOf(node.expression);
      if (callee && BACKEND_METHODS.has(callee.name.text)) {
        const object = unwrap(callee.object);
        const backend = memberOf(object);
        if (backend?.name.text === "backend") at(backend.name, `backend.${callee.name.text}`, node);
        else if (ts.isIdentifier(object) && object.text === "backend") at(object, `backend.${callee.name.text}`, node);
      } else if (callee && ROOT_MEMBERS.has(callee.name.text)) {
        const namespace = memberOf(callee.object);
        if (!namespace || !V1_NAMESPACES.has(namespace.name.text)) at(callee.name, callee.name.text, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A v0 use in any form: a call as above, or the member reached otherwise (read, bound, tested, taken apart). */
export interface V0Use {
  readonly member: string;
  /** 1-based, of the first v0 segment: the name, the string key, the pattern's key, or the local holding `backend`. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
  /** A member taken into a local: where else a finding may stand for it (every identifier of the local's name). */
  readonly alternatives: readonly { readonly line: number; readonly column: number }[];
}

function unwrapUp(node: ts.Node): ts.Node {
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
  return node;
}

/**
 * Every v0 use of a file, by the same independent reading: the calls of {@link findV0Calls}, and
 * `x.m` / `x["m"]` / `` x[`m`] `` / `x[K]` (K a `const` string) however they are used, `"m" in x`,
 * and object patterns (`{ m }`, `{ m: local = d }`, `{ backend: { get } }`) in declarations,
 * parameters, catch clauses, for-of heads and assignments. `backend` is followed to its methods,
 * also through a local that holds it (by name: `const b = x.backend; b["post"](…)`), or a copy
 * of it (`const b = { ...x.backend }`).
 */
export function findV0Uses(file: ts.SourceFile): V0Use[] {
  const found: V0Use[] = findV0Calls(file).map((call) => ({ member: call.member, line: call.line, column: call.column, text: call.text, alternatives: [] }));
  const seen = new Set(found.map((use) => `${use.member} ${use.line}:${use.column}`));
  const place = (node: ts.Node) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { line: line + 1, column: character + 1 };
  };
  const constants = new Map<string, string>();
  const holders = new Map<string, { key: ts.Node; reached: boolean }>();
  const identifiers = new Map<string, ts.Node[]>();
  const add = (member: string, at: ts.Node, text: ts.Node, alternativesOf?: string): void => {
    const { line, column } = place(at);
    if (seen.has(`${member} ${line}:${column}`)) return;
    seen.add(`${member} ${line}:${column}`);
    found.push({ member, line, column, text: text.getText(file), alternatives: alternativesOf ? (identifiers.get(alternativesOf) ?? []).map(place) : [] });
  };
  const stringOf = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isComputedPropertyName(node)) return stringOf(node.expression);
    return ts.isIdentifier(node) ? constants.get(node.text) : undefined;
  };
  const accessName = (node: ts.Node): string | undefined =>
    ts.isPropertyAccessExpression(node) ? node.name.text : ts.isElementAccessExpression(node) ? stringOf(node.argumentExpression) : undefined;
  const accessKey = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.Node => (ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression);
  const keyOf = (element: ts.BindingElement | ts.ObjectLiteralElementLike): ts.Node | undefined =>
    ts.isBindingElement(element) ? (element.propertyName ?? element.name) : ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element) ? element.name : undefined;
  /** The methods of `backend` an object pattern takes: a use each, at `at`. */
  const patternMethods = (pattern: ts.ObjectBindingPattern, at: ts.Node): boolean => {
    let any = false;
    for (const element of pattern.elements) {
      const method = stringOf(keyOf(element)) ?? (ts.isIdentifier(keyOf(element)!) ? (keyOf(element) as ts.Identifier).text : undefined);
      if (method && BACKEND_METHODS.has(method)) (any = true), add(`backend.${method}`, at, pattern);
    }
    return any;
  };
  const keyText = (key: ts.Node | undefined): string | undefined => (key && ts.isIdentifier(key) ? key.text : stringOf(key));

  // First: constants, holders of `backend`, and identifiers by name.
  const collect = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) identifiers.set(node.text, [...(identifiers.get(node.text) ?? []), node]);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteralLike(node.initializer)) constants.set(node.name.text, node.initializer.text);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isNonNullExpression(init) || ts.isParenthesizedExpression(init) || ts.isAsExpression(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init) && init.properties.length === 1 && ts.isSpreadAssignment(init.properties[0]!)) init = unwrap(init.properties[0].expression);
      if ((ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init)) && accessName(init) === "backend") holders.set(node.name.text, { key: accessKey(init), reached: false });
    }
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && keyText(keyOf(node)) === "backend") holders.set(node.name.text, { key: keyOf(node)!, reached: false });
    ts.forEachChild(node, collect);
  };
  collect(file);

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = accessName(node);
      const object = unwrap(node.expression);
      const holder = ts.isIdentifier(object) ? holders.get(object.text) : undefined;
      if (name && BACKEND_METHODS.has(name) && holder) (holder.reached = true), add(`backend.${name}`, object, node);
      else if (name === "backend") {
        const outer = unwrapUp(node);
        const method = outer.parent && (ts.isPropertyAccessExpression(outer.parent) || ts.isElementAccessExpression(outer.parent)) ? accessName(outer.parent) : undefined;
        // `const b = { ...x.backend }` declares a holder as `const b = x.backend` does.
        const copied = outer.parent && ts.isSpreadAssignment(outer.parent) && outer.parent.parent.properties.length === 1 ? unwrapUp(outer.parent.parent) : outer;
        const declaration = copied.parent && ts.isVariableDeclaration(copied.parent) ? copied.parent : undefined;
        if (method && BACKEND_METHODS.has(method)) add(`backend.${method}`, accessKey(node), outer.parent!);
        else if (declaration && ts.isObjectBindingPattern(declaration.name)) patternMethods(declaration.name, accessKey(node)) || add("backend", accessKey(node), node);
        else if (!(declaration && ts.isIdentifier(declaration.name))) add("backend", accessKey(node), node);
      } else if (name && ROOT_MEMBERS.has(name)) {
        const namespace = memberOf(node.expression);
        if (!namespace || !V1_NAMESPACES.has(namespace.name.text)) add(name, accessKey(node), node);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
      const name = stringOf(node.left);
      if (name && (ROOT_MEMBERS.has(name) || name === "backend")) add(name, node.left, node);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const key = keyOf(node)!;
      const name = keyText(key);
      if (name === "backend" && ts.isObjectBindingPattern(node.name)) patternMethods(node.name, key) || add("backend", key, node);
      else if (name && ROOT_MEMBERS.has(name)) add(name, key, node, ts.isIdentifier(node.name) ? node.name.text : undefined);
    } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isIdentifier(unwrap(node.initializer))) {
      const holder = holders.get((unwrap(node.initializer) as ts.Identifier).text);
      if (holder && patternMethods(node.name, unwrap(node.initializer))) holder.reached = true;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isObjectLiteralExpression(unwrap(node.left))) {
      for (const property of (unwrap(node.left) as ts.ObjectLiteralExpression).properties) {
        const key = keyOf(property);
        const name = keyText(key);
        if (key && name && (ROOT_MEMBERS.has(name) || name === "backend")) add(name, key, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // `backend` held by a local whose methods are never reached: the taking is the use.
  for (const [name, holder] of holders) if (!holder.reached) add("backend", holder.key, holder.key, name);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
