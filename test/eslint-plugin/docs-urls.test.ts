/**
 * Every link the package emits leads somewhere that exists: the rules' `meta.docs.url` (ESLint
 * prints it), and the SARIF log's `informationUri`, `helpUri` and help texts (code scanning
 * links them). All are built from one constant and point into this repository, so each must
 * name a file that is here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../cli/check.js";
import { buildSarif, SARIF_SCHEMA } from "../../cli/sarif.js";
import { rules } from "../../eslint-plugin/index.js";
import { PACKAGE, REPOSITORY_URL } from "../../eslint-plugin/util/package.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/legacy-extension/src");
/** Links to other people's pages the package may emit. */
const EXTERNAL = new Set([SARIF_SCHEMA]);

/** The repository file a link names: the README for the front page, else the path under `blob/main/` or this version's tag (this tree). */
function repositoryFile(url: string): string | undefined {
  if (url === REPOSITORY_URL) return "README.md";
  const prefix = [`${REPOSITORY_URL}/blob/main/`, `${REPOSITORY_URL}/blob/v${PACKAGE.version}/`].find((start) => url.startsWith(start));
  return prefix ? url.slice(prefix.length) : undefined;
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`)\]]+/g)].map((match) => match[0]);
}

function expectEachInRepository(urls: readonly string[]): void {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    if (EXTERNAL.has(url)) continue;
    const file = repositoryFile(url);
    expect(file, `${url} is not a page of ${REPOSITORY_URL}`).toBeDefined();
    expect(existsSync(path.join(ROOT, file!)), `${url}: ${file} is not in this repository`).toBe(true);
  }
}

describe("links the package emits", () => {
  it("gives each rule a docs page under docs/rules/ of the repository", () => {
    const urls = Object.values(rules).map((rule) => rule.meta.docs.url);
    expect(urls.every((url) => url.startsWith(`${REPOSITORY_URL}/blob/main/docs/rules/`))).toBe(true);
    expectEachInRepository(urls);
  });

  it("links every SARIF help and information URI into the repository", async () => {
    const log = buildSarif(await runCheck({ paths: [EXAMPLE], cwd: ROOT }));
    const urls = urlsIn(JSON.stringify(log));
    // docs/check.md promises the docs of the version that wrote the log, at its tag: the rule's page there.
    const driverRules = log.runs[0].tool.driver.rules;
    expect(driverRules.map((rule) => rule.helpUri)).toEqual(Object.values(rules).map((rule) => rule.meta.docs.url.replace("/blob/main/", `/blob/v${PACKAGE.version}/`)));
    // The help is the rule's summary, not a bare link.
    for (const [i, rule] of Object.values(rules).entries()) expect(driverRules[i]!.help.text).toContain(rule.meta.docs.description);
    expect(urls).toContain(REPOSITORY_URL);
    expectEachInRepository(urls);
  }, 60_000);

  // A literal URL elsewhere in the emitting code would bypass the constant.
  it("spells the repository's address once, in the constant, across eslint-plugin/ and cli/", () => {
    const sources = ["eslint-plugin", "cli"].flatMap((dir) =>
      (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((file) => file.endsWith(".ts")).map((file) => path.join(ROOT, dir, file)),
    );
    const literals = sources.flatMap((file) => urlsIn(readFileSync(file, "utf8")).map((url) => `${path.relative(ROOT, file)} ${url}`));
    expect(literals.sort()).toEqual([`cli/sarif.ts ${SARIF_SCHEMA}`, `eslint-plugin/util/package.ts ${REPOSITORY_URL}`]);
  });

  it("agrees with package.json's repository and homepage where it names them", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { homepage?: string; repository?: string | { url: string } };
    const repository = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
    if (repository !== undefined) expect(repository.replace(/^git\+/, "").replace(/\.git$/, "")).toBe(REPOSITORY_URL);
    if (manifest.homepage !== undefined) expect(manifest.homepage.startsWith(REPOSITORY_URL)).toBe(true);
  });
});
