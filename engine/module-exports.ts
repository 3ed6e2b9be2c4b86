/**
 * What a module's exports are, read from its tree: the client, hooks returning it, or
 * something else. The CLI's pre-pass over a project and the lint rule's reading of an imported
 * module share it, so that both tell "read, not the client" from "never read".
 *
 * Before (src/lib/client.ts): export const client = createDockerDesktopClient();
 *                             export function useClient() { return client; }
 *                             export const offline = { execHostCmd: async () => ({}) };
 *                             export const useOffline = () => offline;
 * Found:                      { names: ["client"], hooks: ["useClient"], others: ["useClient", "offline", "useOffline"], otherHooks: ["useOffline"] }
 *
 * Re-exports (`export { ddClient } from "./client"`, `export * from "./client"`) take what the
 * file's known client modules say of the module they name.
 */
import { importedKind, resolveClientModule, type ClientModuleExports } from "../core/client-modules.js";
import { isFunctionNode, unwrapExpression, type Node } from "./ast.js";
import { classifyClient, returnKind } from "./clients.js";
import type { EngineFile } from "./file.js";

export function moduleExportsOf(file: EngineFile): ClientModuleExports {
  const names: string[] = [];
  const hooks: string[] = [];
  const others: string[] = [];
  const otherHooks: string[] = [];
  const consider = (name: string, node: Node | null | undefined): void => {
    const value = node && functionHeldBy(node, file);
    if (!value) return;
    if (isFunctionNode(value) || value.type === "ClassDeclaration" || value.type === "ClassExpression" || value.type === "TSEnumDeclaration") {
      // A function or class is never the client itself; a function may hand it out.
      others.push(name);
      const returned = isFunctionNode(value) ? returnKind(value, file) : "unknown";
      if (returned === "client") hooks.push(name);
      else if (returned === "not-client") otherHooks.push(name);
      return;
    }
    const kind = classifyClient(value, file);
    if (kind === "client") names.push(name);
    else if (kind === "not-client") others.push(name);
  };
  const reexport = (name: string, source: string, imported: string): void => {
    const module = resolveClientModule(source, file.filename, file.clientModules);
    const kind = importedKind(module, imported);
    if (kind === "client") names.push(name);
    else if (kind === "not-client") others.push(name);
    if (module && (module.all || module.hooks.includes(imported))) hooks.push(name);
    else if (module?.otherHooks?.includes(imported)) otherHooks.push(name);
  };
  for (const statement of file.program.body) {
    if (statement.type === "ExportDefaultDeclaration") {
      consider("default", statement.declaration as Node);
    } else if (statement.type === "ExportAllDeclaration") {
      const source = String(statement.source.value);
      const module = resolveClientModule(source, file.filename, file.clientModules);
      // Before: export * as api from "./client"  — a namespace object.
      if (statement.exported) reexport(nameOf(statement.exported), source, "*");
      else if (module && !module.all) {
        names.push(...module.names.filter((n) => n !== "default"));
        hooks.push(...module.hooks.filter((n) => n !== "default"));
        others.push(...(module.others ?? []).filter((n) => n !== "default"));
        otherHooks.push(...(module.otherHooks ?? []).filter((n) => n !== "default"));
      }
    } else if (statement.type === "ExportNamedDeclaration" && statement.exportKind !== "type") {
      const declaration = statement.declaration;
      if (statement.source) {
        for (const spec of statement.specifiers) if (spec.type === "ExportSpecifier" && spec.exportKind !== "type") reexport(nameOf(spec.exported), String(statement.source.value), nameOf(spec.local));
      } else if (!declaration) {
        for (const spec of statement.specifiers) if (spec.type === "ExportSpecifier" && spec.exportKind !== "type") consider(nameOf(spec.exported), spec.local);
      } else if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration" || declaration.type === "TSEnumDeclaration") && declaration.id) {
        consider(declaration.id.name, declaration);
      } else if (declaration.type === "VariableDeclaration") {
        for (const d of declaration.declarations) {
          // `export let client = …` that the module reassigns holds what it was given last.
          if (d.id.type === "Identifier" && d.init && (declaration.kind === "const" || !file.isReassigned(d.id))) consider(d.id.name, d.init);
        }
      }
    }
  }
  return { names, hooks, others, otherHooks };
}

function nameOf(node: Node): string {
  return node.type === "Identifier" ? node.name : node.type === "Literal" ? String(node.value) : "";
}

/** The function a name stands for (`export default useClient`, `export { useClient }`), or the node itself. */
function functionHeldBy(node: Node, file: EngineFile): Node {
  const inner = unwrapExpression(node);
  if (inner.type !== "Identifier") return node;
  const binding = file.resolve(inner, inner.name);
  if (binding.kind === "function") return binding.fn;
  if (binding.kind === "variable" && binding.constant && binding.init && isFunctionNode(binding.init)) return binding.init;
  if (binding.kind === "other" && (binding.id.parent?.type === "ClassDeclaration" || binding.id.parent?.type === "TSEnumDeclaration")) return binding.id.parent;
  return node;
}
