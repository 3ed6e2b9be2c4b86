/** Where a named function is used in its file (wrappers: rewritten with their callers). */
import type { Edit } from "../../core/report.js";
import { wholeLines } from "../../core/text.js";
import type { FunctionUses } from "./file-context.js";
import type { NodePath } from "./scope.js";

/** The uses of a named function in this file: its calls, or null when it is used as a value. */
export function functionUses(fn: NodePath, root: any, j: any): FunctionUses | null {
  const parent = fn.parent;
  let id: any;
  if (fn.node.type === "FunctionDeclaration") id = fn.node.id;
  else if (parent?.node.type === "VariableDeclarator" && parent.node.init === fn.node && parent.parent?.node.kind === "const") id = parent.node.id;
  if (!id || id.type !== "Identifier") return null;
  const holder = fn.node.type === "FunctionDeclaration" ? parent : parent!.parent?.parent;
  const declaredIn = parent?.scope?.lookup(id.name) ?? null;
  const calls: NodePath[] = [];
  let escapes = false;
  root.find(j.Identifier, { name: id.name }).forEach((path: NodePath) => {
    if (path.node === id || escapes) return;
    const owner = path.parent!.node;
    if ((owner.type === "MemberExpression" || owner.type === "OptionalMemberExpression") && owner.property === path.node && !owner.computed) return;
    if ((owner.type === "ObjectProperty" || owner.type === "ClassMethod" || owner.type === "ObjectMethod") && owner.key === path.node && !owner.computed && !owner.shorthand) return;
    if (path.scope?.lookup(id.name) !== declaredIn) return;
    if (path.name === "callee" && (owner.type === "CallExpression" || owner.type === "OptionalCallExpression")) calls.push(path.parent!);
    else escapes = true;
  });
  return { name: id.name, exported: Boolean(holder && /^Export/.test(holder.node.type)), calls: escapes ? null : calls };
}


/**
 * The edits removing the `const` whose initialiser is at `init` when exactly one reference
 * (the call it is inlined into) uses it and it is not exported; none otherwise.
 */
export function constantRemoval(init: NodePath, root: any, j: any, text: string): Edit[] {
  const declarator = init.parent;
  const declaration = declarator?.parent;
  if (declarator?.node.type !== "VariableDeclarator" || declarator.node.id.type !== "Identifier") return [];
  if (declaration?.node.kind !== "const" || declaration.node.declarations.length !== 1 || /^Export/.test(declaration.parent?.node.type ?? "")) return [];
  const id = declarator.node.id;
  const scope = declarator.scope?.lookup(id.name) ?? null;
  let references = 0;
  root.find(j.Identifier, { name: id.name }).forEach((path: NodePath) => {
    if (path.node === id) return;
    const owner = path.parent!.node;
    if ((owner.type === "MemberExpression" || owner.type === "OptionalMemberExpression") && owner.property === path.node && !owner.computed) return;
    if (owner.type === "ObjectProperty" && owner.key === path.node && !owner.computed && !owner.shorthand) return;
    if (path.scope?.lookup(id.name) === scope) references++;
  });
  if (references !== 1) return [];
  const statement = { start: declaration.node.start, end: declaration.node.end };
  return [{ ...(wholeLines(text, statement) ?? statement), text: "" }];
}
