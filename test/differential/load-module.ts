/**
 * Loads a fixture file as a module: esbuild bundles it (loader by extension) with `react`,
 * `react/jsx-runtime` and `@docker/extension-api-client` replaced by stubs that reach the
 * current run through `globalThis.__differential`, writes it to a temp .mjs and imports it,
 * a fresh module instance per run (module-level code reads the installed host).
 */
import { build, type Loader, type Plugin } from "esbuild";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const LOADER: Record<string, Loader> = { ts: "ts", mts: "ts", cts: "ts", tsx: "tsx", js: "js", mjs: "js", cjs: "js", jsx: "jsx" };

const STUBS: Record<string, string> = {
  react: `
    export function useState(initial) { return globalThis.__differential.useState(initial); }
    export function useEffect(effect) { effect(); }
    export function useCallback(fn) { return fn; }
    export default { useState, useEffect, useCallback };`,
  "react/jsx-runtime": `
    const element = (type, props, key) => ({ type: typeof type === "string" ? type : String(type && type.name), props, key });
    export const jsx = element, jsxs = element, Fragment = "Fragment";`,
  "project-module": `
    const client = globalThis.__differential.client;
    export const ddClient = client;
    export { client };
    export function useDockerDesktopClient() { return client; }
    export function useClient() { return client; }
    export function createDockerDesktopClient() { return client; }
    export default client;`,
  "@docker/extension-api-client": `
    export function createDockerDesktopClient() { return globalThis.__differential.client; }`,
};

const COMPAT = path.resolve(import.meta.dirname, "../../compat/index.ts");
/** The compat layer's own modules resolve as esbuild resolves them. */
const REPO_SOURCE = path.resolve(import.meta.dirname, "../..");

function existingModule(base: string): { path: string } | undefined {
  // `./client.js` names `./client.ts` in a TypeScript project (a generated program's client module).
  const bases = base.endsWith(".js") ? [base, base.slice(0, -".js".length)] : [base];
  const file = bases
    .flatMap((stem) => ["", ".ts", ".tsx", ".js", ".jsx", "/index.ts", "/index.js"].map((suffix) => stem + suffix))
    .find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  return file ? { path: file } : undefined;
}

const stubs: Plugin = {
  name: "differential-stubs",
  setup(on) {
    on.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (args.path in STUBS) return { path: args.path, namespace: "stub" };
      // The package's own compat layer, bundled from its source.
      if (args.path === "ddclient-migrate/compat") return { path: COMPAT };
      if (args.importer.startsWith(REPO_SOURCE) && !args.importer.includes(`${path.sep}test${path.sep}`)) return undefined;
      // A project module of the fixture's folder (test/fixtures/clients/lib) is bundled as it is;
      // one that is not there (`./hooks`, `./client`) gets the conventional client exports.
      if (args.path.startsWith(".")) return existingModule(path.join(args.resolveDir, args.path)) ?? { path: "project-module", namespace: "stub" };
      if (args.path === "@docker/extension-api-client-types") return { path: args.path, namespace: "stub-empty" };
      return { errors: [{ text: `fixture imports ${args.path}: no stub for it` }] };
    });
    on.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: STUBS[args.path], loader: "js" }));
    on.onLoad({ filter: /.*/, namespace: "stub-empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/**
 * Node's own `import()`, out of vitest's sight: vitest would transform every fresh instance of a
 * bundle again (a module of its own per `?run=`): a third of the differential file's CPU. The
 * bundle imports nothing, so vitest has nothing to resolve or mock in it.
 */
const nativeImport = createRequire(import.meta.url)("./native-import.cjs") as (url: string) => Promise<Record<string, unknown>>;

let tempDir: string | undefined;
let counter = 0;

/** Bundles a fixture once; each call of the returned loader imports a fresh instance. */
export async function compileFixture(file: string): Promise<() => Promise<Record<string, unknown>>> {
  const extension = path.extname(file).slice(1);
  const result = await build({
    stdin: { contents: fs.readFileSync(file, "utf8"), loader: LOADER[extension] ?? "ts", sourcefile: path.basename(file), resolveDir: path.dirname(file) },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    jsx: "automatic",
    logLevel: "silent",
    plugins: [stubs],
  });
  tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-differential-"));
  const out = path.join(tempDir, `${path.basename(file).replace(/\W+/g, "-")}-${counter++}.mjs`);
  fs.writeFileSync(out, result.outputFiles[0]!.text);
  const url = pathToFileURL(out).href;
  let run = 0;
  return async () => {
    const namespace = await nativeImport(`${url}?run=${run++}`);
    // A CommonJS fixture bundled as ESM: its `module.exports` is the default export.
    const keys = Object.keys(namespace);
    if (keys.length === 1 && keys[0] === "default" && typeof namespace.default === "object" && namespace.default !== null) {
      return namespace.default as Record<string, unknown>;
    }
    return namespace;
  };
}

export function removeTempDir(): void {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
