/**
 * `"ddclient-migrate": { "allow": [...] }` in package.json keeps a call on purpose for the
 * ESLint rule as it does for `check`: the two gates agree, in a monorepo package by package.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck } from "../../cli/check.js";
import plugin from "../../eslint-plugin/index.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SOURCE = 'window.ddClient.navigateToRoute("/x");\nwindow.ddClient.toastError("no");\n';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

async function eslintMembers(cwd: string): Promise<Record<string, string[]>> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.strict as never] });
  const results = await eslint.lintFiles(["**/*.js"]);
  return Object.fromEntries(results.map((result) => [path.relative(cwd, result.filePath), result.messages.map((m) => `${m.line} ${m.ruleId}`)]));
}

describe("the package.json allow list in the ESLint rule", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-allow-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }), IO_TIMEOUT);

  it(
    "leaves the allowed members unreported, by the nearest package.json with the key, as check does",
    async () => {
      write(path.join(root, "package.json"), JSON.stringify({ name: "root", "ddclient-migrate": { allow: ["navigateToRoute"] } }));
      write(path.join(root, "src/a.js"), SOURCE);
      // A package without the key reads its parent's; one with the key keeps its own.
      write(path.join(root, "packages/plain/package.json"), JSON.stringify({ name: "plain" }));
      write(path.join(root, "packages/plain/b.js"), SOURCE);
      write(path.join(root, "packages/own/package.json"), JSON.stringify({ name: "own", "ddclient-migrate": { allow: ["toastError"] } }));
      write(path.join(root, "packages/own/c.js"), SOURCE);
      const byFile = await eslintMembers(root);
      expect(byFile).toEqual({
        [path.join("src", "a.js")]: ["2 ddclient-migrate/no-deprecated-api"],
        [path.join("packages", "plain", "b.js")]: ["2 ddclient-migrate/no-deprecated-api"],
        [path.join("packages", "own", "c.js")]: ["1 ddclient-migrate/no-deprecated-api"],
      });
      const check = await runCheck({ paths: ["."], cwd: root });
      const fromCheck = Object.fromEntries(check.files.map((file) => [path.relative(root, file.path), check.findings.filter((f) => f.path === file.path).map((f) => `${f.line} ${f.ruleId}`)]));
      for (const [file, messages] of Object.entries(byFile)) expect(fromCheck[file] ?? [], file).toEqual(messages);
    },
    IO_TIMEOUT,
  );

  it(
    "reads an edited package.json again, and refuses an unknown id as check does",
    async () => {
      const dir = path.join(root, "edited");
      write(path.join(dir, "src/a.js"), SOURCE);
      write(path.join(dir, "package.json"), JSON.stringify({ name: "edited", "ddclient-migrate": { allow: [] } }));
      expect((await eslintMembers(dir))[path.join("src", "a.js")]).toHaveLength(2);
      write(path.join(dir, "package.json"), JSON.stringify({ name: "edited", "ddclient-migrate": { allow: ["navigateToRoute", "toastError"] } }));
      // A later mtime: some file systems keep whole seconds.
      const later = new Date(Date.now() + 5_000);
      fs.utimesSync(path.join(dir, "package.json"), later, later);
      expect((await eslintMembers(dir))[path.join("src", "a.js")]).toEqual([]);
      write(path.join(dir, "package.json"), JSON.stringify({ name: "edited", "ddclient-migrate": { allow: ["navigateTo"] } }));
      const latest = new Date(Date.now() + 10_000);
      fs.utimesSync(path.join(dir, "package.json"), latest, latest);
      await expect(eslintMembers(dir)).rejects.toThrow(/unknown v0 member "navigateTo"/);
    },
    IO_TIMEOUT,
  );
});
