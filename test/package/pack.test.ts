/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty project, run the
 * bin through npx. Catches what unit tests cannot: a missing `files` entry, a bin without its
 * shebang or outside `dist`, a runtime import of a devDependency. Needs `npm run build` first,
 * which `npm test` does.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string; version: string };
const TIMEOUT = 180_000;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    // npm and npx are .cmd shims on Windows.
    shell: process.platform === "win32",
    // The parent `npm test` exports its own package's npm_* settings; the nested npm must
    // read the temp project's, not ours (`npm_package_json`, `npm_config_dry_run`…).
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_dry_run)/i.test(key))),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and requires exit code 0, showing the output when it is not. */
function ok(command: string, args: readonly string[], cwd: string): Run {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(" ")} in ${cwd}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const V0_SOURCE = `window.ddClient.backend.get("/status").then((value) => console.log(value));\n`;

describe("the packed package", () => {
  let tmp: string;
  let project: string;
  let packedFiles: string[];

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "ddclient-migrate-pack-"));
    const packDir = path.join(tmp, "pack");
    project = path.join(tmp, "project");
    mkdirSync(packDir);
    mkdirSync(project);

    const packed = JSON.parse(ok("npm", ["pack", "--json", "--pack-destination", packDir], repoRoot).stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const [entry] = packed;
    if (!entry) throw new Error("npm pack --json listed no package");
    packedFiles = entry.files.map((f) => f.path);
    const tarball = path.join(packDir, entry.filename);

    ok("npm", ["init", "-y"], project);
    ok("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"], project);

    mkdirSync(path.join(project, "src"));
    writeFileSync(path.join(project, "src", "app.js"), V0_SOURCE);
  }, TIMEOUT);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("ships the built bin and no tests", () => {
    expect(packedFiles).toContain("dist/bin/ddclient-migrate.js");
    expect(packedFiles).toContain("README.md");
    expect(packedFiles.filter((f) => /\.test\.|^test\//.test(f))).toEqual([]);
  });

  it("prints the package version", () => {
    // `--no`: never fall back to fetching a package from the registry; use the installed bin.
    // `--`: without it npx reads `--version` as its own flag after `--no`.
    const { stdout } = ok("npx", ["--no", "--", "ddclient-migrate", "--version"], project);
    expect(stdout.trim()).toBe(pkg.version);
  }, TIMEOUT);

  it("shows the migration of a v0 file as a diff and leaves the file alone with --dry", () => {
    const { stdout } = ok("npx", ["--no", "--", "ddclient-migrate", "src", "--dry"], project);
    expect(stdout).toContain("extension.vm.service");
    // The diff's added line, not merely a message naming the replacement.
    expect(stdout).toContain('+window.ddClient.extension.vm.service.get("/status")');
    expect(readFileSync(path.join(project, "src", "app.js"), "utf8")).toBe(V0_SOURCE);
  }, TIMEOUT);

  it("loads the compat layer and the ESLint plugin through the package's exports", () => {
    const probe = path.join(project, "probe.mjs");
    writeFileSync(
      probe,
      'import { createCompatClient } from "ddclient-migrate/compat";\nimport plugin from "ddclient-migrate/eslint-plugin";\n' +
        "console.log(typeof createCompatClient, plugin.meta.name, Object.keys(plugin.rules).sort().join(','));\n",
    );
    expect(ok(process.execPath, [probe], project).stdout.trim()).toBe("function ddclient-migrate exec-args-array,no-deprecated-api,no-shell-operators");
  }, TIMEOUT);

  // ESLint 9 runs in-process in the rule tests; ESLint 10 is installed here, as a user would.
  it("lints with ESLint 10 and the plugin's recommended flat config, and fixes with --fix", () => {
    const eslintProject = path.join(tmp, "eslint10");
    mkdirSync(path.join(eslintProject, "src"), { recursive: true });
    ok("npm", ["init", "-y"], eslintProject);
    const tarball = path.join(tmp, "pack", readdirSync(path.join(tmp, "pack"))[0]!);
    ok("npm", ["install", tarball, "eslint@10", "--no-audit", "--no-fund", "--prefer-offline"], eslintProject);
    writeFileSync(
      path.join(eslintProject, "eslint.config.mjs"),
      'import ddclient from "ddclient-migrate/eslint-plugin";\nexport default [ddclient.configs.recommended];\n',
    );
    writeFileSync(path.join(eslintProject, "src", "app.js"), V0_SOURCE + 'window.ddClient.execHostCmd("ps aux | grep node");\n');
    const version = ok("npx", ["--no", "--", "eslint", "--version"], eslintProject).stdout.trim();
    expect(version).toMatch(/^v10\./);
    const lint = run("npx", ["--no", "--", "eslint", "--format", "json", "src"], eslintProject);
    const results = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    expect(results[0]!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      "1 ddclient-migrate/no-deprecated-api",
      "2 ddclient-migrate/no-deprecated-api",
      "2 ddclient-migrate/no-shell-operators",
    ]);
    run("npx", ["--no", "--", "eslint", "--fix", "src"], eslintProject);
    expect(readFileSync(path.join(eslintProject, "src", "app.js"), "utf8")).toContain('window.ddClient.extension.vm.service.get("/status")');
  }, TIMEOUT);
});
