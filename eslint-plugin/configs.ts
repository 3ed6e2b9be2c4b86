/**
 * The flat configs, generated from each rule's `meta.docs.recommended`: `recommended` at the
 * severity the rule declares, `strict` with every rule an error. ESLint 9 and 10 alike.
 */
import type { RuleModule } from "./util/create-rule.js";

export interface FlatConfig {
  readonly name: string;
  readonly plugins: Readonly<Record<string, object>>;
  readonly rules: Readonly<Record<string, "error" | "warn">>;
}

export function buildConfigs(namespace: string, plugin: object, rules: Readonly<Record<string, RuleModule<string>>>): Record<"recommended" | "strict", FlatConfig> {
  const config = (name: string, severity: (rule: RuleModule<string>) => "error" | "warn"): FlatConfig => ({
    name: `${namespace}/${name}`,
    plugins: { [namespace]: plugin },
    rules: Object.fromEntries(Object.entries(rules).map(([id, rule]) => [`${namespace}/${id}`, severity(rule)])),
  });
  return {
    recommended: config("recommended", (rule) => rule.meta.docs.recommended),
    strict: config("strict", () => "error"),
  };
}
