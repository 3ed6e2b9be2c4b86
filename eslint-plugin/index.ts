/**
 * The ESLint plugin: `import ddclient from "ddclient-migrate/eslint-plugin"` and add
 * `ddclient.configs.recommended` (or `strict`) to `eslint.config.mjs`; with `.eslintrc`,
 * `extends: ["plugin:ddclient-migrate/recommended-legacy"]` (configs.ts says how it is found).
 */
import { buildConfigs, type Configs } from "./configs.js";
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
  configs: {} as Configs,
};
plugin.configs = buildConfigs(PACKAGE.name, plugin, rules);

export const configs = plugin.configs;
export default plugin;
