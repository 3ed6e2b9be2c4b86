/**
 * Hand-written v0 typings of the client (core/hand-written-typing decides) among the places
 * the walk kept: `interface Window { ddClient: … }` and typed declarators such as
 * `declare const ddClient: { execHostCmd(…): … }`.
 */
import { handWrittenTypingFinding } from "../core/hand-written-typing.js";
import type { Finding } from "../core/report.js";
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";

export function handWrittenTypings(file: EngineFile): { node: Node; finding: Finding }[] {
  const found: { node: Node; finding: Finding }[] = [];
  const add = (node: Node, type: Node | undefined): void => {
    const finding = handWrittenTypingFinding(node as Parameters<typeof handWrittenTypingFinding>[0], type as Parameters<typeof handWrittenTypingFinding>[1]);
    if (finding) found.push({ node, finding });
  };
  for (const declaration of file.index.windowInterfaces) {
    for (const member of declaration.body.body) if (member.type === "TSPropertySignature") add(member.key, member.typeAnnotation?.typeAnnotation);
  }
  for (const declarator of file.index.declarators) {
    if (declarator.id.type === "Identifier") add(declarator.id, declarator.id.typeAnnotation?.typeAnnotation);
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}
