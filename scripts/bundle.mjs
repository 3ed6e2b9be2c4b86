// Bundles the bin into one file at build time (after tsc and scripts/vendor.mjs), over tsc's
// dist/bin/ddclient-migrate.js. Node 20 resolves, reads and links each ES module on its own:
// a run on a 20-file extension loaded ~130 of them, which cost more CPU than its parses.
// One file with the runtime dependencies inlined took a quarter off that run's CPU time.
// The modules tsc wrote stay, for the package's exports (library, plugin, compat) and for the
// worker processes (cli/worker.js), which the bundle forks as before.
// The vendored parser stays a file of its own: the bundle requires it from ../vendor, the same
// path as from dist/transforms/, and transforms/vendored.ts loads it with its code cache.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, "dist", "bin", "ddclient-migrate.js");

const result = await build({
  entryPoints: [bin],
  outfile: bin,
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

// The inlined packages' licenses (MIT, BSD) ask that their notices travel with the copies.
const packages = [...new Set(Object.keys(result.metafile.inputs).flatMap((input) => {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? [match[1]] : [];
}))].sort();
const notices = packages.map((name) => {
  const dir = path.join(root, "node_modules", name);
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const licenseFile = fs.readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
  if (!licenseFile) throw new Error(`scripts/bundle.mjs: ${name} has no license file to ship with its bundled copy`);
  return `${name} ${version}:\n${fs.readFileSync(path.join(dir, licenseFile), "utf8").trim().replace(/\*\//g, "* /")}`;
});

const [output] = result.outputFiles;
const code = output.text.replace(/^#!.*\n/, "");
fs.writeFileSync(bin, `#!/usr/bin/env node\n/* ddclient-migrate's bin, bundled by scripts/bundle.mjs. It includes:\n\n${notices.join("\n\n")}\n*/\n${code}`);
