/**
 * Whether a receiver's static type may be `any` in TypeScript: then v1's `exec(…, { stream })`
 * gives its handlers no contextual types, and a handler parameter written bare is an implicit
 * `any` under `strict` where v0's callback typechecked.
 *
 * Before: function use(host: any) { host.spawnHostCmd("tail", ["-f", f], onEvent) }
 * After:  host.extension.host!.cli.exec("tail", ["-f", f], { stream: { onOutput: (data: any) => … } })
 */
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";

const SEE_THROUGH = new Set(["TSNonNullExpression", "TSSatisfiesExpression", "ChainExpression"]);

export function mayBeUntyped(receiver: Node, file: EngineFile): boolean {
  let current = receiver;
  for (;;) {
    // `(window as any).ddClient`: a cast to `any` anywhere down the chain.
    if (current.type === "TSAsExpression" || current.type === "TSTypeAssertion") {
      if (current.typeAnnotation.type === "TSAnyKeyword") return true;
      current = current.expression;
    } else if (SEE_THROUGH.has(current.type)) {
      current = (current as { expression: Node }).expression;
    } else if (current.type === "MemberExpression") {
      current = current.object;
    } else {
      break;
    }
  }
  if (current.type !== "Identifier") return false;
  const binding = file.resolve(current, current.name);
  if (binding.kind !== "parameter" && binding.kind !== "variable") return false;
  const type = binding.id.typeAnnotation?.typeAnnotation;
  // A parameter without a type is `any`; a variable without one has its initialiser's type.
  return type === undefined ? binding.kind === "parameter" : type.type === "TSAnyKeyword";
}
