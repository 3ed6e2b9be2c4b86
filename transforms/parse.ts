/**
 * The codemod's parser: `@babel/parser` with its `estree` plugin, which gives the engine the
 * typescript-estree shapes the lint rules see (and `@babel/eslint-parser` gives Create React
 * App's ESLint for JavaScript). Measured on this project's bench corpus it parses a file in
 * about 0.8 ms against typescript-estree's 1.8 ms, with no dependency of its own; see the
 * README's "Benchmarks". Flow annotations in `.js` files are not read: such a file fails to
 * parse, and is reported and left untouched.
 */
import type { ParserOptions, ParserPlugin } from "@babel/parser";
import path from "node:path";
import type { TSESTree } from "../engine/ast.js";
import { createEngineFile, type EngineFile, type EngineOptions } from "../engine/file.js";
import { noteParse } from "./pass-log.js";
import { babelParser, VISITOR_KEYS } from "./vendored.js";

export type Language = "ts" | "js";

/** The node types of typescript-estree, which the estree plugin gives; anything else is walked by its own keys. */
export { VISITOR_KEYS };

const COMMON: ParserPlugin[] = [["estree", { classFeatures: true }], "decorators-legacy", "explicitResourceManagement"];
/** JavaScript may hold JSX (Create React App writes it in `.js`). */
const JS_PLUGINS: ParserPlugin[] = [...COMMON, "jsx"];
const TS_PLUGINS: ParserPlugin[] = [...COMMON, "typescript"];
const TSX_PLUGINS: ParserPlugin[] = [...COMMON, "jsx", "typescript"];

const BASE: ParserOptions = {
  sourceType: "unambiguous",
  allowImportExportEverywhere: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowSuperOutsideMethod: true,
  allowUndeclaredExports: true,
  errorRecovery: false,
  ranges: true,
  // Nothing reads a node's leading or trailing comments (`check` reads the file's list, which
  // Babel keeps either way), and attaching them costs every node of the parse.
  attachComment: false,
};

function pluginsFor(filePath: string): ParserPlugin[] {
  if (/\.[mc]?ts$/.test(filePath)) return TS_PLUGINS;
  if (/\.tsx$/.test(filePath)) return TSX_PLUGINS;
  return JS_PLUGINS;
}

export function languageOf(filePath: string): Language {
  return /\.[mc]?tsx?$/.test(filePath) ? "ts" : "js";
}

export class ParseError extends Error {}

/**
 * Programs the project pre-passes parsed, kept for the migration of the same file, which would
 * otherwise parse it again (a legacy module that may define a wrapper or call one is read by
 * both). A program is handed out only for the same path and the same text, and kept again while
 * keeping is on (the wrapper pass hands the client-module pass's to the migration); at most
 * `budget` characters of source are kept at a time, so memory stays bounded on any tree. The
 * tree is not changed by its readers (the engine only links parents, the same each time). The
 * store is the process's: runs at the same time in one process share it, which is safe since a
 * program is handed out only for its own text, and costs them only parses when one run drops it.
 */
const keptPrograms = new Map<string, { readonly text: string; readonly program: TSESTree.Program }>();
let keeping: { budget: number } | undefined;
let keptChars = 0;

/** From here on, each program parsed is kept (within `budget` characters of source) for the next parse of the same text. */
export function keepPrograms(budget: number): void {
  keeping = { budget };
}

/** No more programs are kept; those kept are still handed out. */
export function stopKeepingPrograms(): void {
  keeping = undefined;
}

/** Drops every kept program (the end of a run). */
export function dropKeptPrograms(): void {
  keeping = undefined;
  keptPrograms.clear();
  keptChars = 0;
}

function takeKept(source: string, key: string): TSESTree.Program | undefined {
  const kept = keptPrograms.get(key);
  if (!kept) return undefined;
  keptPrograms.delete(key);
  keptChars -= kept.text.length;
  return kept.text === source ? kept.program : undefined;
}

function keep(source: string, key: string, program: TSESTree.Program): void {
  if (!keeping || keptChars + source.length > keeping.budget) return;
  keptPrograms.set(key, { text: source, program });
  keptChars += source.length;
}

/** The program of `source` (no BOM), or a ParseError whose message ends with `(line:column)`. */
export function parseProgram(source: string, filePath: string): TSESTree.Program {
  const key = keptPrograms.size > 0 || keeping ? path.resolve(filePath) : "";
  const kept = keptPrograms.size > 0 ? takeKept(source, key) : undefined;
  if (kept) {
    keep(source, key, kept);
    return kept;
  }
  noteParse(filePath);
  try {
    const file = babelParser.parse(source, { ...BASE, plugins: pluginsFor(filePath) });
    // As ESLint's parsers give them (`Line`/`Block`), for `check`'s eslint-disable comments.
    const comments = (file.comments ?? []).map(({ type, value, start, end, loc }) => ({ type: type === "CommentLine" ? "Line" : "Block", value, range: [start, end], loc }));
    const program = Object.assign(file.program, { comments }) as unknown as TSESTree.Program;
    if (keeping) keep(source, key, program);
    return program;
  } catch (error) {
    const err = error as { message?: string; loc?: { line: number; column: number } };
    const message = err.message ?? String(error);
    if (!err.loc) throw new ParseError(message);
    // Babel ends its message with a 0-based column (`Unexpected token (4:0)`): every position we give is 1-based.
    throw new ParseError(`${message.replace(/\s*\(\d+:\d+\)$/, "")} (${err.loc.line}:${err.loc.column + 1})`);
  }
}

/** The engine's view of a file the codemod parsed itself (no BOM): its path resolved, its imports from there. */
export function parseEngineFile(text: string, filePath: string, options: Omit<EngineOptions, "filename"> = {}): EngineFile {
  return createEngineFile(parseProgram(text, filePath), text, VISITOR_KEYS, { ...options, filename: path.resolve(filePath) });
}
