/**
 * Parsing, per file type, with jscodeshift's own parsers (Babel). The codemod edits the
 * original text at node offsets instead of reprinting, so recast's reprint machinery is not
 * needed: untouched bytes survive by construction.
 */
import { createRequire } from "node:module";
import jscodeshift from "jscodeshift";
import type { Collection } from "jscodeshift/src/Collection.js";

const require = createRequire(import.meta.url);

export type Language = "ts" | "js";

interface BabelParser {
  parse(source: string): AstNode;
}

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

const parsers = new Map<string, BabelParser>();

function parserFor(name: string): BabelParser {
  let parser = parsers.get(name);
  if (!parser) {
    parser = require(`jscodeshift/parser/${name}`)() as BabelParser;
    parsers.set(name, parser);
  }
  return parser;
}

export function languageOf(filePath: string): Language {
  return /\.[mc]?tsx?$/.test(filePath) ? "ts" : "js";
}

export function parserNameOf(filePath: string): string {
  const extension = /\.[^./\\]+$/.exec(filePath)?.[0] ?? ".js";
  return PARSER_BY_EXTENSION[extension] ?? "babylon";
}

/** Parses `source` and wraps it in a jscodeshift Collection (for ast-types scopes). */
export function parseSource(source: string, filePath: string): { ast: AstNode; root: Collection<any> } {
  const ast = parserFor(parserNameOf(filePath)).parse(source);
  return { ast, root: jscodeshift(ast as any) };
}
