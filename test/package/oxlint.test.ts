/**
 * oxlint runs the plugin through its JS plugins with the README's `.oxlintrc.json`, written as
 * the README shows it, in a CommonJS project with the packed package and oxlint installed by the
 * README's install line: the same findings and the same `--fix` output as ESLint on a file of
 * every extension (lint-projects.ts holds both), and the same rules at the same severities as
 * the `recommended` config.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import { installedProject, packed, run, TIMEOUT, workDir } from "./helpers.js";
import { EXPECTED_FINDINGS, EXPECTED_FIXED, findingsByFile, readCases, readmeFile, readmeInstallArgs, readmeJson, writeCases } from "./lint-projects.js";

interface OxlintReport {
  readonly diagnostics: readonly {
    readonly code: string;
    readonly message: string;
    readonly filename: string;
    readonly labels: readonly { readonly span: { readonly line: number; readonly column: number } }[];
  }[];
}

describe("the README's oxlint setup", () => {
  /** The installed project (shared, not to be changed), and this file's directory inside it, where oxlint runs. */
  let project: string;
  let work: string;
  const oxlint = (args: readonly string[]) => run(path.join(project, "node_modules", ".bin", "oxlint"), args, work);

  beforeAll(async () => {
    const { tarball } = await packed();
    project = await installedProject({ installs: [["--save-dev", ...readmeInstallArgs("oxlint", tarball)]] });
    work = workDir(project);
    writeFileSync(path.join(work, ".oxlintrc.json"), readmeFile(".oxlintrc.json"));
  }, TIMEOUT);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, TIMEOUT);

  it("turns on the recommended config's rules at its severities", () => {
    const { rules } = readmeJson<{ rules: Record<string, string> }>(".oxlintrc.json");
    expect(rules).toEqual(plugin.configs.recommended.rules);
  });

  it("finds on a file of every extension what ESLint finds, and --fix writes what ESLint's --fix writes", () => {
    writeCases(work);
    const lint = oxlint(["--format", "json", "src"]);
    const report = JSON.parse(lint.stdout) as OxlintReport;
    // oxlint names a rule `plugin(rule)`; its own default rules may report too, and are left out.
    const findings = report.diagnostics.map((d) => ({
      file: d.filename,
      line: d.labels[0]!.span.line,
      column: d.labels[0]!.span.column,
      rule: d.code.replace(/^([^(]+)\((.+)\)$/, "$1/$2"),
    }));
    expect(findingsByFile(findings)).toEqual(EXPECTED_FINDINGS);
    // The pipe is left for a person, and no-shell-operators is an error.
    expect(lint.status).toBe(1);

    expect(oxlint(["--fix", "src"]).status).toBe(1);
    expect(readCases(work)).toEqual(EXPECTED_FIXED);
  }, TIMEOUT);
});
