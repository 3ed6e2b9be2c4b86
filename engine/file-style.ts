/**
 * A file's style as the planners write in it: its formatter's settings when the CLI found them
 * (cli/style-config), otherwise what the file shows. The lint rule reads no config file: it
 * goes by what the file shows.
 */
import type { FileStyle, Language, StyleSettings } from "../core/call-site.js";
import type { TrailingComma } from "../core/layout-arguments.js";
import { detectIndentUnit, lineIndent } from "../core/text.js";
import type { Node, TSESTree } from "./ast.js";
import type { FileIndex } from "./walk.js";

/** Widths projects set (Prettier's default first): a file's longest line tells which it keeps. */
const COMMON_WIDTHS = [80, 100, 120, 140, 160];
const DEFAULT_TAB_WIDTH = 2;

export function fileStyleOf(program: TSESTree.Program, source: string, index: FileIndex, options: { filename: string; rawArgs?: boolean; style?: StyleSettings }): FileStyle {
  const settings = options.style ?? {};
  const language: Language = /\.[mc]?tsx?$/.test(options.filename) ? "ts" : "js";
  // Each is read only when a planner asks: most files have nothing to write.
  let indentUnit: string | undefined;
  let semicolons: boolean | undefined;
  let trailingComma: TrailingComma | undefined;
  let printWidth: number | undefined;
  const tabWidth = settings.tabWidth ?? DEFAULT_TAB_WIDTH;
  return {
    language,
    quote: settings.quote ?? (index.quotes.single > index.quotes.double ? "'" : '"'),
    get indentUnit() {
      return (indentUnit ??= settings.indentUnit ?? detectIndentUnit(source));
    },
    get semicolons() {
      return (semicolons ??= settings.semicolons ?? showsSemicolons(program, index, source));
    },
    get trailingComma() {
      return (trailingComma ??= settings.trailingComma ?? showsTrailingComma(source));
    },
    get printWidth() {
      return (printWidth ??= settings.printWidth ?? showsWidth(source, tabWidth));
    },
    tabWidth,
    rawArgs: options.rawArgs === true,
    lineIndent: (offset) => lineIndent(source, offset),
    text: source,
  };
}

const ENDS_WITH_SEMICOLON_OR_NOT = new Set(["ImportDeclaration", "ExpressionStatement", "VariableDeclaration", "ReturnStatement", "ThrowStatement"]);

/** Most statements that may end with `;` do (and a file that shows none either way gets them). */
function showsSemicolons(program: TSESTree.Program, index: FileIndex, source: string): boolean {
  const statements = new Set<Node>();
  for (const statement of program.body) if (ENDS_WITH_SEMICOLON_OR_NOT.has(statement.type)) statements.add(statement);
  for (const call of index.calls) if (call.parent?.type === "ExpressionStatement") statements.add(call.parent);
  let withSemicolon = 0;
  for (const statement of statements) if (source.charCodeAt(statement.range[1] - 1) === 59) withSemicolon++;
  return withSemicolon * 2 >= statements.size;
}

/**
 * A list broken one element per line ends with a comma or not: `all` when calls' arguments do,
 * `es5` when arrays and objects do, or when only calls show and end without one (Prettier 2's
 * default), `none` when arrays end without one. Prettier's default (`all`) when the file shows
 * no broken list.
 */
function showsTrailingComma(source: string): TrailingComma {
  const count = (pattern: RegExp): number => source.match(pattern)?.length ?? 0;
  const callsWith = count(/,[ \t]*\r?\n[ \t]*\)/g);
  const callsWithout = count(/[\w"'`\]][ \t]*\r?\n[ \t]*\)/g);
  const listsWith = count(/,[ \t]*\r?\n[ \t]*[\]}]/g);
  const arraysWithout = count(/[\w"'`)][ \t]*\r?\n[ \t]*\]/g);
  if (callsWith > 0 && callsWith >= callsWithout) return "all";
  if (listsWith > 0 && listsWith >= arraysWithout) return "es5";
  if (arraysWithout > 0) return "none";
  return callsWithout > 0 ? "es5" : "all";
}

/**
 * A file that breaks lists to fit a width (a line ending with `(` or `[`) keeps the first of
 * the common widths its longest line fits in; a file that shows no such break, or lines longer
 * than all of them, shows no width.
 */
function showsWidth(source: string, tabWidth: number): number {
  if (!/[([][ \t]*\r?\n/.test(source)) return Infinity;
  // Lines as `\r?\n` breaks them, measured in code points (a tab as `tabWidth`), without
  // splitting the file into strings.
  let longest = 0;
  let width = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      if (i > 0 && source.charCodeAt(i - 1) === 13) width--;
      if (width > longest) longest = width;
      width = 0;
    } else if (code === 9) {
      width += tabWidth;
    } else if (!isLowSurrogate(code) || i === 0 || !isHighSurrogate(source.charCodeAt(i - 1))) {
      width++;
    }
  }
  if (width > longest) longest = width;
  return COMMON_WIDTHS.find((width) => longest <= width) ?? Infinity;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
