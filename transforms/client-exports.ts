/**
 * The pre-pass over a project: which of a module's exports are the client, or hooks returning
 * it, so that `import { ddClient } from "../lib/client"` is recognised in the other files; and
 * which of the modules the migrated files import were read and export something else, so that
 * `import { offline as ddClient } from "./client"` is known not to be the client.
 *
 * Before (src/lib/client.ts): export const client = createDockerDesktopClient();
 *                             export function useClient() { return client; }
 * Found:                      { names: ["client"], hooks: ["useClient"], others: ["useClient"] }
 */
import path from "node:path";
import { moduleExportsOf } from "../engine/module-exports.js";
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
    const others = found.flatMap((f) => f?.others ?? []);
    const otherHooks = found.flatMap((f) => f?.otherHooks ?? []);
    return nonEmpty({ names, hooks, others, otherHooks });
  }
  const text = source.replace(/^\uFEFF/, "");
  let file;
  try {
    file = parseEngineFile(text, filePath, known ? { clientModules: known } : {});
  } catch {
    return null;
  }
  return nonEmpty(moduleExportsOf(file));
}

function nonEmpty(exports: ClientModuleExports): ClientModuleExports | null {
  return exports.names.length || exports.hooks.length || exports.others?.length ? exports : null;
}

function handsOutClient(exports: ClientModuleExports | null | undefined): boolean {
  return !!exports && (exports.all === true || exports.names.length > 0 || exports.hooks.length > 0);
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
      if (exports) modules[key] = exports;
      if (handsOutClient(exports)) found.push(path.basename(key));
    }
    pending = pending.filter((file) => !modules[moduleKey(file.path)]);
    round = pending.filter((file) => found.some((name) => file.source.includes(name)));
  }
  return modules;
}

const IMPORT_SOURCE = /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["'](\.{1,2}\/[^"']*)["']/g;

/** The relative modules a text imports or re-exports from (`from "./client"`). */
export function relativeImportsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_SOURCE)].map((match) => match[1]!);
}

/**
 * Reads the project modules that `importers` import (`imports`: their relative specifiers) and
 * those these re-export from, so that an import of one that exports something else is known
 * not to be the client. `files` maps a module key to its file; `read` gives its text,
 * undefined when it cannot be read.
 *
 * Before (src/App.ts): import { offline as ddClient } from "./client";  ddClient.execHostCmd(…)
 * Found (src/client.ts): { names: [], hooks: [], others: ["offline"] }: the call is no v0 call.
 */
export function readImportedModules(importers: Iterable<{ path: string; imports: readonly string[] }>, files: ReadonlyMap<string, string>, read: (file: string) => string | undefined, modules: Record<string, ClientModuleExports>): void {
  const visiting = new Set<string>();
  const visit = (file: string, depth: number): void => {
    const key = moduleKey(file);
    if (modules[key] || visiting.has(key) || depth > 4) return;
    visiting.add(key);
    const source = read(file);
    if (source === undefined) return;
    for (const target of resolveAll(file, relativeImportsOf(source), files)) visit(target, depth + 1);
    const exports = scanClientExports(source, file, modules, true);
    if (exports) modules[key] = exports;
  };
  for (const importer of importers) for (const target of resolveAll(importer.path, importer.imports, files)) visit(target, 0);
}

function resolveAll(from: string, specifiers: readonly string[], files: ReadonlyMap<string, string>): string[] {
  return specifiers.flatMap((specifier) => {
    const base = moduleKey(path.join(path.dirname(from), specifier));
    const file = files.get(base) ?? files.get(`${base}/index`);
    return file ? [file] : [];
  });
}
