/**
 * A constant holding a command line, read by code other than the v0 calls it feeds (a log): how
 * it is read, and where its words can be built once (core/plan-shared-line).
 */
import type { SharedConstant } from "../core/plan-command-line.js";
import { freshName, lineIndent } from "../core/text.js";
import { rangeOf } from "./ast.js";
import type { EngineFile } from "./file.js";
import type { ConstantBinding } from "./string-parts.js";

/** v0 calls whose line argument is rewritten into words of its own: a constant they share is read by no one after. */
const LINE_MEMBERS = new Set(["execHostCmd", "execInVMExtension", "execInContainer", "execDockerCmd"]);

/** How the constant is read: how often as the line of a v0 call, and whether otherwise too (a log, a v1 call, a return). */
export function usesOf(binding: ConstantBinding, file: EngineFile): { lines: number; elsewhere: boolean } {
  let lines = 0;
  let elsewhere = false;
  for (const { identifier } of file.references(binding.id)) {
    const call = identifier.parent;
    const callee = call?.type === "CallExpression" && call.arguments.includes(identifier) ? (call.callee.type === "ChainExpression" ? call.callee.expression : call.callee) : null;
    const name = callee?.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : callee?.type === "Identifier" ? callee.name : "";
    if (LINE_MEMBERS.has(name)) lines++;
    else elsewhere = true;
  }
  return { lines, elsewhere };
}

/** Where the words of a shared constant can be built once (core/plan-shared-line): one declarator, in a list of statements. */
export function sharedConstant(binding: ConstantBinding, name: string, oneLineUse: boolean, file: EngineFile): SharedConstant {
  const declarator = binding.init?.parent;
  const declaration = declarator?.parent;
  if (!oneLineUse || declarator?.type !== "VariableDeclarator" || declaration?.type !== "VariableDeclaration" || declaration.declarations.length !== 1) return { name };
  // `as const` or a literal type would no longer hold for the join, typed `string`.
  const annotation = declarator.id.typeAnnotation?.typeAnnotation.type;
  if (/^TS(As|Satisfies)Expression$|^TSTypeAssertion$/.test(binding.init!.type) || (annotation !== undefined && annotation !== "TSStringKeyword")) return { name };
  const statement = declaration.parent?.type === "ExportNamedDeclaration" ? declaration.parent : declaration;
  if (!["Program", "BlockStatement", "StaticBlock", "SwitchCase"].includes(statement.parent?.type ?? "")) return { name };
  const upper = /^[A-Z][A-Z0-9_]*$/.test(name);
  return {
    name,
    declaration: {
      init: rangeOf(binding.init!),
      statementStart: statement.range[0],
      indent: lineIndent(file.source, statement.range[0]),
      semicolon: file.source[declaration.range[1] - 1] === ";",
      command: freshName(upper ? `${name}_COMMAND` : `${name}Command`, [file.source]),
      args: freshName(upper ? `${name}_ARGS` : `${name}Args`, [file.source]),
    },
  };
}
