// The repository's own lint (`npm run lint`, after `npm run build`): typescript-eslint, a few
// core rules, the house rules on tests, and this package's own plugin (built, from dist/) on
// every source that is not a v0 call on purpose. scripts/check-format.mjs checks the format.
import tsPlugin from "@typescript-eslint/eslint-plugin";
import tsParser from "@typescript-eslint/parser";
import ddclient from "./dist/eslint-plugin/index.js";

const HOOKS = "^(?:before|after)(?:All|Each)$";

export default [
  { ignores: ["dist/", "dist-playground/", "node_modules/", "coverage/", "bench/results/", "test/fixtures/", "examples/"] },
  {
    files: ["**/*.{ts,mts,cts,mjs,cjs,js}"],
    languageOptions: { parser: tsParser, sourceType: "module" },
    plugins: { "@typescript-eslint": tsPlugin, "ddclient-migrate": ddclient },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "no-var": "error",
      "prefer-const": "error",
      ...ddclient.configs.strict.rules,
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // House rules: no skipped or focused tests, and every hook states a timeout fit for CI.
      "no-restricted-properties": [
        "error",
        ...["it", "describe", "test"].flatMap((object) => ["only", "skip", "todo"].map((property) => ({ object, property, message: "Every test runs: no focused, skipped or todo tests." }))),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: `CallExpression[callee.name=/${HOOKS}/][arguments.length<2]`,
          message: "Give the hook a timeout fit for a loaded 2-core CI machine (test/support/timeouts.ts).",
        },
      ],
    },
  },
  // Declarations of the fixtures' React and JSX globals, as loose as @types/react's own.
  { files: ["test/support/*.d.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  // These exercise the v0 API, and hosts' handling of multi-word arguments, on purpose.
  {
    files: ["test/compat/**", "test/simulated-host/**", "test/browser/**"],
    rules: Object.fromEntries(Object.keys(ddclient.configs.strict.rules).map((rule) => [rule, "off"])),
  },
];
