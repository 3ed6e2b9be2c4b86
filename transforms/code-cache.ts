/**
 * Loads a CommonJS file through V8's code cache: the bytecode V8 compiled for it in an earlier
 * process, so that this one skips compiling what that process ran. The vendored Babel parser
 * took ~35 ms less CPU per process to load and run a first parse with a cache written after a
 * warm-up parse (scripts/vendor.mjs writes it at build time; nothing writes it at run time,
 * as an installed package may be read-only).
 *
 * V8 checks the cache against its version and flags, and ignores a cache that does not match
 * (another Node, `--max-old-space-size`): the file is then compiled as usual, and `rejected`
 * says so. V8 checks neither the bytes of the source (only its length) nor, in release builds,
 * the cache's own checksum: a corrupt cache aborted Node 20 with a fatal error. So the cache
 * file starts with a SHA-256 of the source and the cache together, checked before V8 sees it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export interface LoadedModule {
  readonly exports: unknown;
  /** The vm.Script that ran the file, for createCachedData() after a warm-up. */
  readonly script: vm.Script;
  /** True when a cache file was read and refused (by its digest or by V8); false when V8 used it or there was none. */
  readonly rejected: boolean;
}

/** The code cache written next to a file: `babel-parser.cjs` → `babel-parser.cjs.cache`. */
export function cacheFileOf(file: string): string {
  return file.startsWith("file:") ? fileURLToPath(`${file}.cache`) : `${file}.cache`;
}

const DIGEST_BYTES = 32;

function digestOf(source: string, cachedData: Uint8Array): Buffer {
  return createHash("sha256").update(source).update(cachedData).digest();
}

/** What to write to a cache file: the digest, then V8's data from `script.createCachedData()`. */
export function cacheFileContents(loaded: LoadedModule, source: string): Buffer {
  const cachedData = loaded.script.createCachedData();
  return Buffer.concat([digestOf(source, cachedData), cachedData]);
}

/** V8's data from a cache file, or undefined when the file does not hold the digest of this source and its data. */
function verifiedCache(source: string, contents: Buffer): Buffer | undefined {
  const cachedData = contents.subarray(DIGEST_BYTES);
  return contents.length > DIGEST_BYTES && digestOf(source, cachedData).equals(contents.subarray(0, DIGEST_BYTES)) ? cachedData : undefined;
}

/**
 * Runs `file` as a CommonJS module, with the cache at `cacheFile` when it can be read; `null`
 * compiles without one (`undefined` would take the default, the file beside the module).
 */
export function loadCommonJs(fileOrUrl: string | URL, cacheFile: string | null = cacheFileOf(String(fileOrUrl))): LoadedModule {
  const file = typeof fileOrUrl === "string" ? fileOrUrl : fileURLToPath(fileOrUrl);
  const source = readFileSync(file, "utf8");
  let contents: Buffer | undefined;
  try {
    if (cacheFile !== null) contents = readFileSync(cacheFile);
  } catch {
    // No cache (an unbuilt checkout, a package trimmed by hand): compile as Node would.
  }
  const cachedData = contents && verifiedCache(source, contents);
  // Node's own wrapper, so that the module sees exports, require, module as it would from require().
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script, rejected: contents !== undefined && (cachedData === undefined || script.cachedDataRejected === true) };
}
