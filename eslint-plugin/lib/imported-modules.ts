/**
 * The project modules a linted file imports, read from disk and parsed with the linted file's
 * own parser (ESLint's `languageOptions.parser`; `check` hands over the codemod's), so that
 * the lint rule knows what the CLI's pre-pass knows: `import { offline as ddClient } from
 * "./client"` is no client when ./client exports a plain object, and `import { client } from
 * "./client"` is the client when it exports `createDockerDesktopClient()`. A module that
 * cannot be found, read or parsed stays unread: its imports are unknown. Re-exports are
 * followed a few modules deep (`export { ddClient } from "./client"` in an index file).
 */
import { readFileSync } from "node:fs";
import { moduleKeyOf, type ClientModuleExports, type ClientModules } from "../../core/client-modules.js";
import type { Node, TSESTree } from "../../engine/ast.js";
import { createEngineFile } from "../../engine/file.js";
import { moduleExportsOf } from "../../engine/module-exports.js";
import type { VisitorKeys } from "../../engine/walk.js";

/** Parses a module's text as the linted file was parsed; null when it does not parse. */
export type ModuleParser = (text: string, file: string) => { readonly ast: TSESTree.Program; readonly visitorKeys: VisitorKeys } | null;

/**
 * A module that imports nothing of the project says the same of its exports while its text is
 * the same: read once per ESLint process rather than once per file importing it.
 */
const leaves = new Map<string, { readonly text: string; readonly exports: ClientModuleExports | null }>();

const CANDIDATES = ["", ".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs", ".cts", ".cjs", "/index.ts", "/index.tsx", "/index.js", "/index.jsx"];
const MAX_DEPTH = 4;

export function readImportedModules(program: TSESTree.Program, filename: string, parse: ModuleParser, known: ClientModules): ClientModules {
  const modules: Record<string, ClientModuleExports> = { ...known };
  const visiting = new Set<string>();
  const visit = (from: string, specifier: string, depth: number): void => {
    const found = readModule(from, specifier);
    if (!found || depth > MAX_DEPTH) return;
    const key = moduleKeyOf(found.file);
    if (modules[key] || visiting.has(key)) return;
    visiting.add(key);
    const leaf = leaves.get(found.file);
    if (leaf?.text === found.text) {
      if (leaf.exports) modules[key] = leaf.exports;
      return;
    }
    const parsed = parse(found.text, found.file);
    if (!parsed) return;
    const file = createEngineFile(parsed.ast, found.text, parsed.visitorKeys, { filename: found.file, clientModules: modules });
    // What it imports and re-exports is read first, so that its own exports can say what they are.
    const sources = relativeSources(file.program);
    for (const next of sources) visit(found.file, next, depth + 1);
    const exports = moduleExportsOf(file);
    const recorded = exports.names.length || exports.hooks.length || exports.others?.length ? exports : null;
    if (recorded) modules[key] = recorded;
    if (sources.length === 0 && !Object.values(known).some((module) => module.all)) leaves.set(found.file, { text: found.text, exports: recorded });
  };
  for (const specifier of relativeSources(program)) visit(filename, specifier, 0);
  return modules;
}

/** `from "./client"` of imports and re-exports. */
function relativeSources(program: TSESTree.Program): string[] {
  const sources: string[] = [];
  for (const statement of program.body as Node[]) {
    const source = statement.type === "ImportDeclaration" || statement.type === "ExportAllDeclaration" || statement.type === "ExportNamedDeclaration" ? statement.source : null;
    if (source && typeof source.value === "string" && source.value.startsWith(".")) sources.push(source.value);
  }
  return sources;
}

/** The file an import names, as a bundler resolves it, and its text. */
function readModule(from: string, specifier: string): { file: string; text: string } | null {
  const directory = from.replace(/\\/g, "/").replace(/\/[^/]*$/, "");
  const base = moduleKeyOf(`${directory}/${specifier}`);
  for (const suffix of CANDIDATES) {
    try {
      return { file: base + suffix, text: readFileSync(base + suffix, "utf8") };
    } catch {
      // Not this one (absent, a directory, unreadable): the next candidate.
    }
  }
  return null;
}
