/**
 * The flat configs, generated from each rule's `meta.docs.recommended`: `recommended` at the
 * severity the rule declares, `strict` with every rule an error. ESLint 9 and 10 alike.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { PluginDocs } from "./util/create-rule.js";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], PluginDocs>;

export function buildConfigs(namespace: string, plugin: object, rules: Readonly<Record<string, AnyRule>>): Record<"recommended" | "strict", TSESLint.FlatConfig.Config> {
  const config = (name: string, severity: (rule: AnyRule) => "error" | "warn"): TSESLint.FlatConfig.Config => ({
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin as TSESLint.FlatConfig.Plugin },
    rules: Object.fromEntries(Object.entries(rules).map(([id, rule]) => [`${namespace}/${id}`, severity(rule)])),
  });
  return {
    recommended: config("recommended", (rule) => rule.meta.docs?.recommended ?? "error"),
    strict: config("strict", () => "error"),
  };
}
