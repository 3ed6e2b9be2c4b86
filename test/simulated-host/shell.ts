/**
 * The simulated host's two readers of a command line, written apart from core/ on purpose:
 * the simulated host is the oracle the compat layer and the codemod are checked against.
 *
 * - `shellWords(line)`: what a POSIX shell (v0's line-based calls) hands the program, or
 *   `undefined` when the line needs more than word splitting (operators, expansions, …).
 * - `rereadWords(line)`: Docker Desktop's non-streamed v1 exec, which joins cmd and args and
 *   re-reads them as shell words (quotes removed, unquoted blanks split) and nothing more.
 */
const OPERATOR = /[|&;<>()`\n]/;
const GLOB = /[*?[]/;
const RESERVED = new Set(["!", "{", "}", "[[", "]]", "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "function", "select", "time"]);

class NeedsShell extends Error {}

function read(line: string, strict: boolean): string[] {
  const words: string[] = [];
  let word = "";
  let started = false;
  /** The current word's text before its first quote or escape (for `NAME=` and reserved words). */
  let lead = "";
  let quoted = false;
  let quote: "'" | '"' | undefined;
  const refuse = (): void => {
    if (strict) throw new NeedsShell();
  };
  const end = (): void => {
    if (!started) return;
    if (strict && words.length === 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(lead) || (!quoted && RESERVED.has(word)))) refuse();
    words.push(word);
    word = "";
    started = false;
    lead = "";
    quoted = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const next = line[i + 1];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === "\\" && next !== undefined && '$`"\\'.includes(next)) word += line[++i]!;
      else if (ch === "\\" && next === "\n") i++;
      else {
        if (ch === "`" || (ch === "$" && next !== undefined && !/\s/.test(next))) refuse();
        word += ch;
      }
      continue;
    }
    if (ch === " " || ch === "\t") {
      end();
      continue;
    }
    if (ch === "\\" && next === "\n") {
      i++;
      continue;
    }
    if (OPERATOR.test(ch) || GLOB.test(ch) || (ch === "$" && next !== undefined && !/\s/.test(next))) refuse();
    if (((ch === "#" || ch === "~") && !started) || (ch === "\\" && next === undefined)) refuse();
    if (ch === "{" && /^\{[^\s'"}]*(,|\.\.)[^\s'"}]*\}/.test(line.slice(i))) refuse();
    started = true;
    if (ch === "'" || ch === '"') {
      quote = ch;
      quoted = true;
    } else if (ch === "\\") {
      word += line[++i] ?? "\\";
      quoted = true;
    } else {
      word += ch;
      if (!quoted) lead += ch;
    }
  }
  if (quote !== undefined) refuse();
  end();
  return words;
}

export function shellWords(line: string): string[] | undefined {
  try {
    return read(line, true);
  } catch (error) {
    if (error instanceof NeedsShell) return undefined;
    throw error;
  }
}

export const rereadWords = (line: string): string[] => read(line, false);
