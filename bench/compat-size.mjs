// What `ddclient-migrate/compat` costs an extension's bundle: each entry point bundled alone
// from source with esbuild (ESM, browser, minified, tree-shaken), then gzipped.
// Usage: node bench/compat-size.mjs [--budget 3072]   (exits 1 when createCompatClient is over budget)
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../compat/index.ts", import.meta.url));
const budgetFlag = process.argv.indexOf("--budget");
const budget = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : 3072;

async function measure(name) {
  const result = await build({
    stdin: { contents: `export { ${name} } from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    treeShaking: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const rows = [];
for (const name of ["createCompatClient", "withLegacyApi", "withModernApi"]) rows.push(await measure(name));
console.log("entry               minified  min+gzip");
for (const row of rows) console.log(`${row.name.padEnd(20)}${String(row.minified).padStart(8)} B${String(row.gzipped).padStart(8)} B`);
const main = rows[0];
console.log(`createCompatClient: ${main.gzipped} B min+gzip, budget ${budget} B: ${main.gzipped <= budget ? "ok" : "OVER"}`);
process.exitCode = main.gzipped <= budget ? 0 : 1;
