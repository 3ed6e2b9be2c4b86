// A synthetic tree of extension front ends, the same bytes on every run (seeded PRNG): many
// ordinary React/TypeScript/JavaScript modules and about 1 in `legacyEvery` using v0, the
// proportion a real tree has (most files never touch the client). The tree is a set of
// extensions of EXTENSION_FILES files each, each with its own client module and wrapper so
// cross-file resolution has the same work to do per file at every tree size.
import fs from "node:fs";
import path from "node:path";
import { rngFor } from "./prng.mjs";
import { apiModule, classComponent, component, hook } from "./templates-plain.mjs";
import { script, utils } from "./templates-util.mjs";
import { clientModule, legacyModule, wrapperModule } from "./templates-legacy.mjs";

const SEED = 0x5eed2024;
const EXTENSION_FILES = 250;

/** One ordinary module: { dir, ext, source }. Weights: what a UI source tree is mostly made of. */
function plainModule(r) {
  const kind = r.weighted([["component", 30], ["cra", 12], ["class", 3], ["hook", 12], ["api", 12], ["utils", 16], ["script", 5]]);
  switch (kind) {
    case "component": return { dir: "components", ext: "tsx", source: component(r, "tsx") };
    case "cra": return { dir: "pages", ext: r.chance(0.8) ? "js" : "jsx", source: component(r, "js") };
    case "class": return { dir: "pages", ext: "js", source: classComponent(r) };
    case "hook": return { dir: "hooks", ext: "ts", source: hook(r) };
    case "api": return { dir: "api", ext: "ts", source: apiModule(r) };
    case "utils": return { dir: "utils", ext: "ts", source: utils(r) };
    default: return { dir: "../scripts", ext: "js", source: script(r) };
  }
}

/** File `index` of the tree, independent of the tree's size: { rel, source, legacy }. */
export function corpusFile(index, legacyEvery = 5) {
  const extension = `ext-${String(Math.floor(index / EXTENSION_FILES)).padStart(3, "0")}/ui/src`;
  const slot = index % EXTENSION_FILES;
  if (slot === 0) return { rel: `${extension}/api/client.ts`, source: clientModule(), legacy: false };
  if (slot === 1) return { rel: `${extension}/api/shell.ts`, source: wrapperModule(), legacy: true };
  const r = rngFor(SEED, index);
  const legacy = r.chance(1 / legacyEvery);
  const file = legacy ? legacyModule(r) : plainModule(r);
  // The first exported name makes the file name, as people name modules after what they export.
  // The main export (component, API class, hook) comes after its helpers: take the last one.
  const exported = [...file.source.matchAll(/export (?:default )?(?:async )?(?:function|class) (\w+)/g)].map((m) => m[1]);
  const name = exported.filter((n) => /^[A-Z]|^use/.test(n)).pop() ?? exported.pop() ?? "module";
  return { rel: path.posix.normalize(`${extension}/${file.dir}/${name}${slot}.${file.ext}`), source: file.source, legacy };
}

/** Writes `files` modules under `dir`; returns their paths and what the tree holds. */
export function generateCorpus(dir, files, legacyEvery = 5) {
  const paths = [];
  let legacy = 0;
  let bytes = 0;
  let lines = 0;
  const made = new Set();
  for (let i = 0; i < files; i++) {
    const file = corpusFile(i, legacyEvery);
    const full = path.join(dir, file.rel);
    const parent = path.dirname(full);
    if (!made.has(parent)) fs.mkdirSync(parent, { recursive: true }), made.add(parent);
    fs.writeFileSync(full, file.source);
    paths.push(full);
    legacy += file.legacy ? 1 : 0;
    bytes += Buffer.byteLength(file.source);
    lines += file.source.split("\n").length - 1;
  }
  return { paths, legacy, bytes, lines };
}

/** The original API (paths only), kept for anything that imported it. */
export function writeCorpus(dir, files, legacyEvery = 5) {
  return generateCorpus(dir, files, legacyEvery).paths;
}
