// The codemod's cost on a tree, as ratios measured in this one process:
//   1. the cheap text check before parsing vs parsing every file (what the check saves);
//   2. the whole CLI run in-band vs with worker processes (what workers buy on this machine).
// Usage: npm run bench [-- --files 2000]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateSource } from "../dist/transforms/migrate.js";
import { parseSource } from "../dist/transforms/lib/parse.js";
import { writeCorpus } from "./corpus.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = process.argv.indexOf("--files");
const files = flag > 0 ? Number(process.argv[flag + 1]) : 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-bench-"));
const paths = writeCorpus(dir, files);
const sources = paths.map((p) => [p, fs.readFileSync(p, "utf8")]);

function time(label, fn, runs = 3) {
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
const withCheck = time("migrate every file (text check first)", () => {
  for (const [file, source] of sources) migrateSource(source, file);
});
const parseAll = time("parse every file (no text check)", () => {
  for (const [file, source] of sources) parseSource(source, file);
});
console.log(`\nratio parse-all / migrate-with-check: ${(parseAll / withCheck).toFixed(1)}x`);

const cli = path.join(root, "dist/bin/ddclient-migrate.js");
const run = (args) => () => execFileSync(process.execPath, [cli, dir, "--dry", "--report", "json", ...args], { stdio: "pipe", env: { ...process.env, CI: "1" } });
console.log("");
const inBand = time("CLI --dry, in band", run(["--run-in-band"]), 1);
const cpus = Math.max(2, os.availableParallelism());
const workers = time(`CLI --dry, ${cpus} workers`, run(["--cpus", String(cpus), "--worker-threshold", "1"]), 1);
console.log(`\nratio in-band / workers: ${(inBand / workers).toFixed(2)}x on ${os.availableParallelism()} cores`);
fs.rmSync(dir, { recursive: true, force: true });
