// The CLI against what a user would otherwise pick, each timed as a whole process (start-up,
// walking, parsing, output) on the same generated tree:
//   (a) ddclient-migrate --dry --report json            the CLI, as a user runs it;
//   (b) jscodeshift with bench/naive-transform.cjs       the codemod a user would hand-write;
//   (c) ast-grep scan with bench/ast-grep/ rules         a fast name-based search of the calls;
//   (d) node bench/floor.mjs                             reading every file, nothing else.
// Runs are interleaved (a b c d a2, a b c d a2, …) so a change of machine load hits every
// command alike; a2 is (a) on a tree twice the size, for scaling. Then (a) alone on one ~5 MB
// generated bundle. Figures are medians; see report.mjs for the targets.
// (e) is `ddclient-migrate check --format json` on the same tree, the CI gate, in the same rounds.
// --against <package root> adds that build's (a) and (e) to every round, for an A/B in one run.
// Usage: npm run bench (defaults), or after `npm run build`: node bench/run.mjs [--files 10000] [--runs 3] [--keep] [--against /path/to/other/build]
// (`npm run bench -- --files N` would hand the flag to compat-size.mjs, the script's last command.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeBundle } from "./bundle.mjs";
import { generateCorpus } from "./corpus.mjs";
import { canMeasureMemory, measure } from "./measure.mjs";
import * as report from "./report.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const files = flag("files", 10_000);
const runs = flag("runs", 3);
const keep = process.argv.includes("--keep");
const againstAt = process.argv.indexOf("--against");
const against = againstAt > 0 ? path.resolve(process.argv[againstAt + 1]) : undefined;
if (!(files > 0) || !(runs >= 1)) throw new Error("--files and --runs take positive numbers");

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const cli = path.join(root, "dist", "bin", "ddclient-migrate.js");
for (const needed of [cli, bin("jscodeshift"), bin("ast-grep")]) {
  if (!fs.existsSync(needed)) {
    console.error(`missing ${path.relative(root, needed)}: run \`npm ci && npm run build\` first`);
    process.exit(1);
  }
}

/** Every v0 member of the table must be in (b)'s map and (c)'s rules, or they measure less. */
async function checkBaselinesCoverTable() {
  let DEPRECATIONS;
  try {
    ({ DEPRECATIONS } = await import(pathToFileURL(path.join(root, "dist", "deprecations", "table.js")).href));
  } catch (error) {
    console.warn(`warning: cannot read the deprecation table from dist/ (${error.message}); baselines not checked`);
    return [];
  }
  const { V1 } = createRequire(import.meta.url)("./naive-transform.cjs");
  const rules = fs.readdirSync(path.join(root, "bench/ast-grep/rules")).map((f) => fs.readFileSync(path.join(root, "bench/ast-grep/rules", f), "utf8"));
  const problems = [];
  for (const { id } of DEPRECATIONS) {
    if (!(id in V1)) problems.push(`naive-transform.cjs lacks ${id}`);
    const member = id.split(".").pop();
    for (const [i, rule] of rules.entries()) if (!new RegExp(`[(|]${member}[|)]`).test(rule)) problems.push(`ast-grep rule ${i} lacks ${member}`);
  }
  for (const problem of problems) console.warn(`warning: ${problem} (update it from deprecations/table.ts)`);
  return problems;
}

const started = Date.now();
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const loadStart = load();
const coverage = await checkBaselinesCoverTable();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-bench-"));
const tree = path.join(work, "tree");
const tree2 = path.join(work, "tree-2x");
console.log(`generating ${files.toLocaleString("en-US")} + ${(2 * files).toLocaleString("en-US")} files and a bundle in ${work}`);
const corpus = generateCorpus(tree, files);
const corpus2 = generateCorpus(tree2, 2 * files);
const bundle = writeBundle(path.join(work, "bundle"));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const describe =
  `${files.toLocaleString("en-US")} files (${corpus.legacy.toLocaleString("en-US")} with v0 calls), ${mb(corpus.bytes)}, ${corpus.lines.toLocaleString("en-US")} lines; ` +
  `2x tree ${(2 * files).toLocaleString("en-US")} files, ${mb(corpus2.bytes)}; bundle ${mb(bundle.bytes)}, ${bundle.lines.toLocaleString("en-US")} lines, ${bundle.modules} modules (${bundle.legacy} with v0)`;
console.log(describe);

// Outputs go to files, not pipes (they can be tens of MB); the last run's are read for sanity.
const out = (name) => path.join(work, name);
const cliArgs = (target, bin = cli) => [bin, target, "--dry", "--allow-dirty", "--report", "json"];
const checkArgs = (target, bin = cli) => [bin, "check", target, "--format", "json"];
const otherCli = against && path.join(against, "dist", "bin", "ddclient-migrate.js");
const COMMANDS = {
  a: { label: "(a) ddclient-migrate", file: process.execPath, args: cliArgs(tree), stdout: out("a.json") },
  b: {
    label: "(b) jscodeshift, naive transform",
    file: bin("jscodeshift"),
    // --fail-on-error: a file the parser rejects makes the run fail instead of being skipped.
    args: ["-t", "bench/naive-transform.cjs", tree, "--dry", "--silent", "--extensions=ts,tsx,js,jsx", "--parser=tsx", "--fail-on-error"],
  },
  c: { label: "(c) ast-grep scan", file: bin("ast-grep"), args: ["scan", "-c", "bench/ast-grep/sgconfig.yml", "--json=stream", tree], stdout: out("c.jsonl") },
  d: { label: "(d) read every file (floor)", file: process.execPath, args: ["bench/floor.mjs", tree] },
  e: { label: "(e) ddclient-migrate check", file: process.execPath, args: checkArgs(tree), stdout: out("e.json"), codes: [0, 3] },
  a2: { label: "(a) on the 2x tree", file: process.execPath, args: cliArgs(tree2), stdout: out("a2.json") },
  ...(otherCli
    ? {
        a0: { label: "(a) of --against", file: process.execPath, args: cliArgs(tree, otherCli), stdout: out("a0.json") },
        e0: { label: "(e) of --against", file: process.execPath, args: checkArgs(tree, otherCli), stdout: out("e0.json"), codes: [0, 3] },
      }
    : {}),
  bundle: { label: "(a) on the bundle alone", file: process.execPath, args: cliArgs(bundle.file), stdout: out("bundle.json") },
};
const shown = (c) => [c.file === process.execPath ? "node" : path.relative(root, c.file), ...c.args].join(" ").replaceAll(work + "/", "<tmp>/").replaceAll(root + "/", "");

async function run(key, round) {
  const c = COMMANDS[key];
  const result = await measure(c.file, c.args, { cwd: root, stdoutFile: c.stdout ?? "/dev/null", stderrFile: out(`${key}.stderr`) });
  const mem = result.sumKb === null ? "" : `, peak RSS ${Math.round((result.sumKb * 1024) / 1e6)} MB over ${result.processes} process(es)`;
  console.log(`  round ${round}/${runs}  ${c.label.padEnd(34)} ${(result.ms / 1000).toFixed(2).padStart(8)} s${mem}`);
  if (!(c.codes ?? [0]).includes(result.code)) {
    console.error(`\n${c.label} failed with exit code ${result.code}: ${shown(c)}\n${result.stderr.slice(-4000)}`);
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  return result;
}

const order = ["a", "e", ...(otherCli ? ["a0", "e0"] : []), "b", "c", "d", "a2"];
const results = Object.fromEntries([...order, "bundle"].map((key) => [key, []]));
console.log(`\n${runs} interleaved round(s) of ${order.join(" ")}${canMeasureMemory ? "" : " (no /proc: memory not measured)"}`);
for (let round = 1; round <= runs; round++) for (const key of order) results[key].push(await run(key, round));
// Up to `runs` runs, but a run over 3x the 10 s target is not repeated: the figure is then far
// from the target whatever its median, and a slow engine spends minutes a run on this file.
const BUNDLE_REPEAT_LIMIT_MS = 30_000;
console.log(`\n(a) alone on the bundle, up to ${runs} run(s)`);
for (let round = 1; round <= runs; round++) {
  results.bundle.push(await run("bundle", round));
  if (results.bundle.at(-1).ms > BUNDLE_REPEAT_LIMIT_MS) break;
}

// What the last runs found, so a fast figure cannot hide a run that skipped the work.
const notes = [];
const cliSummary = (file) => JSON.parse(fs.readFileSync(file, "utf8")).summary;
for (const [key, what] of [["a", "tree"], ["a2", "2x tree"], ["bundle", "bundle"]]) {
  const s = cliSummary(COMMANDS[key].stdout);
  notes.push(`(a) on the ${what}: ${s.files.scanned} files scanned, ${s.files.changed} would change, ${s.files.failed} failed; ${s.callSites.migrated} call sites migrated, ${s.callSites.manual} left for a person.`);
}
const matches = fs.readFileSync(COMMANDS.c.stdout, "utf8").split("\n").filter(Boolean).length;
if (results.bundle.length < runs) notes.push(`(a) on the bundle ran ${results.bundle.length} time(s), not ${runs}: a run over ${BUNDLE_REPEAT_LIMIT_MS / 1000} s (3x its target) is not repeated.`);
notes.push("(b) jscodeshift runs with --fail-on-error, so a run that completed parsed every file.");
notes.push(`(c) ast-grep matched ${matches} calls (names on any receiver, lookalikes included; bare destructured calls not).`);
if (coverage.length > 0) notes.push(`Baselines out of date with deprecations/table.ts: ${coverage.join("; ")}.`);

let commit = "unknown";
try {
  commit = execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
} catch {
  // not a git checkout
}
const keys = ["a", "b", "c", "d", "a2", "bundle", "e", ...(otherCli ? ["a0", "e0"] : [])];
const summaries = keys.map((key) => report.summarizeRuns(COMMANDS[key].label, shown(COMMANDS[key]), results[key]));
const [a, b, c, d, a2, bundleRun, e, a0, e0] = summaries;
const env = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  totalMemMB: os.totalmem() / 1e6,
  commit,
  loadStart,
  loadEnd: load(),
  elapsedS: Math.round((Date.now() - started) / 1000),
};
const result = {
  env,
  corpus: { files, legacy: corpus.legacy, bytes: corpus.bytes, lines: corpus.lines, files2x: 2 * files, bytes2x: corpus2.bytes, bundle: { ...bundle, file: undefined }, runs, order: order.join(" "), describe },
  summaries,
  figures: report.checks({ a, b, c, d, a2, bundle: bundleRun, e, a0, e0 }),
  notes,
  raw: Object.fromEntries(Object.entries(results).map(([key, list]) => [key, list.map(({ stderr, ...rest }) => rest)])),
};
report.print(result);
const written = report.write(path.join(root, "bench", "results"), result);
console.log(`\nwrote ${written.map((p) => path.relative(root, p)).join(", ")} in ${env.elapsedS} s (load average ${loadStart} at start, ${env.loadEnd} at end)`);
if (keep) console.log(`kept ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
