/**
 * Splits a v0 command line into words the way a POSIX shell (`sh -c`) would, without running
 * one, and refuses every construct the shell would have done more with than split words
 * (operators, expansions, substitutions), since v1's `exec(cmd, args)` runs no shell.
 * Where dash and bash (either may be the host's `sh`) read a character as plain text, so does
 * this: `ls "$"`, `ls a[` and `echo a$ b` are accepted as the shells read them.
 *
 * The line is a list of segments because it comes from JavaScript: literal text (a string
 * literal's value, a template's cooked quasis) and opaque interpolations (`${id}`, `+ id +`).
 */
export type LineSegment =
  | { readonly kind: "text"; readonly text: string }
  /** An interpolation whose value is unknown: it stays one piece of the word it touches. */
  | { readonly kind: "expr"; readonly id: number }
  /**
   * An interpolation whose value is known. JavaScript pasted it into the line before the shell
   * ran, so the shell read it like the text around it: split at blanks, globbed, and quotes,
   * backslashes and operators in it acted too. Its pieces carry `fromExpansion`.
   */
  | { readonly kind: "expansion"; readonly id: number; readonly text: string };

export type Quoting = "none" | "single" | "double";

export type WordPiece =
  /** `value` is what the program receives; `raw` is the shell text it came from, quotes included. */
  | { readonly kind: "text"; readonly value: string; readonly raw: string; readonly quoting: Quoting; readonly fromExpansion?: number }
  | { readonly kind: "expr"; readonly id: number; readonly quoting: Quoting };

export interface Word {
  readonly pieces: readonly WordPiece[];
}

export type SplitRefusal = "shell-operator" | "shell-expansion" | "shell-variable" | "env-assignment" | "unterminated-quote" | "ambiguous-escape";

export type SplitResult =
  | { readonly ok: true; readonly words: readonly Word[] }
  | { readonly ok: false; readonly reason: SplitRefusal; readonly operator: string };

const BLANK = new Set([" ", "\t"]);
const OPERATOR_START = new Set(["|", "&", ";", "<", ">", "(", ")", "\n"]);
/** Always a pattern; `[` only when an unquoted `]` closes it (see {@link checkBracket}). */
const GLOB = new Set(["*", "?"]);
/** Reserved words of dash and bash (`bash -c 'compgen -k'`): either may be the host's `sh`. */
const RESERVED_FIRST_WORDS = new Set(["!", "{", "}", "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "function", "[[", "]]", "select", "time", "coproc"]);
/** Inside double quotes a backslash escapes only these; before anything else it is literal. */
const DOUBLE_QUOTE_ESCAPABLE = new Set(["$", "`", '"', "\\", "\n"]);
/**
 * Outside quotes a backslash before one of these quotes it, a use only a shell has: POSIX's
 * list of characters to quote (XCU 2.2: operators, quotes, blanks, `$`, globs, `#`, `~`, `=`,
 * `%`), bash's brace expansion (`{`, `,`, `}`), the `]` of a bracket, bash's `!`, and `:`
 * (bash expands `~` after one in `PATH=a:~`). Before any other character (`C:\Program Files`,
 * `\d`, `\é`, `\-x`) the shell drops a backslash that a host without one keeps: which was
 * meant is unknown.
 */
const SHELL_ESCAPABLE = new Set([..."|&;<>()$`\\\"' \t*?[]#~=%{},!:"]);
/** What a `$` starts in dash or bash: a name, a digit, a special parameter, `${`, `$(`, bash's `$[…]`. */
const DOLLAR_EXPANDS = /^[A-Za-z_0-9@*#?\-$!{(\[]$/;

class Refusal extends Error {
  constructor(readonly reason: SplitRefusal, readonly operator: string) {
    super(`${reason}: ${operator}`);
  }
}

/**
 * The line as the shell saw it: one character at a time (with the known interpolation it came
 * from), unknown interpolations opaque. Lookahead (`$x`, `\x`, `&&`) thus crosses segments.
 */
type Item = { readonly ch: string; readonly from?: number } | { readonly expr: number };
/** The character after an item: undefined at the end of the line, null before an unknown interpolation. */
type Next = string | null | undefined;

/**
 * The character after item `i` as the shell reads it. A backslash-newline is gone before
 * anything else is read, so `$\<newline>HOME` is `$HOME`; the character a backslash escapes
 * is the very next one (`\\<newline>`).
 */
function nextOf(items: readonly Item[], i: number, escaping: boolean): Next {
  let j = i + 1;
  while (!escaping && isContinuation(items, j)) j += 2;
  const after = items[j];
  return after === undefined ? undefined : "expr" in after ? null : after.ch;
}

function isContinuation(items: readonly Item[], j: number): boolean {
  const [first, second] = [items[j], items[j + 1]];
  return first !== undefined && "ch" in first && first.ch === "\\" && second !== undefined && "ch" in second && second.ch === "\n";
}

function toItems(segments: readonly LineSegment[]): Item[] {
  const items: Item[] = [];
  for (const segment of segments) {
    if (segment.kind === "expr") items.push({ expr: segment.id });
    else for (const ch of segment.text) items.push(segment.kind === "expansion" ? { ch, from: segment.id } : { ch });
  }
  return items;
}

/** A two-character operator where the shell has one (`&&`, `||`, `>>`, `;;`, `<<`, `>&`, `<&`, `>|`). */
function operatorAt(ch: string, next: Next): string {
  const two = ch + (next ?? "");
  return ["&&", "||", ">>", ";;", "<<", ">&", "<&", ">|", "<>"].includes(two) ? two : ch === "\n" ? "newline" : ch;
}

/**
 * `$(`, `$((`, `${`, `$NAME`, `$1`, `$@`, bash's `$[1+1]`, and outside quotes bash's `$'…'` and
 * `$"…"` (dash reads those as a literal `$`). Before anything else (`$ `, `$%`, `$é`, `"a$"`,
 * the end) the `$` is literal in both. Before an unknown interpolation it is refused: `"$" +
 * name` was `$NAME` to the shell.
 */
function checkDollar(next: Next, quoting: Quoting): void {
  if (next === undefined) return;
  if (next === "(") throw new Refusal("shell-operator", "$(");
  if (next === null || DOLLAR_EXPANDS.test(next) || (quoting === "none" && (next === "'" || next === '"'))) throw new Refusal("shell-variable", "$" + (next ?? ""));
}

class WordBuilder {
  private pieces: WordPiece[] = [];
  started = false;
  /** Brace expansion (bash, not dash): an unquoted `{`, then an unquoted `,` or `..`, in this word. */
  braceOpen = false;
  braceSeparator = false;
  /** The raw text since an unquoted `[` of this word, while no `]` has closed it (see {@link checkBracket}). */
  bracket: string | undefined;

  addText(value: string, raw: string, quoting: Quoting, fromExpansion?: number): void {
    this.started = true;
    if (this.bracket !== undefined) this.bracket += raw;
    const last = this.pieces[this.pieces.length - 1];
    if (last?.kind === "text" && last.quoting === quoting && last.fromExpansion === fromExpansion) {
      this.pieces[this.pieces.length - 1] = { ...last, value: last.value + value, raw: last.raw + raw };
    } else {
      this.pieces.push(fromExpansion === undefined ? { kind: "text", value, raw, quoting } : { kind: "text", value, raw, quoting, fromExpansion });
    }
  }

  addExpr(id: number, quoting: Quoting): void {
    this.started = true;
    this.pieces.push({ kind: "expr", id, quoting });
  }

  /**
   * Would an unquoted `~` here be a home directory? At the start of a word (both shells), and
   * in a word that starts `NAME=` right after that `=` or an unquoted `:` (bash, which reads
   * such an argument like an assignment: `x=~`, `PATH=a:~/bin`; not `--dir=~` or `a:~`).
   */
  tildeExpands(): boolean {
    if (this.pieces.length === 0) return true;
    const prefix = unquotedPrefix(this.pieces);
    const last = this.pieces[this.pieces.length - 1]!;
    if (prefix === undefined || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(prefix) || last.kind !== "text" || last.quoting !== "none") return false;
    return last.raw.endsWith(":") || (this.pieces.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*=$/.test(prefix));
  }

  take(): Word {
    const word = { pieces: this.pieces };
    this.pieces = [];
    this.started = false;
    this.braceOpen = false;
    this.braceSeparator = false;
    this.bracket = undefined;
    return word;
  }
}

/** The raw text of a word's leading unquoted text pieces (known interpolations included: the shell read them as text). */
function unquotedPrefix(pieces: readonly WordPiece[]): string | undefined {
  let prefix = "";
  for (const piece of pieces) {
    if (piece.kind !== "text" || piece.quoting !== "none") break;
    prefix += piece.raw;
  }
  return prefix === "" && pieces.length > 0 ? undefined : prefix;
}

export function splitCommandLine(segments: readonly LineSegment[]): SplitResult {
  try {
    return { ok: true, words: lex(toItems(segments)) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, operator: error.operator };
    throw error;
  }
}

function lex(items: readonly Item[]): Word[] {
  const words: Word[] = [];
  const word = new WordBuilder();
  let quoting: Quoting = "none";

  const endWord = (): void => {
    if (!word.started) return;
    const built = word.take();
    checkWord(built, words.length === 0);
    words.push(built);
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if ("expr" in item) {
      // `[${x}`: the value may hold the `]` that makes a pattern of it.
      if (quoting === "none" && word.bracket !== undefined) throw new Refusal("shell-expansion", "[");
      word.addExpr(item.expr, quoting);
      continue;
    }
    const { ch, from } = item;
    const next = nextOf(items, i, ch === "\\");
    const add = (value: string, raw: string, pieceQuoting: Quoting): void => word.addText(value, raw, pieceQuoting, from);
    if (quoting === "single") {
      if (ch === "'") {
        quoting = "none";
        add("", "'", "single");
      } else {
        add(ch, ch, "single");
      }
      continue;
    }
    if (quoting === "double") {
      if (ch === '"') {
        quoting = "none";
        add("", '"', "double");
      } else if (ch === "\\") {
        if (next == null) throw new Refusal("unterminated-quote", "\\");
        if (next === "\n") add("", "\\\n", "double");
        else add(DOUBLE_QUOTE_ESCAPABLE.has(next) ? next : "\\" + next, "\\" + next, "double");
        i++;
      } else if (ch === "$") {
        checkDollar(next, "double");
        add(ch, ch, "double");
      } else if (ch === "`") {
        throw new Refusal("shell-operator", "`");
      } else {
        add(ch, ch, "double");
      }
      continue;
    }
    // Unquoted.
    if (BLANK.has(ch)) {
      endWord();
    } else if (OPERATOR_START.has(ch)) {
      throw new Refusal("shell-operator", operatorAt(ch, next));
    } else if (ch === "`") {
      throw new Refusal("shell-operator", "`");
    } else if (ch === "'") {
      quoting = "single";
      add("", "'", "single");
    } else if (ch === '"') {
      quoting = "double";
      add("", '"', "double");
    } else if (ch === "\\") {
      // Before an unknown interpolation the backslash would have escaped its first character.
      if (next == null) throw new Refusal("unterminated-quote", "\\");
      // `start C:\Program Files\x.exe`: a POSIX shell drops the backslash, a Windows host keeps
      // it as a path separator. Which one ran v0's line is unknown.
      if (next !== "\n" && !SHELL_ESCAPABLE.has(next)) throw new Refusal("ambiguous-escape", "\\" + next);
      // Backslash-newline is a line continuation: both vanish before words are read, so it
      // must not start a word (`a \<newline> b` is two words, `\<newline>#x` a comment).
      if (next !== "\n") add(next, "\\" + next, "single");
      i++;
    } else if (ch === "$") {
      checkDollar(next, "none");
      add(ch, ch, "none");
    } else {
      checkUnquotedChar(ch, next, word);
      add(ch, ch, "none");
      if (ch === "[") word.bracket ??= "";
    }
  }
  if (quoting !== "none") throw new Refusal("unterminated-quote", quoting === "single" ? "'" : '"');
  endWord();
  return words;
}

/** Globs, a word-initial `#` (a comment) or `~` (home), and brace lists, all outside quotes. */
function checkUnquotedChar(ch: string, next: Next, word: WordBuilder): void {
  if (GLOB.has(ch)) throw new Refusal("shell-expansion", ch);
  if (ch === "]") checkBracket(word.bracket);
  if (ch === "#" && !word.started) throw new Refusal("shell-operator", "#");
  if (ch === "~" && word.tildeExpands()) throw new Refusal("shell-expansion", "~");
  // Bash expands `{a,b}`, `{1..3}`, and also `{a,'b c'}`, `{a,\ b}` and `{a},b}` (it keeps
  // looking past a `}` without a comma); only unquoted braces and separators count. Dash
  // expands none: refusing any unquoted `{` … `,`/`..` … `}` in one word covers both.
  if (ch === "{") word.braceOpen = true;
  else if (word.braceOpen && (ch === "," || (ch === "." && next === "."))) word.braceSeparator = true;
  else if (ch === "}" && word.braceSeparator) throw new Refusal("shell-expansion", "{");
}

/**
 * A `[` is a pattern only once an unquoted `]` closes it in the same word (`[ab]`, `x[0]`);
 * without one (`ls [`, `a[`, `jq .[]`) dash and bash keep it literal. A `]` right after `[` or
 * `[!`/`[^` is a member, not the close, and a quoted or escaped `]` never closes.
 */
function checkBracket(opened: string | undefined): void {
  if (opened !== undefined && !/^[!^]?$/.test(opened)) throw new Refusal("shell-expansion", "[");
}

function checkWord(word: Word, isFirst: boolean): void {
  if (!isFirst) return;
  const prefix = unquotedPrefix(word.pieces) ?? "";
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(prefix)) throw new Refusal("env-assignment", prefix.slice(0, prefix.indexOf("=") + 1));
  const whollyUnquoted = word.pieces.every((piece) => piece.kind === "text" && piece.quoting === "none");
  if (whollyUnquoted && RESERVED_FIRST_WORDS.has(prefix)) throw new Refusal("shell-operator", prefix);
}

/** The value a word passes to the program, when it holds no unknown interpolation. */
export function wordValue(word: Word): string | undefined {
  let value = "";
  for (const piece of word.pieces) {
    if (piece.kind === "expr") return undefined;
    value += piece.value;
  }
  return value;
}

/** Convenience for plain strings (tests, the compat layer): the words, or why there are none. */
export function splitPlainCommandLine(line: string): { ok: true; words: string[] } | { ok: false; reason: SplitRefusal; operator: string } {
  const result = splitCommandLine([{ kind: "text", text: line }]);
  if (!result.ok) return result;
  return { ok: true, words: result.words.map((word) => wordValue(word)!) };
}
