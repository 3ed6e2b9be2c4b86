/**
 * v0 members destructured off the client that nothing uses any more (core/plan-unused-destructuring
 * decides the edits, as for the codemod's last step).
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import { planUnusedDestructuring } from "../core/plan-unused-destructuring.js";
import type { Edit } from "../core/report.js";
import { wholeLines } from "../core/text.js";
import type { TSESTree } from "./ast.js";
import { classifyClient } from "./clients.js";
import type { EngineFile } from "./file.js";

/**
 * `removed`: a reference the caller's own edits are about to take away (the codemod plans this
 * after its rewrites, on the same tree); by default none is.
 */
export function unusedDestructuring(
  node: TSESTree.VariableDeclarator,
  file: EngineFile,
  removed: (reference: TSESTree.Identifier) => boolean = () => false,
): { node: TSESTree.Node; member: string; edits: Edit[] } | null {
  const pattern = node.id;
  if (pattern.type === "Identifier") return unusedAlias(node, pattern, file, removed);
  if (pattern.type !== "ObjectPattern" || !node.init || pattern.properties.some((p) => p.type !== "Property" || p.computed)) return null;
  const declaration = node.parent;
  if (declaration?.type !== "VariableDeclaration" || /^Export/.test(declaration.parent?.type ?? "")) return null;
  if (classifyClient(node.init, file) !== "client") return null;
  const properties = (pattern.properties as TSESTree.Property[]).map((property) => {
    const key = property.key;
    const value = property.value;
    const v0 = key.type === "Identifier" && V0_ROOT_MEMBERS.has(key.name);
    return { property, range: { start: property.range[0], end: property.range[1] }, removable: v0 && value.type === "Identifier" && file.references(value).every((ref) => removed(ref.identifier)) };
  });
  const edits = planUnusedDestructuring({
    statement: { start: declaration.range[0], end: declaration.range[1] },
    lines: wholeLines(file.source, { start: declaration.range[0], end: declaration.range[1] }),
    alone: declaration.declarations.length === 1,
    properties,
  });
  const first = properties.find((p) => p.removable);
  if (!first || edits.length === 0) return null;
  return { node: first.property, member: (first.property.key as TSESTree.Identifier).name, edits };
}

/** Before: const backend = window.ddClient.backend;   (every `backend.get(…)` rewritten)   After: (gone) */
function unusedAlias(node: TSESTree.VariableDeclarator, id: TSESTree.Identifier, file: EngineFile, removed: (reference: TSESTree.Identifier) => boolean) {
  const declaration = node.parent;
  const init = node.init?.type === "ChainExpression" ? node.init.expression : node.init;
  if (init?.type !== "MemberExpression" || init.computed || init.property.type !== "Identifier" || !V0_ROOT_MEMBERS.has(init.property.name)) return null;
  if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const" || declaration.declarations.length !== 1 || /^Export/.test(declaration.parent?.type ?? "")) return null;
  if (classifyClient(init.object, file) !== "client") return null;
  const references = file.references(id);
  if (!references.every((ref) => removed(ref.identifier))) return null;
  const statement = { start: declaration.range[0], end: declaration.range[1] };
  return { node: id as TSESTree.Node, member: init.property.name, edits: [{ ...(wholeLines(file.source, statement) ?? statement), text: "" }] };
}
