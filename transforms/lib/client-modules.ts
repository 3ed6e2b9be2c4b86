/** The client-module data of core/client-modules, keyed by absolute paths of this machine. */
import { existsSync } from "node:fs";
import path from "node:path";
import { moduleKeyOf } from "../../core/client-modules.js";

export { resolveClientModule, type ClientModuleExports, type ClientModules } from "../../core/client-modules.js";

export function moduleKey(filePath: string): string {
  return moduleKeyOf(path.resolve(filePath));
}

/** The script files a module key may stand for, in the order a bundler tries them. */
const SCRIPT_SUFFIXES = [".ts", ".tsx", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs", ".vue", ".svelte"];

/**
 * Does `specifier`, imported from a file in `directory`, name the module `key`? `./tool` names
 * `tool.ts`, or `tool/index.ts` where no `tool.*` file stands beside the folder, as a bundler
 * resolves it.
 */
export function importNamesModule(directory: string, specifier: string, key: string): boolean {
  return importNamesAnyModule(directory, specifier, new Set([key]));
}

/**
 * Does `specifier` name one of the modules `keys`? One key computed per import, looked up in
 * the set: a tree's files are each matched against every wrapper module at once.
 */
export function importNamesAnyModule(directory: string, specifier: string, keys: ReadonlySet<string>): boolean {
  const base = moduleKeyOf(`${directory}/${specifier}`);
  if (keys.has(base)) return true;
  return keys.has(`${base}/index`) && !SCRIPT_SUFFIXES.some((suffix) => existsSync(base + suffix));
}
