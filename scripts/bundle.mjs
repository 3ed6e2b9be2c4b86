// Bundles the bin, and the worker process it forks, each into one file at build time (after tsc
// and scripts/vendor.mjs), over tsc's output. Node 20 resolves, reads and links each ES module
// on its own: a run on a 20-file extension loaded ~130 of them, which cost more CPU than its
// parses. One file with the runtime dependencies inlined took a quarter off that run's CPU time,
// and half off a worker's start. The other modules tsc wrote stay, for the package's exports
// (library, plugin, compat).
// The vendored parser stays a file of its own: the bundle requires it from ../vendor, the same
// path as from dist/transforms/, and transforms/vendored.ts loads it with its code cache.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Each process's entry module, bundled over tsc's output: the bin, and the worker it forks for large trees. */
const ENTRIES = {
  "bin/ddclient-migrate.js": "ddclient-migrate's bin",
  "cli/worker.js": "ddclient-migrate's worker process (cli/pool.ts forks it)",
};

for (const [entry, what] of Object.entries(ENTRIES)) {
  const file = path.join(root, "dist", entry);
  const result = await build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    metafile: true,
    write: false,
    logLevel: "warning",
    // commander is CommonJS: its require("node:events") needs a `require` in the ES module.
    banner: { js: 'import { createRequire as __bundleRequire } from "node:module";\nconst require = __bundleRequire(import.meta.url);' },
  });
  const [output] = result.outputFiles;
  const shebang = /^#!.*\n/.exec(output.text)?.[0] ?? "";
  fs.writeFileSync(file, `${shebang}/* ${what}, bundled by scripts/bundle.mjs. It includes:\n\n${noticesOf(result.metafile).join("\n\n")}\n*/\n${output.text.slice(shebang.length)}`);
}

/**
 * The inlined packages' licenses (MIT, BSD), whose notices must travel with the copies: each
 * package named by the last `node_modules/` of an input, read from the copy that was inlined
 * (a nested dependency is its own package, with its own version and license).
 */
function noticesOf(metafile) {
  const packageDirs = [...new Set(Object.keys(metafile.inputs).flatMap((input) => {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    return match ? [match[1]] : [];
  }))];
  const packages = packageDirs.map((dir) => ({ dir: path.resolve(root, dir), name: /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(dir)[1] }));
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.dir < b.dir ? -1 : 1));
  return packages.map(({ dir, name }) => {
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const licenseFile = fs.readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
    if (!licenseFile) throw new Error(`scripts/bundle.mjs: ${name} has no license file to ship with its bundled copy`);
    return `${name} ${version}:\n${fs.readFileSync(path.join(dir, licenseFile), "utf8").trim().replace(/\*\//g, "* /")}`;
  });
}
