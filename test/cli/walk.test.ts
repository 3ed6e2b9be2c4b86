import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliInProcess, git, jsonReport, tempTree, V0_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

/** Paths the run scanned and found something in, from a dry run's JSON report. */
async function touched(dir: string, ...args: string[]): Promise<string[]> {
  const result = await cliInProcess(dir, "--dry", "--report", "json", ...args);
  expect(result.code).toBe(0);
  return jsonReport(result).files.map((f) => f.path);
}

describe("which files are scanned", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempTree({
      ".gitignore": "generated/\n*.gen.js\n",
      "src/a.js": V0_GET,
      "src/a.gen.js": V0_GET,
      "src/generated/x.js": V0_GET,
      "src/app/.gitignore": "local.js\n!keep.gen.js\n/anchored.js\n",
      "src/app/local.js": V0_GET,
      "src/app/keep.gen.js": V0_GET,
      "src/app/anchored.js": V0_GET,
      "src/app/deeper/anchored.js": V0_GET,
      "src/other/local.js": V0_GET,
      "src/node_modules/dep/index.js": V0_GET,
      "src/dist/bundle.js": V0_GET,
      "src/build/out.js": V0_GET,
      "src/coverage/lcov.js": V0_GET,
      "src/c.tsx": V0_GET,
      "src/d.vue": `<script>\n${V0_GET}</script>\n`,
      "src/e.test.ts": V0_GET,
      "src/legacy/old.js": V0_GET,
    }));
  }, IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("honours nested .gitignore files relative to their directory, and always skips node_modules, dist, build, coverage", async () => {
    expect(await touched(dir)).toEqual([
      "src/a.js",
      "src/app/deeper/anchored.js",
      "src/app/keep.gen.js",
      "src/c.tsx",
      "src/d.vue",
      "src/e.test.ts",
      "src/legacy/old.js",
      "src/other/local.js",
    ]);
  });

  it("applies the .gitignore files above a target directory inside the repository", async () => {
    git(dir, "init", "-q");
    expect(await touched(dir, "src/app")).toEqual(["src/app/deeper/anchored.js", "src/app/keep.gen.js"]);
  });

  it("--ignore skips globs relative to the current directory; a glob without a slash matches at any depth", async () => {
    expect(await touched(dir, "--ignore", "src/legacy/**", "--ignore", "*.test.ts")).toEqual([
      "src/a.js",
      "src/app/deeper/anchored.js",
      "src/app/keep.gen.js",
      "src/c.tsx",
      "src/d.vue",
      "src/other/local.js",
    ]);
  });

  it("--extensions limits the scan", async () => {
    expect(await touched(dir, "--extensions", "tsx,.vue")).toEqual(["src/c.tsx", "src/d.vue"]);
  });

  it("scans a file named on the command line even if .gitignore lists it", async () => {
    expect(await touched(dir, "src/a.gen.js", "src/a.js")).toEqual(["src/a.gen.js", "src/a.js"]);
  });
});
