/**
 * A v1 `exec(cmd, args)` as the one command line a v0 host's shell reads: each word of the argv
 * the v1 call would give its binary is quoted so that the shell gives back exactly that word.
 */
import { splitPlainCommandLine } from "../core/split-command-line.js";

/**
 * Docker Desktop's non-streamed exec: the joined line re-read as shell words, quotes removed and
 * unquoted blanks split, nothing expanded (`|`, `$HOME` and `*` stay text). Null for a line left
 * inside a quote or ending in a lone backslash, which has no defined reading.
 */
function rereadWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | undefined;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote ? ch == quote : ch == "'" || ch == '"') {
      quote = quote ? "" : ch;
      word ??= "";
    } else if (quote == "'") {
      word += ch;
    } else if (ch == "\\" && (!quote || '$`"\\\n'.includes(line[i + 1] || "-"))) {
      const next = line[++i];
      if (next == undefined) return null;
      // Backslash-newline is a line continuation: both vanish, and start no word.
      if (next != "\n") word = (word ?? "") + next;
    } else if (!quote && (ch == " " || ch == "\t")) {
      if (word != undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (quote) return null;
  if (word != undefined) words.push(word);
  return words;
}

/**
 * A word the shell reads back as exactly itself: plain characters stay bare, anything else is
 * single-quoted (`it's` → `'it'\''s'`). A bare first word must also not start like an option
 * (`sh -c -x` reads one) nor be a reserved word or an assignment (`if`, `A=1`), which the
 * splitter refuses as a command.
 */
function shellQuote(word: string, first: boolean): string {
  return /^[\w@%+=:,./-]+$/.test(word) && (!first || (/^[\w./]/.test(word) && splitPlainCommandLine(word).ok)) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * Before: extension.host.cli.exec("grep", ["-E", "error|warn", "app.log"])  After: execHostCmd("grep -E 'error|warn' app.log")
 * The argv is the one the v1 call gives its binary: the elements themselves where the host passes
 * args through (`rawArgs`), Docker Desktop's re-read of the joined words otherwise. Refused only
 * where no line can carry it: a NUL character, an empty argv, or a join Docker Desktop cannot read.
 */
export function v0Line(parts: string[], rawArgs: boolean, member: string): string {
  const argv = rawArgs ? parts : rereadWords(parts.join(" "));
  const fail = (why: string): never => {
    throw new Error(`\`ddClient.${member}(${parts.map((part) => JSON.stringify(part)).join(", ")})\` ${why}.`);
  };
  if (!argv) return fail("leaves a quote or a final backslash open, so Docker Desktop's exec has no reading of it to keep");
  if (!argv.length) return fail("names no command");
  if (argv.some((word) => word.includes("\0"))) return fail("holds a NUL character, which no command line can carry");
  return argv.map((word, i) => shellQuote(word, i == 0)).join(" ");
}
