/**
 * Parsing, per file type, with jscodeshift's parser settings (Babel, its plugin lists). The
 * codemod edits the original text at node offsets instead of reprinting, so neither recast's
 * reprint machinery nor the token list it needs is wanted: without `tokens` Babel parses about
 * twice as fast, and untouched bytes survive by construction.
 */
import { parse as babelParse, type ParserOptions } from "@babel/parser";
import { createRequire } from "node:module";
import jscodeshift from "jscodeshift";
import type { Collection } from "jscodeshift/src/Collection.js";

const require = createRequire(import.meta.url);
const TS_OPTIONS = require("jscodeshift/parser/tsOptions") as ParserOptions;

/** jscodeshift's `babylon` settings (not exported by it): JavaScript with JSX and Flow. */
const JS_PLUGINS: ParserOptions["plugins"] = [
  ["flow", { all: true }],
  "flowComments",
  "jsx",
  "asyncGenerators",
  "bigInt",
  "classProperties",
  "classPrivateProperties",
  "classPrivateMethods",
  ["decorators", { decoratorsBeforeExport: false }],
  "doExpressions",
  "dynamicImport",
  "exportDefaultFrom",
  "exportNamespaceFrom",
  "functionBind",
  "functionSent",
  "importMeta",
  "logicalAssignment",
  "nullishCoalescingOperator",
  "numericSeparator",
  "objectRestSpread",
  "optionalCatchBinding",
  "optionalChaining",
  ["pipelineOperator", { proposal: "minimal" }],
  "throwExpressions",
];

const OPTIONS: Record<string, ParserOptions> = {
  ts: { ...TS_OPTIONS, tokens: false },
  tsx: { ...TS_OPTIONS, tokens: false, plugins: ["jsx", ...(TS_OPTIONS.plugins ?? [])] },
  babylon: { ...TS_OPTIONS, tokens: false, plugins: JS_PLUGINS },
};

export type Language = "ts" | "js";


/** Babel nodes as parsed: every node has offsets into the source. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number } };
  // Babel's node shapes are many; the wing reads them by `type` like jscodeshift transforms do.
  [key: string]: any;
}

const PARSER_BY_EXTENSION: Record<string, string> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "babylon",
  ".jsx": "babylon",
  ".mjs": "babylon",
  ".cjs": "babylon",
};

export function languageOf(filePath: string): Language {
  return /\.[mc]?tsx?$/.test(filePath) ? "ts" : "js";
}

export function parserNameOf(filePath: string): string {
  const extension = /\.[^./\\]+$/.exec(filePath)?.[0] ?? ".js";
  return PARSER_BY_EXTENSION[extension] ?? "babylon";
}

/** Parses `source` and wraps it in a jscodeshift Collection (for ast-types scopes). */
export function parseSource(source: string, filePath: string): { ast: AstNode; root: Collection<any> } {
  const ast = babelParse(source, OPTIONS[parserNameOf(filePath)]) as unknown as AstNode;
  return { ast, root: jscodeshift(ast as any) };
}
