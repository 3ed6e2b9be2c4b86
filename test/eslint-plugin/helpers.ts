/** A real ESLint `Linter` with the plugin, configured per file extension as users would. */
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../../eslint-plugin/index.js";

export function linterConfig(rules: Linter.RulesRecord): Linter.Config[] {
  return [
    {
      files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } }, sourceType: "module" },
      plugins: { "ddclient-migrate": plugin as never },
      rules,
    },
    { files: ["**/*.cjs", "**/*.cts"], languageOptions: { sourceType: "commonjs" } },
  ];
}

export function lint(source: string, filename: string, rules: Linter.RulesRecord): Linter.LintMessage[] {
  return new Linter().verify(source, linterConfig(rules), { filename });
}

/** `eslint --fix`: fixes applied pass after pass until stable. */
export function lintAndFix(source: string, filename: string, rules: Linter.RulesRecord): Linter.FixReport {
  return new Linter().verifyAndFix(source, linterConfig(rules), { filename });
}
