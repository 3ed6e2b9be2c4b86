// What `ddclient-migrate/compat` costs an extension's bundle: each export bundled alone from
// source with esbuild (ESM, browser, minified, tree-shaken, code-split as a bundler would),
// then gzipped. The line chunk (splitter, v1 → v0 join) is lazy: it loads on the first call that
// has to translate a command line (a host lacking one API), never on a host offering both.
// Usage: node bench/compat-size.mjs [--budget 3072]   (exits 1 when createCompatClient's entry is over)
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const source = fileURLToPath(new URL("../compat/index.ts", import.meta.url));
const budgetFlag = process.argv.indexOf("--budget");
const budget = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : 3072;
const work = mkdtempSync(join(tmpdir(), "compat-size-"));

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function measure(name) {
  const entry = join(work, `${name}.js`);
  writeFileSync(entry, `export { ${name} } from ${JSON.stringify(source)};`);
  const result = await build({
    entryPoints: { [name]: entry },
    bundle: true,
    splitting: true,
    outdir: join(work, "out"),
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    treeShaking: true,
    logLevel: "silent",
  });
  const [main, ...lazy] = result.outputFiles.sort((a, b) => +b.path.endsWith(`${name}.js`) - +a.path.endsWith(`${name}.js`));
  const all = Buffer.concat(result.outputFiles.map((file) => file.contents));
  return { name, entry: main.contents.length, entryGz: gzip(main.contents), lazyGz: lazy.reduce((sum, file) => sum + gzip(file.contents), 0), totalGz: gzip(all) };
}

try {
  const rows = [];
  for (const name of ["createCompatClient", "withLegacyApi", "withModernApi"]) rows.push(await measure(name));
  console.log("export              entry min  entry min+gz  lazy chunk min+gz  all in one min+gz");
  for (const r of rows) console.log(`${r.name.padEnd(20)}${String(r.entry).padStart(7)} B${String(r.entryGz).padStart(12)} B${String(r.lazyGz).padStart(17)} B${String(r.totalGz).padStart(17)} B`);
  const main = rows[0];
  console.log(`createCompatClient entry: ${main.entryGz} B min+gzip (budget ${budget} B: ${main.entryGz <= budget ? "ok" : "OVER"}); with the line chunk loaded: ${main.totalGz} B`);
  process.exitCode = main.entryGz <= budget ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
