/** The client-module data of core/client-modules, keyed by absolute paths of this machine. */
import path from "node:path";
import { moduleKeyOf } from "../../core/client-modules.js";

export { resolveClientModule, type ClientModuleExports, type ClientModules } from "../../core/client-modules.js";

export function moduleKey(filePath: string): string {
  return moduleKeyOf(path.resolve(filePath));
}
