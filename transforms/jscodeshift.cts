/**
 * The codemod as a jscodeshift transform, the one transform path the package exposes
 * (`ddclient-migrate/transform`). CommonJS, so that jscodeshift loads it in its default mode
 * (whose @babel/register would rewrite an ESM file into CommonJS inside a `"type": "module"`
 * package, which Node then refuses) and with `--no-babel` alike. It loads the ESM codemod with
 * a real `import()` (built with `new Function` so no transpiler turns it into `require`), and
 * writes the bytes the CLI writes.
 *
 *   npx jscodeshift -t node_modules/ddclient-migrate/dist/transforms/jscodeshift.cjs src/
 */
import path = require("node:path");
import url = require("node:url");
import type { MigrateOptions, MigrateResult } from "./migrate-types.js";

type MigrateSource = (source: string, filePath: string, options?: MigrateOptions) => MigrateResult;
type SingleFileLimits = (source: string, filePath: string) => { line: number; column: number; message: string }[];

const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>;
const migrateUrl = url.pathToFileURL(path.join(__dirname, "migrate.js")).href;
const limitsUrl = url.pathToFileURL(path.join(__dirname, "single-file-limits.js")).href;

/** jscodeshift's transform signature: the new source, or undefined when nothing changed. `--rawArgs` as the CLI's `--raw-args`. */
async function transformer(file: { path: string; source: string }, api: { report?: (message: string) => void }, options: { rawArgs?: boolean } = {}): Promise<string | undefined> {
  const { migrateSource } = await importEsm<{ migrateSource: MigrateSource }>(migrateUrl);
  const { singleFileLimits } = await importEsm<{ singleFileLimits: SingleFileLimits }>(limitsUrl);
  // jscodeshift writes the output: what it reports points into the file as written.
  const result = migrateSource(file.source, file.path, { rawArgs: options.rawArgs === true, positions: "output" });
  if (result.status === "failed") throw new Error(`${file.path}: ${result.error}`);
  // Never silent: without jscodeshift's `report` (a direct call), on stderr.
  const report = api.report ?? ((message: string) => console.warn(message));
  for (const finding of result.findings) if (finding.kind === "manual") report(`${file.path}:${finding.at.line}:${finding.at.column} ${finding.member}: ${finding.reason}`);
  // Where the CLI, seeing every file, would write something else here (cross-file wrappers).
  for (const limit of singleFileLimits(file.source, file.path)) report(`${file.path}:${limit.line}:${limit.column} ${limit.message}`);
  return result.status === "changed" ? result.output : undefined;
}

export = transformer;
