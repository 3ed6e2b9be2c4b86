// Same findings and same bytes: runs two builds of the CLI over the same trees and compares
// their outputs byte for byte (`--dry --report json`, the `--dry` diff, `check --format json`).
// Usage: node bench/compare.mjs <other package root, e.g. /work/base19> <tree>...
// Exits 1 when any output differs, naming the first differing line.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [other, ...trees] = process.argv.slice(2);
if (!other || trees.length === 0) {
  console.error("usage: node bench/compare.mjs <other package root> <tree>...");
  process.exit(2);
}
const RUNS = {
  "dry json": (tree) => [tree, "--dry", "--allow-dirty", "--report", "json"],
  "dry diff": (tree) => [tree, "--dry", "--allow-dirty"],
  "check json": (tree) => ["check", tree, "--format", "json"],
};
const run = (root, args, cwd) => {
  const result = spawnSync(process.execPath, [path.join(root, "dist", "bin", "ddclient-migrate.js"), ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, out: result.stdout, err: result.stderr };
};
let differ = 0;
for (const tree of trees) {
  const cwd = path.dirname(path.resolve(tree));
  for (const [name, args] of Object.entries(RUNS)) {
    const a = run(other, args(path.basename(tree)), cwd);
    const b = run(here, args(path.basename(tree)), cwd);
    const same = a.code === b.code && a.out === b.out;
    if (!same) {
      differ++;
      const la = a.out.split("\n");
      const lb = b.out.split("\n");
      const at = la.findIndex((line, i) => line !== lb[i]);
      console.log(`${tree} ${name}: DIFFERENT (exit ${a.code} vs ${b.code}; line ${at + 1}: ${JSON.stringify(la[at])} vs ${JSON.stringify(lb[at])})`);
    } else console.log(`${tree} ${name}: same (exit ${a.code}, ${a.out.length} bytes)`);
  }
}
process.exit(differ ? 1 : 0);
