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

const BACKEND_METHODS = new Set(DEPRECATIONS.filter((row) => row.id.startsWith("backend.")).map((row) => row.id.slice("backend.".length)));
const ROOT_MEMBERS = new Set(DEPRECATIONS.filter((row) => !row.id.includes(".")).map((row) => row.id));
/** v1 namespaces a root-row name also lives under. */
const V1_NAMESPACES = new Set(["docker", "host", "toast", "navigate", "cli", "service", "desktopUI", "extension", "vm"]);

const SCRIPT_KIND: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

function unwrap(node: ts.Expression): ts.Expression {
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
