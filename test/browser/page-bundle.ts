/**
 * The browser test page, built with esbuild in memory. The compat layer is bundled on its own,
 * from the package export an extension imports, with bench/compat-size.mjs's settings (ESM,
 * browser, minified, tree-shaken, code-split), so the bytes Chromium runs are the bytes whose
 * size the test reports. The page script (./compat-page.ts) imports it by its package name,
 * which an import map resolves: an extension's bundler would inline the same code instead.
 */
import { build, type BuildOptions } from "esbuild";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COMPAT = "ddclient-migrate/compat";

export interface PageFile {
  readonly type: string;
  readonly body: Buffer;
}

export interface PageBundle {
  /** By URL path: `/`, `/page.js`, `/compat.js`, `/line-chunk-….js`. */
  readonly files: ReadonlyMap<string, PageFile>;
  /** The compat entry and its lazy line chunk, minified and min+gzip, in bytes. */
  readonly compat: { readonly entry: number; readonly entryGz: number; readonly lineChunk: string; readonly lineChunkGz: number };
}

const BROWSER: BuildOptions = { bundle: true, write: false, format: "esm", platform: "browser", target: "es2022", treeShaking: true, logLevel: "silent", outdir: "/" };

const gzip = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

const HTML = `<!doctype html>
<script type="importmap">${JSON.stringify({ imports: { [COMPAT]: "/compat.js" } })}</script>
<script type="module" src="/page.js"></script>
`;

export async function bundlePage(): Promise<PageBundle> {
  // One export, as bench/compat-size.mjs measures `createCompatClient`.
  const compat = await build({
    ...BROWSER,
    stdin: { contents: `export { createCompatClient } from ${JSON.stringify(COMPAT)};`, resolveDir: ROOT, sourcefile: "compat.js" },
    entryNames: "compat",
    splitting: true,
    minify: true,
  });
  // Unminified, so that a failure inside the page reads well.
  const page = await build({ ...BROWSER, entryPoints: { page: path.join(import.meta.dirname, "compat-page.ts") }, external: [COMPAT] });
  const files = new Map<string, PageFile>([["/", { type: "text/html", body: Buffer.from(HTML) }]]);
  for (const file of [...(compat.outputFiles ?? []), ...(page.outputFiles ?? [])]) files.set(`/${path.basename(file.path)}`, { type: "text/javascript", body: Buffer.from(file.contents) });
  const entry = files.get("/compat.js")!.body;
  const [lineChunk, ...others] = [...files.keys()].filter((name) => name.startsWith("/line-chunk-"));
  if (!lineChunk || others.length > 0) throw new Error(`Expected one lazy line chunk, got ${[...files.keys()].join(", ")}.`);
  return { files, compat: { entry: entry.length, entryGz: gzip(entry), lineChunk, lineChunkGz: gzip(files.get(lineChunk)!.body) } };
}
