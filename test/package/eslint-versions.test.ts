/**
 * The README's ESLint setups, run by real ESLint 8.57, 9 and 10 installed from the registry into
 * CommonJS projects (no `"type"`, as Create React App makes them), with the packed package
 * installed by the README's own install lines and its config files written exactly as the README
 * shows them: the plugin's findings on a file of every extension, and `eslint --fix`'s output.
 * ESLint 8 runs both the flat config and `.eslintrc` (through the package's npm alias); ESLint 10
 * also runs the CommonJS form of the flat config that the README describes.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedProject, packed, run, TIMEOUT, workDir } from "./helpers.js";
import { EXPECTED_FINDINGS, EXPECTED_FIXED, findingsByFile, readCases, readmeFile, readmeInstallArgs, writeCases } from "./lint-projects.js";

interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number; readonly column: number; readonly fatal?: boolean; readonly message: string }[];
}

/** Not in the README, which assumes the project has them; TypeScript for the parser. */
const PROJECT_PACKAGES = ["typescript@5"];

/** The README's `eslint.config.mjs`, as an `eslint.config.cjs` says it in CommonJS. */
const FLAT_CJS =
  'const tsParser = require("@typescript-eslint/parser");\nconst ddclient = require("ddclient-migrate/eslint-plugin");\n\n' +
  'module.exports = [\n  { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tsParser } },\n  ddclient.configs.recommended,\n];\n';

interface Setup {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
}

const FLAT: Setup = { name: "eslint.config.mjs", files: { "eslint.config.mjs": readmeFile("eslint.config.mjs") } };
const FLAT_COMMONJS: Setup = { name: "eslint.config.cjs", files: { "eslint.config.cjs": FLAT_CJS } };
const ESLINTRC: Setup = { name: ".eslintrc.json", files: { ".eslintrc.json": readmeFile(".eslintrc.json") } };

const VERSIONS: readonly { readonly eslint: string; readonly major: string; readonly setups: readonly Setup[] }[] = [
  { eslint: "eslint@8.57", major: "8", setups: [FLAT, ESLINTRC] },
  { eslint: "eslint@9", major: "9", setups: [FLAT] },
  { eslint: "eslint@10", major: "10", setups: [FLAT, FLAT_COMMONJS] },
];

describe("the README's ESLint setups, with real ESLint", () => {
  /** Each version's installed project (shared, not to be changed), installed at once. */
  let projects: string[];

  beforeAll(async () => {
    const { tarball } = await packed();
    projects = await Promise.all(
      VERSIONS.map((version) =>
        installedProject({
          installs: [
            [
              // The flat config's line (the .eslintrc line names the parser too, with the plugin's alias).
              "--save-dev",
              ...readmeInstallArgs("@typescript-eslint/parser ./vendor/", tarball),
              ...(version.setups.includes(ESLINTRC) ? readmeInstallArgs("eslint-plugin-ddclient-migrate@", tarball) : []),
              version.eslint,
              ...PROJECT_PACKAGES,
            ],
          ],
        }),
      ),
    );
  }, TIMEOUT);

  for (const [index, version] of VERSIONS.entries()) {
    describe(version.eslint, () => {
      let project: string;
      let work: string;
      const eslint = (cwd: string, args: readonly string[]) => run(path.join(project, "node_modules", ".bin", "eslint"), args, cwd);

      beforeAll(() => {
        project = projects[index]!;
        work = workDir(project);
        expect(eslint(work, ["--version"]).stdout.trim()).toMatch(new RegExp(`^v${version.major}\\.`));
      }, TIMEOUT);

      afterAll(() => {
        if (work) rmSync(work, { recursive: true, force: true });
      }, TIMEOUT);

      for (const setup of version.setups) {
        it(`lints a file of every extension with ${setup.name} and fixes them with --fix`, () => {
          // Each setup in its own directory, so that ESLint 8 finds only its config.
          const dir = path.join(work, setup.name.replace(/^\./, ""));
          mkdirSync(dir);
          for (const [file, text] of Object.entries(setup.files)) writeFileSync(path.join(dir, file), text);
          writeCases(dir);

          const lint = eslint(dir, ["--format", "json", "src"]);
          expect(lint.stderr.replace(/^.*ESLintRCWarning.*\n?/gm, "")).toBe("");
          const results = JSON.parse(lint.stdout) as EslintResult[];
          const messages = results.flatMap((result) => result.messages.map((message) => ({ ...message, file: path.relative(dir, result.filePath) })));
          expect(messages.filter((message) => message.fatal).map((message) => `${message.file}: ${message.message}`)).toEqual([]);
          expect(findingsByFile(messages.map((m) => ({ file: m.file, line: m.line, column: m.column, rule: m.ruleId ?? "" })))).toEqual(EXPECTED_FINDINGS);
          // There are errors left for a person (the pipe), so ESLint exits 1 both times.
          expect(lint.status).toBe(1);

          expect(eslint(dir, ["--fix", "src"]).status).toBe(1);
          expect(readCases(dir)).toEqual(EXPECTED_FIXED);
        }, TIMEOUT);
      }
    });
  }
});
