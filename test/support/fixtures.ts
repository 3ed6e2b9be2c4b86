/**
 * Fixture pairs: test/fixtures/<transform-id>/<case>.input.<ext> and <case>.output.<ext>
 * (no output file: the file must come out byte-identical), an optional
 * <case>.findings.txt listing what the report says, one finding a line, and an optional
 * <case>.options.json with the options to run it with. A fixture that imports a module of its
 * folder (`import { ddClient } from "./lib/client"`) runs with what the CLI's pre-pass reads
 * of it (`clientModules`), as the lint rule reads it from disk.
 */
import fs from "node:fs";
import path from "node:path";
import type { ClientModuleExports } from "../../core/client-modules.js";
import type { Finding } from "../../core/report.js";
import { readImportedModules, relativeImportsOf } from "../../transforms/client-exports.js";
import { moduleKey } from "../../transforms/lib/client-modules.js";
import { markupKindOf } from "../../transforms/embedded.js";
import { scanMarkup } from "../../transforms/lib/embedded-scan.js";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures");

export interface Fixture {
  readonly name: string;
  readonly inputPath: string;
  readonly outputPath: string | null;
  readonly findingsPath: string | null;
  readonly extension: string;
  /** `<case>.options.json`: MigrateOptions for this case (e.g. `{ "client": "import" }`). */
  readonly options: Record<string, unknown>;
}

export function listFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const group of fs.readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    const dir = path.join(FIXTURES_DIR, group.name);
    for (const file of fs.readdirSync(dir).sort()) {
      const match = /^(.*)\.input\.([a-z]+)$/.exec(file);
      if (!match) continue;
      const [, base, extension] = match;
      const outputPath = path.join(dir, `${base}.output.${extension}`);
      const findingsPath = path.join(dir, `${base}.findings.txt`);
      const optionsPath = path.join(dir, `${base}.options.json`);
      const options = fs.existsSync(optionsPath) ? JSON.parse(fs.readFileSync(optionsPath, "utf8")) : {};
      const clientModules = importedModulesOf(path.join(dir, file));
      if (clientModules) options.clientModules = clientModules;
      fixtures.push({
        name: `${group.name}/${base}`,
        inputPath: path.join(dir, file),
        outputPath: fs.existsSync(outputPath) ? outputPath : null,
        findingsPath: fs.existsSync(findingsPath) ? findingsPath : null,
        extension: extension!,
        options,
      });
    }
  }
  return fixtures;
}

/** The modules of its folder a fixture imports, as the CLI's pre-pass reads them; null when it imports none. */
function importedModulesOf(inputPath: string): Record<string, ClientModuleExports> | null {
  const imports = relativeImportsOf(fs.readFileSync(inputPath, "utf8"));
  if (imports.length === 0) return null;
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(?:input|output)\./.test(entry.name) && /\.[mc]?[jt]sx?$/.test(entry.name)) files.set(moduleKey(full), full);
    }
  };
  walk(path.dirname(inputPath));
  const modules: Record<string, ClientModuleExports> = {};
  readImportedModules([{ path: inputPath, imports }], files, (file) => fs.readFileSync(file, "utf8"), modules);
  return Object.keys(modules).length ? modules : null;
}

/** `3:35 migrated execHostCmd review:host-dependent-word` / `9:12 manual execHostCmd shell-operator |` */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const at = `${finding.at.line}:${finding.at.column} ${finding.kind} ${finding.member}`;
      if (finding.kind === "migrated") return [at, ...finding.review.map((review) => `review:${review.reason}`)].join(" ");
      return [at, finding.reason, ...Object.values(finding.data)].join(" ");
    })
    .join("\n");
}

/** What to re-parse of a fixture: the file, or each `<script>` block of a .vue/.svelte/.html file as a file of its `lang`. */
export function parseTargets(text: string, filePath: string): { text: string; path: string }[] {
  const kind = markupKindOf(filePath);
  if (!kind) return [{ text: text.replace(/^\uFEFF/, ""), path: filePath }];
  return scanMarkup(text, kind).flatMap((region) => (region.kind === "script" ? [{ text: text.slice(region.start, region.end), path: `${filePath}.${region.lang}` }] : []));
}
