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
  return new ShownStyle(program, source, index, options);
}

/**
 * Each setting is read only when a planner asks: most files have nothing to write. The getters
 * stand on the class, not in an object literal: a literal's getters give each file its own
 * hidden class, which lives in old space until a full GC and holds the getters' closures over
 * the file's tree, so every tree outlived the scavenges and was promoted (docs/performance.md).
 */
class ShownStyle implements FileStyle {
  readonly language: Language;
  readonly quote: '"' | "'";
  readonly tabWidth: number;
  readonly rawArgs: boolean;
  readonly text: string;
  readonly lineIndent: (offset: number) => string;
  readonly #program: TSESTree.Program;
  readonly #index: FileIndex;
  readonly #settings: StyleSettings;
  #indentUnit: string | undefined;
  #semicolons: boolean | undefined;
  #trailingComma: TrailingComma | undefined;
  #printWidth: number | undefined;

  constructor(program: TSESTree.Program, source: string, index: FileIndex, options: { filename: string; rawArgs?: boolean; style?: StyleSettings }) {
    const settings = options.style ?? {};
    this.language = /\.[mc]?tsx?$/.test(options.filename) ? "ts" : "js";
    this.quote = settings.quote ?? (index.quotes.single > index.quotes.double ? "'" : '"');
    this.tabWidth = settings.tabWidth ?? DEFAULT_TAB_WIDTH;
    this.rawArgs = options.rawArgs === true;
    this.text = source;
    // An own function: a planner may call it detached from the style.
    this.lineIndent = (offset) => lineIndent(source, offset);
    this.#program = program;
    this.#index = index;
    this.#settings = settings;
  }

  get indentUnit(): string {
    return (this.#indentUnit ??= this.#settings.indentUnit ?? detectIndentUnit(this.text));
  }

  get semicolons(): boolean {
    return (this.#semicolons ??= this.#settings.semicolons ?? showsSemicolons(this.#program, this.#index, this.text));
  }

  get trailingComma(): TrailingComma {
    return (this.#trailingComma ??= this.#settings.trailingComma ?? showsTrailingComma(this.text));
  }

  get printWidth(): number {
    return (this.#printWidth ??= this.#settings.printWidth ?? showsWidth(this.text, this.tabWidth));
  }
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
