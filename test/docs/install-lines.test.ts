/**
 * The docs' install lines and CI job work where a user runs them: on a CI runner (`npm ci` from
 * the repository alone, the version pinned), from a project anywhere on disk (absolute paths),
 * and with every package the shown config loads.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import { PACKAGE } from "../../eslint-plugin/util/package.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DOCS = ["README.md", "docs/check.md", "docs/compat.md", "docs/cli.md", "docs/README.md"];

/** The lines of every fenced block of `lang` in the shipped docs, with the file each came from. */
function blockLines(lang: string): { file: string; line: string }[] {
  return DOCS.flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].flatMap((match) => match[1]!.split("\n").map((line) => ({ file, line })));
  });
}

const installs = (): { file: string; line: string }[] => blockLines("sh").filter(({ line }) => /^\s*npm (install|i) /.test(line));

describe("install lines", () => {
  it("keep a tarball inside the project, where `npm ci` on a runner finds it", () => {
    const tarballs = installs().filter(({ line }) => line.includes(".tgz"));
    expect(tarballs.length).toBeGreaterThan(2);
    for (const { file, line } of tarballs) {
      const paths = [...line.replace(/\s#.*$/, "").matchAll(/(?:file:)?(\S*\.tgz)/g)].map((m) => m[1]!.replace(/^[\w@/-]+@file:/, ""));
      for (const tarball of paths) expect(tarball, `${file}: ${line}`).toMatch(/^(\.\/)?vendor\//);
    }
  });

  it("run a tarball from anywhere by its absolute path", () => {
    const runs = blockLines("sh").filter(({ line }) => line.includes("--package="));
    expect(runs.length).toBeGreaterThan(0);
    for (const { file, line } of runs) expect(/--package=(\S+)/.exec(line)![1], `${file}: ${line}`).toMatch(/^\//);
  });

  it("name the ESLint they need wherever they bring a parser, and the parser wherever the config uses it", () => {
    const withParser = installs().filter(({ line }) => line.includes("@typescript-eslint/parser"));
    expect(withParser.length).toBeGreaterThan(1);
    // Without it npm installs the parser's newest peer, ESLint 10, into a project that has none.
    for (const { file, line } of withParser) expect(line, file).toMatch(/ eslint@\d/);
    const legacy = installs().filter(({ line }) => line.includes("eslint-plugin-ddclient-migrate@"));
    expect(legacy.length).toBeGreaterThan(0);
    for (const { file, line } of legacy) expect(line, file).toMatch(/ eslint@8 .*@typescript-eslint\/parser/);
  });
});

describe("the GitHub Actions job of docs/check.md", () => {
  const yaml = blockLines("yaml").filter(({ file }) => file === "docs/check.md" || file === "README.md");

  it("installs the lockfile before it runs the check, and runs the installed bin, never a download", () => {
    for (const file of ["docs/check.md", "README.md"]) {
      const steps = yaml.filter((entry) => entry.file === file).map((entry) => entry.line);
      const ci = steps.findIndex((line) => /- run: npm ci\b/.test(line));
      const check = steps.findIndex((line) => /- run: npx .*ddclient-migrate check/.test(line));
      expect(ci, file).toBeGreaterThanOrEqual(0);
      expect(check, file).toBeGreaterThan(ci);
      for (const line of steps.filter((l) => /npx .*ddclient-migrate/.test(l))) expect(line, file).toMatch(/npx --no -- ddclient-migrate /);
    }
  });

  it("pins this version in the project's package.json", () => {
    const text = readFileSync(path.join(ROOT, "docs/check.md"), "utf8");
    expect(text).toContain(`npm install --save-dev --save-exact ${PACKAGE.name}@${PACKAGE.version}`);
    expect(text).toContain(`./vendor/${PACKAGE.name}-${PACKAGE.version}.tgz`);
  });
});

describe("the README's config for the rules alone, in a project whose comments name other plugins' rules", () => {
  const SOURCE = "// eslint-disable-next-line react-hooks/exhaustive-deps\nwindow.ddClient.toastError('x');\n";
  const reactHooks = { rules: { "exhaustive-deps": { meta: { schema: [] }, create: () => ({}) } } };

  async function lint(config: unknown[]): Promise<string[]> {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config as never });
    const [result] = await eslint.lintText(SOURCE, { filePath: path.join(ROOT, "src/app.js") });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }

  it("fails on the comment alone, and lints with the plugin registered and none of its rules on", async () => {
    expect(await lint([plugin.configs.recommended])).toContain("react-hooks/exhaustive-deps: Definition for rule 'react-hooks/exhaustive-deps' was not found.");
    const withPlugin = await lint([{ plugins: { "react-hooks": reactHooks }, linterOptions: { reportUnusedDisableDirectives: "off" } }, plugin.configs.recommended]);
    expect(withPlugin.map((message) => message.split(":")[0])).toEqual(["ddclient-migrate/no-deprecated-api"]);
  });

  it("is what the README shows", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain('{ plugins: { "react-hooks": reactHooks }, linterOptions: { reportUnusedDisableDirectives: "off" } },');
  });
});
