/**
 * Hand-written v0 typings of the client (core/hand-written-typing decides), among the
 * candidates the file walk collected: `interface Window { ddClient: … }` and
 * `declare const ddClient: …`.
 */
import { handWrittenTypingFinding } from "../../core/hand-written-typing.js";
import type { Finding } from "../../core/report.js";
import type { AstNode } from "./parse.js";

export function findHandWrittenTypings(candidates: readonly AstNode[]): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Finding | null): void => void (finding && findings.push(finding));
  for (const node of candidates) {
    if (node.type === "TSInterfaceDeclaration") for (const member of node.body.body) add(handWrittenTypingFinding(member.key, member.typeAnnotation?.typeAnnotation));
    else add(handWrittenTypingFinding(node.id, node.id.typeAnnotation?.typeAnnotation));
  }
  return findings;
}
