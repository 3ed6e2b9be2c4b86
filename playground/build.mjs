// Builds the playground into dist-playground/, or the directory given as the one argument
// (`npm run build:playground`, after `npm run build`, whose dist/vendor holds the parser copy
// the CLI loads): index.html, engine.js (the engine, global `ddclientPlayground`) and app.js. Classic scripts, not modules, so the page
// also works opened as a file:// URL. The engine's few Node built-ins are swapped for the small
// shims in playground/shims at bundle time; the engine's own code is bundled as it is.
import { readFileSync, readdirSync, mkdirSync, copyFileSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shim = (name) => path.join(root, "playground", "shims", `${name}.ts`);
const EXAMPLES = path.join(root, "examples", "legacy-extension");

/** `playground:vendor` and `playground:examples`, the modules playground/virtual.d.ts declares. */
const virtualModules = {
  name: "playground-virtual",
  setup(build) {
    build.onResolve({ filter: /^playground:/ }, (args) => ({ path: args.path, namespace: "playground" }));
    // transforms/vendored.ts loads the parser through V8's code cache (node:vm, node:crypto): not in a page.
    build.onResolve({ filter: /\/code-cache\.js$/ }, () => ({ path: shim("code-cache") }));
    build.onLoad({ filter: /^playground:vendor$/, namespace: "playground" }, () => {
      const vendor = path.join(root, "dist", "vendor");
      if (!existsSync(path.join(vendor, "babel-parser.cjs"))) throw new Error("dist/vendor/babel-parser.cjs is missing: run `npm run build` first");
      const parser = JSON.stringify(path.join(vendor, "babel-parser.cjs"));
      const keys = JSON.stringify(path.join(vendor, "visitor-keys.json"));
      return { contents: `export * as babelParser from ${parser};\nexport { default as visitorKeys } from ${keys};`, resolveDir: root, loader: "js" };
    });
    build.onLoad({ filter: /^playground:examples$/, namespace: "playground" }, () => {
      const files = listFiles(path.join(EXAMPLES, "src")).map((file) => ({ file: path.relative(EXAMPLES, file).split(path.sep).join("/"), source: readFileSync(file, "utf8") }));
      return { contents: `export default ${JSON.stringify(files)};`, loader: "js", watchFiles: files.map((f) => path.join(EXAMPLES, f.file)) };
    });
  },
};

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

const { name, version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

/** Every option both bundles share: the browser, and the engine's Node built-ins shimmed. */
const common = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
  plugins: [virtualModules],
  alias: { "node:path": shim("path"), "node:fs": shim("fs"), "node:module": shim("module") },
  inject: [shim("process")],
  define: {
    PLAYGROUND_MANIFEST: JSON.stringify(JSON.stringify({ name, version })),
    // eslint-plugin/util/package.ts and transforms/vendored.ts resolve files from their own URL.
    "import.meta.url": JSON.stringify("file:///ddclient-migrate/playground/bundle.js"),
  },
};

/** `out`: dist-playground/ by default; the tests build into a directory of their own. */
export async function buildPlayground(out = path.join(root, "dist-playground")) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({ ...common, entryPoints: [path.join(root, "playground", "engine.ts")], globalName: "ddclientPlayground", outfile: path.join(out, "engine.js") });
  await esbuild.build({ ...common, entryPoints: [path.join(root, "playground", "app.ts")], outfile: path.join(out, "app.js") });
  copyFileSync(path.join(root, "playground", "index.html"), path.join(out, "index.html"));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = await buildPlayground(process.argv[2] && path.resolve(process.argv[2]));
  for (const file of readdirSync(dir)) console.log(`${path.relative(process.cwd(), path.join(dir, file))}  ${(readFileSync(path.join(dir, file)).length / 1024).toFixed(1)} KiB`);
}
