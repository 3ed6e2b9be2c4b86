/**
 * Hand-written typings of the client among the places the walk kept: `interface Window {
 * ddClient: { … } }` and typed declarators such as `declare const ddClient: { execHostCmd(…): … }`.
 * Each is described for core (plan-typing migrates it, hand-written-typing reports it). Babel's
 * estree names a signature's parts `parameters`/`typeAnnotation`, typescript-estree
 * `params`/`returnType`: both are read.
 */
import { handWrittenTypingFinding } from "../core/hand-written-typing.js";
import type { LiteralMember, TypingLiteral } from "../core/plan-typing.js";
import type { Finding } from "../core/report.js";
import type { Node, TSESTree } from "./ast.js";
import type { EngineFile } from "./file.js";

export interface DescribedTyping {
  /** The `ddClient` key, where a report points. */
  readonly node: Node;
  readonly typing: TypingLiteral;
}

/** Every `ddClient: { … }` typing with at least one v0 member, in source order. */
export function describeTypings(file: EngineFile): DescribedTyping[] {
  const found: DescribedTyping[] = [];
  const add = (key: Node, type: Node | undefined): void => {
    if (key.type !== "Identifier" || key.name !== "ddClient" || type?.type !== "TSTypeLiteral") return;
    const typing: TypingLiteral = { at: { line: key.loc.start.line, column: key.loc.start.column + 1 }, start: type.range[0], end: type.range[1], members: membersOf(type, file.source) };
    if (handWrittenTypingFinding(typing)) found.push({ node: key, typing });
  };
  for (const declaration of file.index.windowInterfaces) {
    for (const member of declaration.body.body) if (member.type === "TSPropertySignature") add(member.key, member.typeAnnotation?.typeAnnotation);
  }
  for (const declarator of file.index.declarators) {
    if (declarator.id.type === "Identifier") add(declarator.id, declarator.id.typeAnnotation?.typeAnnotation);
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The typings reported as they are (the lint rule; the codemod when the run did not ask to migrate them). */
export function handWrittenTypings(file: EngineFile): { node: Node; finding: Finding }[] {
  return describeTypings(file).map(({ node, typing }) => ({ node, finding: handWrittenTypingFinding(typing)! }));
}

type Signature = { parameters?: unknown; typeParameters?: Node | null; typeAnnotation?: TSESTree.TSTypeAnnotation | null; returnType?: TSESTree.TSTypeAnnotation | null };

function membersOf(literal: TSESTree.TSTypeLiteral, source: string): LiteralMember[] {
  return literal.members.flatMap((member): LiteralMember[] => {
    if ((member.type !== "TSPropertySignature" && member.type !== "TSMethodSignature") || member.computed || member.key.type !== "Identifier") return [];
    const base = { name: member.key.name, optional: member.optional === true, start: member.range[0], end: member.range[1] };
    if (member.type === "TSMethodSignature") {
      const signature = member as unknown as Signature;
      return [{ ...base, form: "method", params: paramsText(source, (signature.typeParameters ?? member.key).range[1]), type: resultText(signature, source), members: null }];
    }
    const type = member.typeAnnotation?.typeAnnotation;
    if (type?.type === "TSFunctionType") {
      const signature = type as unknown as Signature;
      return [{ ...base, form: "function", params: paramsText(source, signature.typeParameters?.range[1] ?? type.range[0]), type: resultText(signature, source), members: null }];
    }
    const text = type ? source.slice(type.range[0], type.range[1]) : "any";
    return [{ ...base, form: "other", params: "", type: text, members: type?.type === "TSTypeLiteral" ? membersOf(type, source) : null }];
  });
}

/** `(command: string)`: from the first `(` after `from` to the `)` that closes it. */
function paramsText(source: string, from: number): string {
  const open = source.indexOf("(", from);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return "()";
}

/** The declared result type; `any` when none is written, as TypeScript reads it. */
function resultText(signature: Signature, source: string): string {
  const annotation = (signature.returnType ?? signature.typeAnnotation)?.typeAnnotation;
  return annotation ? source.slice(annotation.range[0], annotation.range[1]) : "any";
}
