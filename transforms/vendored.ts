/**
 * The parser and visitor keys the codemod uses, from dist/vendor (scripts/vendor.mjs copies
 * them there at build time, so the installed package depends on no @babel/* package), or from
 * the development dependencies when the sources run unbuilt (tests).
 */
import type * as BabelParser from "@babel/parser";
import { createRequire } from "node:module";
import type { VisitorKeys } from "../engine/walk.js";
import { loadCommonJs } from "./code-cache.js";

const require = createRequire(import.meta.url);

function load<T>(vendored: string, fallback: () => T): T {
  try {
    return require(vendored) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
    return fallback();
  }
}

/**
 * The vendored parser through its code cache (transforms/code-cache.ts), which saves each
 * process compiling it; without the file (unbuilt sources; the playground, whose build swaps
 * code-cache.ts for a shim that finds no file), as any other module.
 */
function loadParser(): typeof BabelParser {
  try {
    return loadCommonJs(new URL("../vendor/babel-parser.cjs", import.meta.url)).exports as typeof BabelParser;
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
    return load("../vendor/babel-parser.cjs", () => require("@babel/parser") as typeof BabelParser);
  }
}

export const babelParser: typeof BabelParser = loadParser();

export const VISITOR_KEYS: VisitorKeys = load("../vendor/visitor-keys.json", () => (require("@typescript-eslint/visitor-keys") as { visitorKeys: VisitorKeys }).visitorKeys);
