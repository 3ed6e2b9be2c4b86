/**
 * Hand-written v0 typings of the client anywhere in a file (core/hand-written-typing decides):
 * `interface Window { ddClient: … }` and `declare const ddClient: …`.
 */
import { handWrittenTypingFinding } from "../../core/hand-written-typing.js";
import type { Finding } from "../../core/report.js";
import type { AstNode } from "./parse.js";

export function findHandWrittenTypings(ast: AstNode): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Finding | null): void => void (finding && findings.push(finding));
  const visit = (node: any): void => {
    if (node.type === "TSInterfaceDeclaration") {
      if (node.id.name === "Window") for (const member of node.body.body) add(handWrittenTypingFinding(member.key, member.typeAnnotation?.typeAnnotation));
      return;
    }
    if (node.type === "VariableDeclarator") add(handWrittenTypingFinding(node.id, node.id.typeAnnotation?.typeAnnotation));
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments") continue;
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) if (item && typeof item.type === "string") visit(item);
      if (child && typeof child.type === "string") visit(child);
    }
  };
  visit(ast.program ?? ast);
  return findings;
}
