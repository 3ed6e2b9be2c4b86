/**
 * The generated programs' independent finder (issue 16, section 5): every use of a v0 member
 * with the source range a finding about it may point into, read with the TypeScript parser
 * rather than the engine or its closing sweep.
 */
import ts from "typescript";
import { BACKEND_METHODS, ROOT_MEMBERS, unwrap, V1_NAMESPACES } from "./v0-calls.js";

/**
 * One use of a v0 member in any syntactic form: a call, a member read (`.bind`, alias, passed
 * as a value, `typeof`), a computed name (literal, template or `const` key), a destructuring
 * property (declaration, parameter or assignment, nested, renamed, defaulted), a feature test
 * (`"execHostCmd" in c`, `"backend" in c`). `site` is the source range a finding about it may
 * point into: the call or member chain it heads, the whole declaration for a pattern.
 */
export interface V0UseSite {
  /** The table id (`backend.get`), or `backend` for a feature test of the namespace. */
  readonly member: string;
  readonly form: "call" | "member" | "computed" | "pattern" | "assignment-pattern" | "in";
  /** 1-based, of the member's name. */
  readonly line: number;
  readonly column: number;
  readonly site: Range;
  /**
   * Other places a finding about it may point into, as for a declaration's initializer: a
   * pattern's local, where it is used (the engine reports a member taken into a local at its
   * calls, and migrates them; test/support/v0-calls.ts `alternatives` alike), and the argument a
   * parameter pattern takes apart on the spot (`(({ get }) => …)(c.backend)`).
   */
  readonly also: readonly Range[];
  readonly text: string;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/** The string a key names: `"x"`, `` `x` ``, or an identifier declared `const k = "x"` somewhere in the file. */
function keyText(node: ts.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isIdentifier(node)) return constants.get(node.text);
  if (ts.isComputedPropertyName(node)) return keyText(node.expression, constants);
  return undefined;
}

function stringConstants(file: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteralLike(node.initializer)) {
      if (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) constants.set(node.name.text, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return constants;
}

/** A property name as written: `a`, `"a"`, or a computed `[k]` with a known key. */
function propertyKey(node: ts.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (node && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))) return node.text;
  return keyText(node, constants);
}

/**
 * Names that stand for another object's last name: `const b = c.backend` and a copy
 * `const copy = { ...c.backend }` are `backend`.
 */
function aliasesOf(file: ts.SourceFile, constants: ReadonlyMap<string, string>): Map<string, string> {
  const aliases = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init = unwrap(node.initializer);
      if (ts.isObjectLiteralExpression(init) && init.properties.length === 1 && ts.isSpreadAssignment(init.properties[0]!)) init = unwrap(init.properties[0].expression);
      const name = ts.isIdentifier(init) ? undefined : lastName(init, constants, aliases);
      if (name === "backend") aliases.set(node.name.text, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return aliases;
}

/** The last name of an object expression: `backend` of `c.backend!`, `host` of `c.host`. */
function lastName(node: ts.Expression, constants: ReadonlyMap<string, string>, aliases: ReadonlyMap<string, string> = new Map()): string | undefined {
  node = unwrap(node);
  if (ts.isIdentifier(node)) return aliases.get(node.text) ?? node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return keyText(node.argumentExpression, constants);
  return undefined;
}

/** The member chain a read heads: through `.bind`/`.call`/`.apply`, a call of it, casts, `typeof`. */
function siteOf(node: ts.Node): ts.Node {
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent) || ts.isTypeOfExpression(parent)) node = parent;
    else if (ts.isCallExpression(parent) && parent.expression === node) node = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ["bind", "call", "apply"].includes(parent.name.text)) node = parent;
    else return node;
  }
}

/** The declaration, parameter or assignment a destructuring pattern stands in. */
function patternSite(node: ts.Node): ts.Node {
  while (ts.isBindingElement(node.parent) || ts.isObjectBindingPattern(node.parent) || ts.isArrayBindingPattern(node.parent)) node = node.parent;
  return node.parent;
}

/** The block or function a binding is visible in: the first one around the declaration or parameter. */
function scopeOf(node: ts.Node): ts.Node {
  let scope = node.parent;
  while (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isFunctionLike(scope)) scope = scope.parent;
  return scope;
}

/** The identifiers that read `name` in `scope`: not a property's name (`x.name`, `{ name: … }`). */
function referencesIn(scope: ts.Node, name: string, file: ts.SourceFile): Range[] {
  const found: Range[] = [];
  const visit = (node: ts.Node): void => {
    const parent = node.parent;
    const key = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
    if (ts.isIdentifier(node) && node.text === name && !key && !(ts.isBindingElement(parent) && parent.propertyName === node)) found.push({ start: node.getStart(file), end: node.getEnd() });
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** What a parameter pattern is destructured from, when its function is called on the spot: `(({ get }) => …)(c.backend)`. */
function argumentOf(parameter: ts.ParameterDeclaration): ts.Expression | undefined {
  const fn = parameter.parent;
  let callee: ts.Node = fn;
  while (ts.isParenthesizedExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  return call && ts.isCallExpression(call) && call.expression === callee ? call.arguments[fn.parameters.indexOf(parameter)] : undefined;
}

export function findV0UseSites(file: ts.SourceFile): V0UseSite[] {
  const constants = stringConstants(file);
  const aliases = aliasesOf(file, constants);
  const ownerOf = (node: ts.Expression): string | undefined => lastName(node, constants, aliases);
  const found: V0UseSite[] = [];
  const add = (member: string, form: V0UseSite["form"], name: ts.Node, site: ts.Node, also: readonly Range[] = []): void => {
    const { line, character } = file.getLineAndCharacterOfPosition(name.getStart(file));
    found.push({ member, form, line: line + 1, column: character + 1, site: { start: site.getStart(file), end: site.getEnd() }, also, text: site.getText(file) });
  };
  /** Where a pattern's `local` is read, and the argument a parameter takes apart. */
  const patternAlso = (local: ts.Node, site: ts.Node): Range[] => {
    const argument = ts.isParameter(site) ? argumentOf(site) : undefined;
    return [
      ...(ts.isIdentifier(local) ? referencesIn(scopeOf(site), local.text, file) : []),
      ...(argument ? [{ start: argument.getStart(file), end: argument.getEnd() }] : []),
    ];
  };
  /** `key` read off an object whose last name is `owner`: the use it is, if any. */
  const classify = (key: string, owner: string | undefined): string | undefined => {
    if (BACKEND_METHODS.has(key)) return owner === "backend" ? `backend.${key}` : undefined;
    if (ROOT_MEMBERS.has(key)) return owner !== undefined && V1_NAMESPACES.has(owner) ? undefined : key;
    return undefined;
  };
  /** `const [{ get }] = [c.backend]`: the array literal's element at the pattern's place. */
  const arrayElementOwner = (element: ts.BindingElement, pattern: ts.ArrayBindingPattern): string | undefined => {
    const declaration = pattern.parent;
    const init = ts.isVariableDeclaration(declaration) && declaration.initializer ? unwrap(declaration.initializer) : undefined;
    const item = init && ts.isArrayLiteralExpression(init) ? init.elements[pattern.elements.indexOf(element)] : undefined;
    return item ? ownerOf(item) : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
      const key = ts.isPropertyAccessExpression(node) ? node.name.text : keyText(nameNode, constants);
      const member = key && classify(key, ownerOf(node.expression));
      if (member) {
        const site = siteOf(node);
        add(member, ts.isCallExpression(site) ? "call" : ts.isPropertyAccessExpression(node) ? "member" : "computed", nameNode, site);
      }
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const key = propertyKey(node.propertyName ?? (ts.isIdentifier(node.name) ? node.name : undefined), constants);
      const holder = node.parent.parent;
      // `{ backend: { get } }` is owned by `backend`; `const { openExternal } = c.host` by `host`.
      const owner = ts.isBindingElement(holder)
        ? ts.isArrayBindingPattern(holder.parent)
          ? arrayElementOwner(holder, holder.parent)
          : propertyKey(holder.propertyName ?? holder.name, constants)
        : ts.isVariableDeclaration(holder) && holder.initializer
          ? ownerOf(holder.initializer)
          : ts.isParameter(holder) && argumentOf(holder)
            ? ownerOf(argumentOf(holder)!)
            : undefined;
      const member = key && classify(key, owner);
      if (member) add(member, "pattern", node.propertyName ?? node.name, patternSite(node), patternAlso(node.name, patternSite(node)));
    } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && assignmentOf(node.parent)) {
      const key = propertyKey(node.name, constants);
      const assignment = assignmentOf(node.parent);
      const member = key && classify(key, assignment && ownerOf(assignment.right));
      const local = ts.isPropertyAssignment(node) ? node.initializer : node.name;
      if (member) add(member, "assignment-pattern", node.name, assignment ?? node.parent, assignment ? patternAlso(local, assignment) : []);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(node.left)) {
      const member = node.left.text === "backend" ? "backend" : classify(node.left.text, ownerOf(node.right));
      if (member) add(member, "in", node.left, node);
    } else if (ts.isTypeOfExpression(node) && ownerOf(node.expression) === "backend") {
      add("backend", "member", node.expression, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `({ execHostCmd: run } = client)`: the assignment an object literal is the target of. */
function assignmentOf(node: ts.Node): ts.BinaryExpression | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  let outer: ts.Node = node;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === outer ? parent : undefined;
}
