/**
 * Added to a project of the 2021-22 kind that still holds v0 code (Create React App's Babel
 * 7.16, TypeScript 4.5, ESLint 8), the package must not move that project's own versions:
 * a migration tool that breaks the build of the project it migrates is worse than none. The
 * project's packages are pinned and installed first, then the tarball as a devDependency, as
 * the README's install line does; every pinned package must still resolve to its version.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedProject, packed, run, TIMEOUT, workDir } from "./helpers.js";

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
  /** The installed project (shared, not to be changed), and this file's directory inside it. */
  let project: string;
  let work: string;

  const resolvedVersions = (dir = project): Record<string, string> => {
    const require = createRequire(path.join(dir, "package.json"));
    return Object.fromEntries(Object.keys(PINNED).map((name) => [name, (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version]));
  };

  beforeAll(async () => {
    const { tarball } = await packed();
    project = await installedProject(
      {
        manifest: { name: "legacy-ui", version: "0.1.0", private: true, devDependencies: PINNED },
        files: { "src/App.tsx": 'export const pods = () => window.ddClient.execHostCmd("kubectl get pods");\n' },
        installs: [[], ["--save-dev", tarball]],
      },
      // The project's own versions resolve before the package is added.
      (dir, install) => void (install === 0 && expect(resolvedVersions(dir)).toEqual(PINNED)),
    );
    work = workDir(project);
  }, TIMEOUT);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, TIMEOUT);

  it("keeps the project's own @babel/*, typescript and eslint versions", () => {
    expect(resolvedVersions()).toEqual(PINNED);
  });

  it("runs there", () => {
    const result = run("npx", ["--no", "--", "ddclient-migrate", "src", "--dry", "--allow-dirty"], project);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('+export const pods = () => window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods"]);');
  }, TIMEOUT);

  /**
   * Create React App 5's tsconfig resolves with `"moduleResolution": "node"`, which ignores
   * `exports`: the subpaths need `typesVersions`. `skipLibCheck` would turn an unresolved
   * `@docker/extension-api-client-types` into `any` silently, so the package must bring it.
   */
  describe("typechecked under Create React App's tsconfig with TypeScript 4.5", () => {
    const CRA_COMPILER_OPTIONS = {
      target: "es5",
      lib: ["dom", "dom.iterable", "esnext"],
      allowJs: true,
      skipLibCheck: true,
      esModuleInterop: true,
      allowSyntheticDefaultImports: true,
      strict: true,
      forceConsistentCasingInFileNames: true,
      noFallthroughCasesInSwitch: true,
      module: "esnext",
      moduleResolution: "node",
      resolveJsonModule: true,
      isolatedModules: true,
      noEmit: true,
      jsx: "react-jsx",
    };
    const IMPORTS = [
      'import { createCompatClient, HostApiMissingError, type CompatClient } from "ddclient-migrate/compat";',
      'import plugin from "ddclient-migrate/eslint-plugin";',
      'import transform from "ddclient-migrate/transform";',
    ];

    function typecheck(name: string, lines: readonly string[]): { status: number | null; output: string } {
      mkdirSync(path.join(work, "typecheck"), { recursive: true });
      writeFileSync(path.join(work, "typecheck", `${name}.ts`), [...IMPORTS, ...lines, ""].join("\n"));
      writeFileSync(path.join(work, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: CRA_COMPILER_OPTIONS, include: [`typecheck/${name}.ts`] }, null, 2));
      const result = run("npx", ["--no", "--", "tsc", "-p", `tsconfig.${name}.json`], work);
      return { status: result.status, output: result.stdout + result.stderr };
    }

    it("accepts a correct use of the compat layer, the plugin and the transform", () => {
      const result = typecheck("correct", [
        "const client: CompatClient = createCompatClient();",
        "export async function pods(): Promise<string> {",
        '  await client.execHostCmd("kubectl get pods");',
        '  return (await client.extension.host!.cli.exec("kubectl", ["get", "pods"])).stdout;',
        "}",
        "export const missing = (error: unknown): boolean => error instanceof HostApiMissingError;",
        "export const ruleNames: string[] = Object.keys(plugin.rules);",
        'export const migrate = (source: string): Promise<string | undefined> => transform({ path: "a.ts", source }, {});',
      ]);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    }, TIMEOUT);

    it("rejects a member the client does not have, and wrong uses of the plugin and the transform", () => {
      const result = typecheck("wrong", ["createCompatClient().anything.at.all();", "plugin.nothing.here();", "transform(42);"]);
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/wrong\.ts\(4,\d+\): error TS2339: Property 'anything' does not exist on type 'DockerDesktopClient'/);
      expect(result.output).toMatch(/wrong\.ts\(5,\d+\): error TS2339: Property 'nothing' does not exist/);
      expect(result.output).toMatch(/wrong\.ts\(6,\d+\): error TS2554/);
      expect(result.output).not.toContain("TS2307");
    }, TIMEOUT);
  });
});
