/**
 * The configs, generated from each rule's `meta.docs.recommended`: `recommended` at the severity
 * the rule declares, `strict` with every rule an error. Each comes in two forms:
 *
 * - flat (`recommended`, `strict`), for `eslint.config.*` on ESLint 8.57, 9 and 10 and for
 *   oxlint's `jsPlugins`;
 * - eslintrc (`recommended-legacy`, `strict-legacy`), for ESLint 8 with `.eslintrc`, which finds
 *   the plugin by package name: `plugins: ["ddclient-migrate"]` loads `eslint-plugin-ddclient-migrate`,
 *   the name the README's install line gives this package (an npm alias), whose main entry
 *   re-exports the plugin (cli/index).
 *
 * Both carry the files the CLI scans as scripts. Vue, Svelte and HTML files are not in them: the
 * rules see only the ESTree a parser gives, and the CLI and `check` read those files themselves.
 */
import type { RuleModule } from "./util/create-rule.js";

/** The CLI's default extensions less its markup ones (a test keeps the two lists together). */
export const LINTED_EXTENSIONS = ["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"] as const;

type Severity = "error" | "warn";
type Rules = Readonly<Record<string, Severity>>;

export interface FlatConfig {
  readonly name: string;
  readonly files: readonly string[];
  readonly plugins: Readonly<Record<string, object>>;
  /** JSX in `.js` files too: Create React App writes it there, and espree reads it only when asked. */
  readonly languageOptions: { readonly parserOptions: { readonly ecmaFeatures: { readonly jsx: true } } };
  readonly rules: Rules;
}

export interface LegacyConfig {
  readonly plugins: readonly string[];
  readonly parserOptions: { readonly ecmaVersion: "latest"; readonly sourceType: "module"; readonly ecmaFeatures: { readonly jsx: true } };
  /** An `overrides` entry's `files` also adds those files to what `eslint src/` lints on ESLint 8, without `--ext`. */
  readonly overrides: readonly [{ readonly files: readonly string[]; readonly rules: Rules }];
}

export type ConfigName = "recommended" | "strict";
export type Configs = Record<ConfigName, FlatConfig> & Record<`${ConfigName}-legacy`, LegacyConfig>;

const JSX = { ecmaFeatures: { jsx: true } } as const;

export function buildConfigs(namespace: string, plugin: object, rules: Readonly<Record<string, RuleModule<string>>>): Configs {
  const rulesAt = (severity: (rule: RuleModule<string>) => Severity): Rules =>
    Object.fromEntries(Object.entries(rules).map(([id, rule]) => [`${namespace}/${id}`, severity(rule)]));
  const flat = (name: ConfigName, levels: Rules): FlatConfig => ({
    name: `${namespace}/${name}`,
    files: [`**/*.{${LINTED_EXTENSIONS.join(",")}}`],
    plugins: { [namespace]: plugin },
    languageOptions: { parserOptions: JSX },
    rules: levels,
  });
  const legacy = (levels: Rules): LegacyConfig => ({
    plugins: [namespace],
    parserOptions: { ecmaVersion: "latest", sourceType: "module", ...JSX },
    overrides: [{ files: LINTED_EXTENSIONS.map((extension) => `*.${extension}`), rules: levels }],
  });
  const recommended = rulesAt((rule) => rule.meta.docs.recommended);
  const strict = rulesAt(() => "error");
  return {
    recommended: flat("recommended", recommended),
    strict: flat("strict", strict),
    "recommended-legacy": legacy(recommended),
    "strict-legacy": legacy(strict),
  };
}
