/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty project, run the
 * bin through npx. Catches what unit tests cannot: a missing `files` entry, a bin without its
 * shebang or outside `dist`, a runtime import of a devDependency. Needs `npm run build` first,
 * which `npm test` does.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedProject, ok, packed, pkg, repoRoot, run, TIMEOUT, workDir } from "./helpers.js";

const V0_SOURCE = `window.ddClient.backend.get("/status").then((value) => console.log(value));\n`;

describe("the packed package", () => {
  let tmp: string;
  /** The installed project (shared, not to be changed), and this file's directory inside it. */
  let project: string;
  let work: string;
  let packedFiles: readonly string[];
  let tarball: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "ddclient-migrate-pack-"));
    ({ tarball, files: packedFiles } = await packed());
    project = await installedProject({ installs: [[tarball]] });
    work = workDir(project);

    mkdirSync(path.join(work, "src"));
    writeFileSync(path.join(work, "src", "app.js"), V0_SOURCE);
  }, TIMEOUT);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  }, TIMEOUT);

  it("ships the built bin, the vendored parser, the license and changelog, and no tests", () => {
    expect(packedFiles).toContain("dist/bin/ddclient-migrate.js");
    // The bin is bundled (scripts/bundle.mjs) but forks the worker tsc built.
    expect(packedFiles).toContain("dist/cli/worker.js");
    expect(packedFiles).toContain("dist/vendor/babel-parser.cjs");
    // Read at run time when present (transforms/code-cache.ts); written only by the build.
    expect(packedFiles).toContain("dist/vendor/babel-parser.cjs.cache");
    expect(packedFiles).toContain("README.md");
    expect(packedFiles).toContain("LICENSE");
    expect(packedFiles).toContain("CHANGELOG.md");
    expect(packedFiles.filter((f) => /\.test\.|^test\//.test(f))).toEqual([]);
  });

  // Source maps would point at TypeScript sources the package does not ship.
  it("ships no source maps and no links to them", () => {
    expect(packedFiles.filter((f) => f.endsWith(".map"))).toEqual([]);
    const installed = path.join(project, "node_modules", pkg.name);
    const linking = packedFiles.filter((f) => /\.[cm]?js$/.test(f) && /^\/\/# sourceMappingURL=/m.test(readFileSync(path.join(installed, f), "utf8")));
    expect(linking).toEqual([]);
  });

  it("names its license and repository in package.json", () => {
    const manifest = JSON.parse(readFileSync(path.join(project, "node_modules", pkg.name, "package.json"), "utf8")) as { license?: string; repository?: { type?: string; url?: string } };
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository?.type).toBe("git");
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(readFileSync(path.join(project, "node_modules", pkg.name, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it("prints the package version", () => {
    // `--no`: never fall back to fetching a package from the registry; use the installed bin.
    // `--`: without it npx reads `--version` as its own flag after `--no`.
    const { stdout } = ok("npx", ["--no", "--", "ddclient-migrate", "--version"], work);
    expect(stdout.trim()).toBe(pkg.version);
  }, TIMEOUT);

  it("shows the migration of a v0 file as a diff and leaves the file alone with --dry", () => {
    const { stdout } = ok("npx", ["--no", "--", "ddclient-migrate", "src", "--dry"], work);
    expect(stdout).toContain("extension.vm.service");
    // The diff's added line, not merely a message naming the replacement.
    expect(stdout).toContain('+window.ddClient.extension.vm.service.get("/status")');
    expect(readFileSync(path.join(work, "src", "app.js"), "utf8")).toBe(V0_SOURCE);
  }, TIMEOUT);

  // What a user's install costs, and `check` without ESLint, which is only the plugin's peer.
  it("installs few and small runtime dependencies, no ESLint, and runs check without it", () => {
    const listed = ok("npm", ["ls", "--all", "--omit=dev", "--parseable"], project).stdout.trim().split("\n").slice(1);
    expect(listed.length).toBeLessThanOrEqual(60);
    expect(listed.some((dir) => /node_modules[\\/](?:eslint|jscodeshift|@babel[\\/][^\\/]+|typescript)$/.test(dir)), listed.join("\n")).toBe(false);
    const bytes = Number(ok("du", ["-sk", "node_modules"], project).stdout.split(/\s/)[0]) * 1024;
    expect(bytes).toBeLessThan(25 * 1024 * 1024);
    const check = run("npx", ["--no", "--", "ddclient-migrate", "check", "src"], work);
    expect(check.status, check.stdout + check.stderr).toBe(3);
    expect(check.stdout).toContain("no-deprecated-api");
  }, TIMEOUT);

  it("loads the compat layer and the ESLint plugin through the package's exports", () => {
    const probe = path.join(work, "probe.mjs");
    writeFileSync(
      probe,
      'import { createCompatClient } from "ddclient-migrate/compat";\nimport plugin from "ddclient-migrate/eslint-plugin";\n' +
        "console.log(typeof createCompatClient, plugin.meta.name, Object.keys(plugin.rules).sort().join(','));\n",
    );
    expect(ok(process.execPath, [probe], work).stdout.trim()).toBe("function ddclient-migrate exec-args-array,no-deprecated-api,no-shell-operators");
  }, TIMEOUT);

  // The README's first command for a user: the tarball run through npx, nothing installed into the project.
  it("runs from the tarball with the README's npx --package line, leaving the project's package.json alone", () => {
    const line = readFileSync(path.join(repoRoot, "README.md"), "utf8").split("\n").find((l) => l.startsWith("npx ") && l.includes(" --package="));
    expect(line).toBeDefined();
    const [command, ...args] = line!.replace(/\s+#.*$/, "").split(/\s+/).map((word) => word.replace(/(?<==)\/\S*\/ddclient-migrate-[\w.-]+\.tgz$/, tarball));
    const user = path.join(tmp, "no-install");
    mkdirSync(path.join(user, "src"), { recursive: true });
    ok("npm", ["init", "-y"], user);
    const manifest = readFileSync(path.join(user, "package.json"), "utf8");
    writeFileSync(path.join(user, "src", "app.js"), V0_SOURCE);
    const { stdout } = ok(command!, args, user);
    expect(stdout).toContain('+window.ddClient.extension.vm.service.get("/status")');
    expect(readFileSync(path.join(user, "package.json"), "utf8")).toBe(manifest);
    expect(existsSync(path.join(user, "node_modules"))).toBe(false);
  }, TIMEOUT);
});
