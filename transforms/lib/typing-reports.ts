/**
 * Two things the migration changes about types, reported rather than guessed:
 * - a hand-written v0-shaped typing of the client (`interface Window { ddClient: { execHostCmd(…): … } }`)
 *   that migrated code will not typecheck against: the official `v1Hybrid.DockerDesktopClient` replaces it;
 * - a `// @ts-ignore` or `// @ts-expect-error` just above a migrated v0 call, which may only have
 *   been there for it (an unused `@ts-expect-error` is itself an error).
 */
import { V0_ROOT_MEMBERS } from "../../deprecations/table.js";
import type { Finding, Review } from "../../core/report.js";
import type { AstNode } from "./parse.js";

/** Typings of `Window.ddClient` or a global `ddClient` whose members are v0 names. */
export function findHandWrittenTypings(ast: AstNode): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: any, inWindow: boolean): void => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "TSInterfaceDeclaration") {
      const isWindow = node.id.name === "Window";
      for (const member of node.body.body) if (isWindow) check(member.key, member.typeAnnotation?.typeAnnotation);
      return;
    }
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === "ddClient") check(node.id, node.id.typeAnnotation?.typeAnnotation);
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "start" || key === "end") continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => visit(c, inWindow));
      else if (child && typeof child === "object" && typeof child.type === "string") visit(child, inWindow);
    }
  };
  const check = (key: any, type: any): void => {
    if (key?.type !== "Identifier" || key.name !== "ddClient" || type?.type !== "TSTypeLiteral") return;
    const members = type.members.map((m: any) => m.key?.name).filter((name: string | undefined) => name && V0_ROOT_MEMBERS.has(name));
    if (members.length === 0) return;
    findings.push({
      kind: "manual",
      member: "ddClient typing",
      at: { line: key.loc.start.line, column: key.loc.start.column + 1 },
      reason: "hand-written-v0-typing",
      data: { members: members.join(", "), replacement: "v1Hybrid.DockerDesktopClient" },
    });
  };
  visit(ast.program ?? ast, false);
  return findings;
}

const DIRECTIVE = /^[ \t]*\/\/[ \t]*@ts-(ignore|expect-error)\b/;

/** The directive on the line above `line` (1-based), if any. */
export function tsDirectiveAbove(source: string, lineStarts: readonly number[], line: number): Review | null {
  if (line < 2) return null;
  const start = lineStarts[line - 2]!;
  const end = lineStarts[line - 1]! - 1;
  const match = DIRECTIVE.exec(source.slice(start, end));
  return match ? { reason: "ts-directive-removable", data: { directive: `@ts-${match[1]}` } } : null;
}

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
