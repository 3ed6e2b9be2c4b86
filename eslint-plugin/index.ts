/**
 * The ESLint plugin: `import ddclient from "ddclient-migrate/eslint-plugin"` and spread
 * `ddclient.configs.recommended` (or `strict`) into `eslint.config.js`.
 */
import { buildConfigs, type FlatConfig } from "./configs.js";
import execArgsArray from "./rules/exec-args-array.js";
import noDeprecatedApi from "./rules/no-deprecated-api.js";
import noShellOperators from "./rules/no-shell-operators.js";
import { PACKAGE } from "./util/package.js";

export const rules = {
  "no-deprecated-api": noDeprecatedApi,
  "no-shell-operators": noShellOperators,
  "exec-args-array": execArgsArray,
};

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version },
  rules,
  configs: {} as Record<"recommended" | "strict", FlatConfig>,
};
plugin.configs = buildConfigs(PACKAGE.name, plugin, rules);

export const configs = plugin.configs;
export default plugin;
