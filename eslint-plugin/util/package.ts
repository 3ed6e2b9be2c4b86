/** The package's own name and version, read from its package.json (from eslint-plugin/ or dist/eslint-plugin/). */
import { readFileSync } from "node:fs";

function readManifest(): { name: string; version: string } {
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "ddclient-migrate" && manifest.version) return { name: manifest.name, version: manifest.version };
    } catch {
      // Not at this level: dist/eslint-plugin/util/ is one level deeper than eslint-plugin/util/.
    }
  }
  throw new Error("ddclient-migrate: package.json not found");
}

export const PACKAGE = readManifest();

/**
 * The one spelling of the repository's address: every link the package emits (rule docs, SARIF
 * help and information URIs) is built from it. The package is not on a registry yet, so a
 * registry page would be a 404; the repository's docs/ are the pages that exist.
 */
export const REPOSITORY_URL = "https://github.com/ddclient-migrate/ddclient-migrate";

/** `docs/rules/no-deprecated-api.md` → its page on the repository's main branch. */
export function repositoryDocsUrl(pathInRepository: string): string {
  return `${REPOSITORY_URL}/blob/main/${pathInRepository}`;
}

/**
 * `docs/rules/exec-args-array.md` → its page at this version's tag (`v0.1.0`): what a SARIF log
 * written by this version links, so an alert's help matches the rule that raised it after `main` moves on.
 */
export function versionedDocsUrl(pathInRepository: string): string {
  return `${REPOSITORY_URL}/blob/v${PACKAGE.version}/${pathInRepository}`;
}
