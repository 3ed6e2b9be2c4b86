/**
 * The pre-pass over a project: which of a module's exports are the client, or hooks returning
 * it, so that `import { ddClient } from "../lib/client"` is recognised in the other files.
 *
 * Before (src/lib/client.ts): export const client = createDockerDesktopClient();
 *                             export function useClient() { return client; }
 * Found:                      { names: ["client"], hooks: ["useClient"] }
 */
import path from "node:path";
import jscodeshift from "jscodeshift";
import type { ClientModuleExports, ClientModules } from "./lib/client-modules.js";
import { moduleKey } from "./lib/client-modules.js";
import { markupKindOf } from "./embedded.js";
import { ClientRecognizer } from "./lib/clients.js";
import { scanMarkup } from "./lib/embedded-scan.js";
import { parseSource } from "./lib/parse.js";
import { isFunctionNode, walkFile, type NodePath } from "./lib/scope.js";

export const MAY_EXPORT_CLIENT = /\b(?:createDockerDesktopClient|ddClient)\b/;

/** The client exports of one module; null when it has none (or does not parse: the migration reports that). */
export function scanClientExports(source: string, filePath: string, known?: ClientModules, skipTextCheck = false): ClientModuleExports | null {
  if (!skipTextCheck && !MAY_EXPORT_CLIENT.test(source)) return null;
  // A Vue or Svelte component exports what its script blocks export (`<script context="module">`).
  const markup = markupKindOf(filePath);
  if (markup) {
    const found = scanMarkup(source, markup).flatMap((region) =>
      region.kind === "script" ? [scanClientExports(source.slice(region.start, region.end), `${filePath}.${region.lang}`, known, true)] : [],
    );
    const names = found.flatMap((f) => f?.names ?? []);
    const hooks = found.flatMap((f) => f?.hooks ?? []);
    return names.length || hooks.length ? { names, hooks } : null;
  }
  let root: any;
  try {
    root = parseSource(source.replace(/^\uFEFF/, ""), filePath).root;
  } catch {
    return null;
  }
  const { reassignments } = walkFile(root.paths()[0], jscodeshift, source);
  const recognizer = new ClientRecognizer(reassignments, { filePath, ...(known ? { clientModules: known } : {}) });
  const names: string[] = [];
  const hooks: string[] = [];
  const consider = (name: string, value: NodePath | null): void => {
    if (!value) return;
    if (isFunctionNode(value.node)) {
      if (recognizer.returnsClient(value)) hooks.push(name);
    } else if (recognizer.classify(value) === "client") {
      names.push(name);
    }
  };
  const program = root.paths()[0].get("program");
  (program.node.body as any[]).forEach((statement, i) => {
    const path: NodePath = program.get("body", i);
    if (statement.type === "ExportDefaultDeclaration") {
      consider("default", path.get("declaration"));
    } else if (statement.type === "ExportNamedDeclaration" && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === "FunctionDeclaration" && declaration.id) consider(declaration.id.name, path.get("declaration"));
      if (declaration.type === "VariableDeclaration") {
        declaration.declarations.forEach((d: any, k: number) => {
          if (d.id.type === "Identifier" && d.init) consider(d.id.name, path.get("declaration", "declarations", k, "init"));
        });
      }
    }
  });
  return names.length || hooks.length ? { names, hooks } : null;
}

/**
 * The client modules of a project. A module that re-exports another's client is found in a
 * further round, among the files that mention a found module's file name (`from "./client"`).
 */
export function scanProjectClientModules(files: Iterable<{ path: string; source: string }>, named: ClientModules = {}): ClientModules {
  const modules: Record<string, ClientModuleExports> = { ...named };
  let pending = [...files];
  let round = pending.filter((file) => MAY_EXPORT_CLIENT.test(file.source));
  for (let depth = 0; depth < 4 && round.length > 0; depth++) {
    const found: string[] = [];
    for (const file of round) {
      const key = moduleKey(file.path);
      if (modules[key]) continue;
      const exports = scanClientExports(file.source, file.path, modules, true);
      if (exports) {
        modules[key] = exports;
        found.push(path.basename(key));
      }
    }
    pending = pending.filter((file) => !modules[moduleKey(file.path)]);
    round = pending.filter((file) => found.some((name) => file.source.includes(name)));
  }
  return modules;
}
