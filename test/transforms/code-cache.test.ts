/**
 * The vendored parser's V8 code cache (transforms/code-cache.ts, written by scripts/vendor.mjs):
 * the build's cache is accepted by the Node that built it, and a cache V8 refuses (corrupt, or
 * made under other V8 flags) costs only the saving: the parser still loads and parses the same.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheFileOf, loadCommonJs } from "../../transforms/code-cache.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PARSER = path.join(root, "dist", "vendor", "babel-parser.cjs");
const LOADER = path.join(root, "dist", "transforms", "code-cache.js");
if (!existsSync(PARSER) || !existsSync(LOADER)) throw new Error("dist is missing: run `npm run build` before these tests.");

const SOURCE = `const App = (props: { n: number }) => <div>{props.n}</div>;\nwindow.ddClient.execHostCmd("ls");\n`;
type Parser = typeof import("@babel/parser");
const parseWith = (parser: Parser) => JSON.stringify(parser.parse(SOURCE, { sourceType: "module", plugins: ["jsx", "typescript"] }).program);
const expected = parseWith(loadCommonJs(PARSER, null).exports as Parser);

describe("the vendored parser's code cache", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ddclient-migrate-code-cache-"));
  }, IO_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }), IO_TIMEOUT);

  it("is built next to the parser and accepted by the Node that built it", () => {
    expect(existsSync(cacheFileOf(PARSER))).toBe(true);
    const loaded = loadCommonJs(PARSER);
    expect(loaded.script.cachedDataRejected).toBe(false);
    expect(loaded.rejected).toBe(false);
    expect(parseWith(loaded.exports as Parser)).toBe(expected);
  });

  it("is not read when the caller passes null", () => {
    const loaded = loadCommonJs(PARSER, null);
    expect(loaded.script.cachedDataRejected).toBeUndefined();
    expect(loaded.rejected).toBe(false);
  });

  // Node 20's V8 checks no checksum of the cache in release builds: a corrupt one aborted the process.
  it("falls back to compiling when the cache file is corrupt or truncated, before V8 reads it", () => {
    const cache = readFileSync(cacheFileOf(PARSER));
    const flipped = (at: number) => Buffer.from(cache).map((byte, i) => (i >= at && i < at + 16 ? byte ^ 0xff : byte));
    const cases = { digest: flipped(0), header: flipped(36), payload: flipped(cache.length >> 1), truncated: cache.subarray(0, cache.length >> 1), empty: Buffer.alloc(0) };
    for (const [name, contents] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.cache`);
      writeFileSync(file, contents);
      const loaded = loadCommonJs(PARSER, file);
      expect(loaded.rejected, name).toBe(true);
      expect(parseWith(loaded.exports as Parser), name).toBe(expected);
    }
  });

  // V8 compares only the source's length: a parser patched in place must not run the old bytecode.
  it("refuses the cache of another source of the same length", () => {
    const copy = path.join(dir, "same-length.cjs");
    const source = readFileSync(PARSER, "utf8");
    const patched = source.replace("vendored by ddclient-migrate", "VENDORED BY DDCLIENT-MIGRATE");
    expect(patched.length).toBe(source.length);
    writeFileSync(copy, patched);
    const loaded = loadCommonJs(copy, cacheFileOf(PARSER));
    expect(loaded.rejected).toBe(true);
    expect(parseWith(loaded.exports as Parser)).toBe(expected);
  });

  it("loads the parser as before without a cache file", () => {
    const copy = path.join(dir, "babel-parser.cjs");
    copyFileSync(PARSER, copy);
    const loaded = loadCommonJs(copy);
    expect(loaded.rejected).toBe(false);
    expect(parseWith(loaded.exports as Parser)).toBe(expected);
  });

  // What another Node version does: V8 refuses a cache whose version or flags differ from its own.
  it("falls back to compiling in a process whose V8 flags differ from the build's", () => {
    const script = [
      `import { loadCommonJs } from ${JSON.stringify(LOADER)};`,
      `const { exports: parser, rejected } = loadCommonJs(${JSON.stringify(PARSER)});`,
      `const program = JSON.stringify(parser.parse(${JSON.stringify(SOURCE)}, { sourceType: "module", plugins: ["jsx", "typescript"] }).program);`,
      `process.stdout.write(JSON.stringify({ rejected, program }));`,
    ].join("\n");
    for (const flags of [[], ["--stack-size=2000"], ["--max-old-space-size=300"]]) {
      const result = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      const { rejected, program } = JSON.parse(result.stdout) as { rejected: boolean; program: string };
      expect(rejected, flags.join(" ")).toBe(flags.length > 0);
      expect(program).toBe(expected);
    }
  }, IO_TIMEOUT);
});
