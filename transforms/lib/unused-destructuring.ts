/**
 * The codemod's last step: v0 members destructured off the client that nothing uses any more
 * (core/plan-unused-destructuring decides the edits).
 */
import { V0_ROOT_MEMBERS } from "../../deprecations/table.js";
import { planUnusedDestructuring } from "../../core/plan-unused-destructuring.js";
import type { Edit } from "../../core/report.js";
import { wholeLines } from "../../core/text.js";
import { ClientRecognizer, type ClientContext } from "./clients.js";
import type { NodePath, Reassignments } from "./scope.js";

/** `const { … backend … } = …`: cheap enough to skip the parse when absent. */
export const MAY_DESTRUCTURE_V0 = new RegExp(`\\{[^{}]*\\b(?:${[...V0_ROOT_MEMBERS].join("|")})\\b[^{}]*\\}\\s*=`);

export function unusedDestructuringEdits(root: any, j: any, text: string, reassignments: Reassignments, clients: ClientContext): Edit[] {
  const recognizer = new ClientRecognizer(reassignments, clients);
  const edits: Edit[] = [];
  root.find(j.VariableDeclarator).forEach((declarator: NodePath) => {
    const { id, init } = declarator.node;
    if (id.type !== "ObjectPattern" || !init || id.properties.some((p: any) => p.type !== "ObjectProperty" || p.computed)) return;
    if (recognizer.classify(declarator.get("init")) !== "client") return;
    const declaration = declarator.parent!;
    // An exported binding may be imported elsewhere.
    if (/^Export/.test(declaration.parent?.node.type ?? "")) return;
    const properties = id.properties.map((property: any) => ({
      range: { start: property.start, end: property.end },
      removable: property.key.type === "Identifier" && V0_ROOT_MEMBERS.has(property.key.name) && property.value.type === "Identifier" && unused(property, declarator, root, j),
    }));
    const statement = declaration.node;
    edits.push(
      ...planUnusedDestructuring({
        statement: { start: statement.start, end: statement.end },
        lines: wholeLines(text, statement),
        alone: declaration.node.declarations.length === 1,
        properties,
      }),
    );
  });
  return edits;
}

/** No reference to the property's binding anywhere in its scope. */
function unused(property: any, declarator: NodePath, root: any, j: any): boolean {
  const binding = property.value;
  const scope = declarator.scope?.lookup(binding.name) ?? null;
  let used = false;
  root.find(j.Identifier, { name: binding.name }).forEach((path: NodePath) => {
    // The pattern's own key and value (one node twice over in `{ backend }`) are not uses.
    if (used || path.parent?.node === property) return;
    const owner = path.parent!.node;
    if ((owner.type === "MemberExpression" || owner.type === "OptionalMemberExpression") && owner.property === path.node && !owner.computed) return;
    if (owner.type === "ObjectProperty" && owner.key === path.node && !owner.computed && !owner.shorthand) return;
    if (path.scope?.lookup(binding.name) === scope) used = true;
  });
  return !used;
}
