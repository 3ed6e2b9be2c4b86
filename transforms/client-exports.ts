/**
 * The pre-pass over a project: which of a module's exports are the client, or hooks returning
 * it, so that `import { ddClient } from "../lib/client"` is recognised in the other files.
 *
 * Before (src/lib/client.ts): export const client = createDockerDesktopClient();
 *                             export function useClient() { return client; }
 * Found:                      { names: ["client"], hooks: ["useClient"] }
 */
import path from "node:path";
import { classifyClient, returnsClient } from "../engine/clients.js";
import { isFunctionNode, type Node } from "../engine/ast.js";
import type { ClientModuleExports, ClientModules } from "./lib/client-modules.js";
import { moduleKey } from "./lib/client-modules.js";
import { markupKindOf } from "./embedded.js";
import { scanMarkup } from "./lib/embedded-scan.js";
import { parseEngineFile } from "./parse.js";

/**
 * Can the text export the client? Only when a binding that may hold it (`ddClient`, or a name
 * bound to `createDockerDesktopClient()`) is exported or used as a value rather than to reach a
 * member (`= window.ddClient;`, `return client`, `export { client }`), or an exported hook
 * returns `useDockerDesktopClient()`. A component that only calls `client.execHostCmd(…)` is
 * not parsed by the pre-pass: the migration parses it once.
 */
const IMPORT_STATEMENT = /^\s*import\b[^;]*?\bfrom\s*["'][^"']*["'];?/gm;
const BOUND_TO_FACTORY = /\b(?:const|let|var)\s+([\p{ID_Start}$_][\p{ID_Continue}$]*)\s*(?::[^=;]*)?=\s*(?:\(\s*)?createDockerDesktopClient\s*\(/gu;
const EXPORTS_FACTORY = /\bexport\s+default\s+(?:\(\s*)?createDockerDesktopClient\b/;
const RETURNS_HOOK = /(?:\breturn|=>)\s*use(?:DockerDesktop|DD|Dd)Client\s*\(/;

export function mayExportClient(source: string): boolean {
  if (!/\bexport\b/.test(source)) return false;
  if (EXPORTS_FACTORY.test(source) || RETURNS_HOOK.test(source)) return true;
  const code = source.replace(IMPORT_STATEMENT, "");
  const names = new Set(["ddClient", ...[...code.matchAll(BOUND_TO_FACTORY)].map((match) => match[1]!)]);
  for (const name of names) {
    if (new RegExp(`\\bexport\\s+(?:const|let|var)\\s+${name}\\b`).test(code)) return true;
    // A value: not a member access, a call, a declaration (`name =`, `name: Type`) or a destructuring source (`} = name`).
    const asValue = new RegExp(`(?<!\\}\\s*=\\s*(?:(?:window|globalThis|self)\\s*\\.\\s*)?)(?<![\\p{ID_Continue}$])${name}(?![\\p{ID_Continue}$])(?!\\s*(?:\\?\\.|!?\\s*\\.|\\[|\\(|:|=(?![=>])))`, "u");
    if (asValue.test(code)) return true;
  }
  return false;
}

/** The client exports of one module; null when it has none (or does not parse: the migration reports that). */
export function scanClientExports(source: string, filePath: string, known?: ClientModules, skipTextCheck = false): ClientModuleExports | null {
  if (!skipTextCheck && !mayExportClient(source)) return null;
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
  const text = source.replace(/^\uFEFF/, "");
  let file;
  try {
    file = parseEngineFile(text, filePath, known ? { clientModules: known } : {});
  } catch {
    return null;
  }
  const names: string[] = [];
  const hooks: string[] = [];
  const consider = (name: string, value: Node | null | undefined): void => {
    if (!value) return;
    if (isFunctionNode(value)) {
      if (returnsClient(value, file)) hooks.push(name);
    } else if (classifyClient(value, file) === "client") {
      names.push(name);
    }
  };
  for (const statement of file.program.body) {
    if (statement.type === "ExportDefaultDeclaration") {
      consider("default", statement.declaration as Node);
    } else if (statement.type === "ExportNamedDeclaration" && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === "FunctionDeclaration" && declaration.id) consider(declaration.id.name, declaration);
      if (declaration.type === "VariableDeclaration") {
        for (const d of declaration.declarations) if (d.id.type === "Identifier" && d.init) consider(d.id.name, d.init);
      }
    }
  }
  return names.length || hooks.length ? { names, hooks } : null;
}

/**
 * The client modules of a project. A module that re-exports another's client is found in a
 * further round, among the files that mention a found module's file name (`from "./client"`).
 */
export function scanProjectClientModules(files: Iterable<{ path: string; source: string }>, named: ClientModules = {}): ClientModules {
  const modules: Record<string, ClientModuleExports> = { ...named };
  let pending = [...files];
  let round = pending.filter((file) => mayExportClient(file.source));
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
