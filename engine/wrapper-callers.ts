/**
 * Who calls a wrapper, as far as its file shows: a named function (engine/file's functionUses)
 * or a class method called as `this.run(…)`. What may call it out of view is listed for the report.
 */
import { isFunctionNode, type Node, type TSESTree } from "./ast.js";
import type { EngineFile } from "./file.js";

export interface WrapperCallers {
  /** The name it is exported under (the project pre-pass's key); undefined when not exported. */
  readonly exportedAs?: string;
  readonly calls: readonly TSESTree.CallExpression[];
  /** Uses that are not calls (`12:7 (used as a value)`), and callers that may stand out of view. */
  readonly unseen: readonly string[];
}

const asValue = (id: Node): string => `${id.loc.start.line}:${id.loc.start.column + 1} (used as a value)`;

/** Null when the function has no name to be called by (an inline callback). */
export function wrapperCallers(fn: TSESTree.FunctionLike, file: EngineFile): WrapperCallers | null {
  if (fn.parent?.type === "MethodDefinition") return methodCallers(fn.parent, file);
  const uses = file.functionUses(fn);
  if (!uses) return null;
  const unseen = uses.seen.otherUses.map(asValue);
  if (uses.exported) unseen.push("other modules (exported)");
  return { ...(uses.exported ? { exportedAs: uses.name } : {}), calls: uses.seen.calls, unseen };
}

/**
 * Before: class Api { private run(sub: string) { … } status() { return this.run("status --json"); } }
 * A `private` method has no callers outside its class; a public one may have any.
 */
function methodCallers(method: TSESTree.MethodDefinition, file: EngineFile): WrapperCallers | null {
  if (method.kind !== "method" || method.static || method.computed || method.key.type !== "Identifier") return null;
  const name = method.key.name;
  const body = method.parent;
  const calls: TSESTree.CallExpression[] = [];
  const unseen: string[] = method.accessibility === "private" ? [] : ["other objects (a public method)"];
  for (const id of file.identifiersIn(body.range[0], body.range[1])) {
    const member = id.parent;
    if (id.name !== name || member?.type !== "MemberExpression" || member.property !== id || member.computed) continue;
    const owner = member.parent;
    const onThis = member.object.type === "ThisExpression" && thisClassBody(member.object) === body;
    // `self.run(…)` may be this very method, called where the rewrite would not see it.
    if (onThis && owner?.type === "CallExpression" && owner.callee === member) calls.push(owner);
    else unseen.push(`${id.loc.start.line}:${id.loc.start.column + 1} (${onThis ? "used as a value" : "another receiver"})`);
  }
  return { calls, unseen };
}

/** The class body whose instance `this` is: the nearest enclosing non-arrow function's, or a field's. */
function thisClassBody(node: Node): Node | null {
  for (let at: Node | undefined = node.parent; at; at = at.parent) {
    if (at.type === "PropertyDefinition") return at.parent;
    if (isFunctionNode(at) && at.type !== "ArrowFunctionExpression") return at.parent?.type === "MethodDefinition" ? at.parent.parent : null;
  }
  return null;
}
