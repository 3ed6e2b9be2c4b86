/**
 * `node:module` for the browser bundle: transforms/vendored.ts loads the parser with
 * `createRequire(import.meta.url)("../vendor/babel-parser.cjs")`. Here that request gets the
 * same vendored copy from dist/vendor (built by `npm run build`), so the page parses with the
 * very file the installed CLI does.
 */
import { babelParser, visitorKeys } from "playground:vendor";

const MODULES: Readonly<Record<string, unknown>> = { "babel-parser.cjs": babelParser, "visitor-keys.json": visitorKeys };

export function createRequire(_from: string | URL): (request: string) => unknown {
  return (request) => {
    const vendored = /\/vendor\/([^/]+)$/.exec(request)?.[1];
    if (vendored && vendored in MODULES) return MODULES[vendored];
    throw Object.assign(new Error(`Cannot find module '${request}' in the playground bundle`), { code: "MODULE_NOT_FOUND" });
  };
}

export default { createRequire };
