/**
 * The parser and visitor keys the codemod uses, from dist/vendor (scripts/vendor.mjs copies
 * them there at build time, so the installed package depends on no @babel/* package), or from
 * the development dependencies when the sources run unbuilt (tests).
 */
import type * as BabelParser from "@babel/parser";
import { createRequire } from "node:module";
import type { VisitorKeys } from "../engine/walk.js";

const require = createRequire(import.meta.url);

function load<T>(vendored: string, fallback: () => T): T {
  try {
    return require(vendored) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== "MODULE_NOT_FOUND") throw error;
    return fallback();
  }
}

export const babelParser: typeof BabelParser = load("../vendor/babel-parser.cjs", () => require("@babel/parser") as typeof BabelParser);

export const VISITOR_KEYS: VisitorKeys = load("../vendor/visitor-keys.json", () => (require("@typescript-eslint/visitor-keys") as { visitorKeys: VisitorKeys }).visitorKeys);
