/**
 * Added to a project of the 2021-22 kind that still holds v0 code (Create React App's Babel
 * 7.16, TypeScript 4.5, ESLint 8), the package must not move that project's own versions:
 * a migration tool that breaks the build of the project it migrates is worse than none. The
 * project's packages are pinned and installed first, then the tarball as a devDependency, as
 * the README's install line does; every pinned package must still resolve to its version.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, pack, run, TIMEOUT } from "./helpers.js";

/** What Create React App 5 with TypeScript resolved in early 2022. */
const PINNED: Readonly<Record<string, string>> = {
  "@babel/core": "7.16.12",
  "@babel/parser": "7.16.12",
  "@babel/types": "7.16.8",
  "@babel/traverse": "7.16.10",
  typescript: "4.5.5",
  eslint: "8.8.0",
};

describe("installed into a 2022 extension project", () => {
  let tmp: string;
  let project: string;

  const resolvedVersions = (): Record<string, string> => {
    const require = createRequire(path.join(project, "package.json"));
    return Object.fromEntries(Object.keys(PINNED).map((name) => [name, (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version]));
  };

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "ddclient-migrate-versions-"));
    project = path.join(tmp, "project");
    const { tarball } = pack(path.join(tmp, "pack"));
    ok("mkdir", ["-p", path.join(project, "src")], tmp);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "legacy-ui", version: "0.1.0", private: true, devDependencies: PINNED }, null, 2));
    writeFileSync(path.join(project, "src", "App.tsx"), 'export const pods = () => window.ddClient.execHostCmd("kubectl get pods");\n');
    ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], project);
    expect(resolvedVersions()).toEqual(PINNED);
    ok("npm", ["install", "--save-dev", tarball, "--no-audit", "--no-fund", "--prefer-offline"], project);
  }, TIMEOUT);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  it("keeps the project's own @babel/*, typescript and eslint versions", () => {
    expect(resolvedVersions()).toEqual(PINNED);
  });

  it("runs there", () => {
    const result = run("npx", ["--no", "--", "ddclient-migrate", "src", "--dry", "--allow-dirty"], project);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('+export const pods = () => window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods"]);');
  }, TIMEOUT);
});
