// The codemod's cost on a tree, as ratios measured in this one process:
//   1. files without v0: the cheap text check vs the full parse it saves;
//   2. files with v0: the migration vs the bare parse it needs anyway;
//   3. the whole tree with the check vs parsing every file;
//   4. the whole CLI run in-band vs with worker processes (what workers buy on this machine).
// Usage: npm run bench [-- --files 2000]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mayContainV0Call, migrateSource } from "../dist/transforms/migrate.js";
import { parseSource } from "../dist/transforms/lib/parse.js";
import { writeCorpus } from "./corpus.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = process.argv.indexOf("--files");
const files = flag > 0 ? Number(process.argv[flag + 1]) : 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-bench-"));
const paths = writeCorpus(dir, files);
const sources = paths.map((p) => [p, fs.readFileSync(p, "utf8")]);

function time(label, fn, runs = 5) {
  fn(); // warm-up: module loading and JIT are not what is measured
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const median = samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
  console.log(`${label.padEnd(46)} ${median.toFixed(0).padStart(7)} ms`);
  return median;
}

console.log(`corpus: ${files} .tsx files, 1 in 20 using v0 (${dir})\n`);
const plain = sources.filter(([, source]) => !mayContainV0Call(source));
const legacy = sources.filter(([, source]) => mayContainV0Call(source));

// 1. Files with no v0 call (most of a tree): the text check instead of a parse.
const check = time(`text check, ${plain.length} files without v0`, () => {
  for (const [, source] of plain) mayContainV0Call(source);
});
const parsePlain = time(`full parse, same ${plain.length} files`, () => {
  for (const [file, source] of plain) parseSource(source, file);
});
console.log(`  ratio parse / check: ${(parsePlain / check).toFixed(0)}x\n`);

// 2. Files with v0 calls: what the migration costs over the bare parse it needs anyway.
const migrateLegacy = time(`migrate ${legacy.length} files with v0`, () => {
  for (const [file, source] of legacy) migrateSource(source, file);
});
const parseLegacy = time(`full parse, same ${legacy.length} files`, () => {
  for (const [file, source] of legacy) parseSource(source, file);
});
console.log(`  ratio migrate / parse: ${(migrateLegacy / parseLegacy).toFixed(1)}x (${(migrateLegacy / legacy.length).toFixed(2)} ms a file)\n`);

// 3. The whole tree, as the CLI does it, against parsing every file first.
const whole = time("migrate whole tree (check first)", () => {
  for (const [file, source] of sources) migrateSource(source, file);
});
console.log(`  ratio (parse every file + migrate v0 files) / whole tree: ${((parsePlain + migrateLegacy) / whole).toFixed(1)}x`);

const cli = path.join(root, "dist/bin/ddclient-migrate.js");
const run = (args) => () => execFileSync(process.execPath, [cli, dir, "--dry", "--report", "json", ...args], { stdio: "pipe", env: { ...process.env, CI: "1" } });
console.log("");
const inBand = time("CLI --dry, in band", run(["--run-in-band"]), 1);
const cpus = Math.max(2, os.availableParallelism());
const workers = time(`CLI --dry, ${cpus} workers`, run(["--cpus", String(cpus), "--worker-threshold", "1"]), 1);
console.log(`\nratio in-band / workers: ${(inBand / workers).toFixed(2)}x on ${os.availableParallelism()} cores`);
fs.rmSync(dir, { recursive: true, force: true });
