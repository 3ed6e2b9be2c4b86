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
  const base = moduleKeyOf(`${directory}/${specifier}`);
  if (key === base) return true;
  return key === `${base}/index` && !SCRIPT_SUFFIXES.some((suffix) => existsSync(base + suffix));
}
