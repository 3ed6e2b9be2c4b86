/**
 * Markdown pieces that stay what they say whatever text goes in: messages quote a project's
 * code and paths may hold any character, so every cell is escaped, code goes in a code span
 * with enough backticks, and a link's target is URL-encoded.
 */

/** Rows per table: a pull request's description holds about 65,000 characters. */
export const MAX_TABLE_ROWS = 100;

/**
 * Plain text, shown as it is: every ASCII punctuation mark with a meaning inline is
 * backslash-escaped, and `@`, `://` and `www.` too so that no address or URL becomes an
 * autolink; a line break becomes `<br>` (a table row is one line), and a start that would
 * open a list is escaped.
 */
export function text(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|~&!@#]/g, "\\$&")
    .replace(/:\/\//g, "\\://")
    .replace(/\bwww\./gi, "www\\.")
    // At the start of a list item, `- x` or `1. x` would open a list inside it.
    .replace(/^[-+=]|^(\d+)([.)])/, (start, digits?: string, mark?: string) => (digits ? `${digits}\\${mark}` : `\\${start}`))
    .replace(/\r\n?|\n|\u2028|\u2029/g, "<br>");
}

/**
 * One of the tool's sentences, whose backticks open and close code spans (a verdict; a
 * finding's message, which quotes code so): each pair's text becomes a code span (see
 * {@link code}), the rest is escaped as {@link text}, and a backtick left unpaired, such as
 * one in the quoted code itself, shows as it is.
 */
export function prose(sentence: string, inTable = true): string {
  return sentence
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? code(part.slice(1, -1), inTable) : text(part)))
    .join("");
}

/**
 * A code span holding `value`: fenced by one backtick more than its longest run, padded when
 * it starts or ends with a backtick; `|` escaped in a table cell, which needs it even in code,
 * and a backslash before a pipe shown as text there.
 */
export function code(value: string, inTable = true): string {
  const flat = value.replace(/\r\n?|\n|\u2028|\u2029/g, " ");
  // Parsers differ on `\\|` in a cell, which this would need (a backslash, then an escaped pipe): plain text reads the same in all.
  if (inTable && flat.includes("\\|")) return text(flat);
  const fence = "`".repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== "" ? " " : "";
  return `${fence}${pad}${inTable ? flat.replace(/\|/g, "\\|") : flat}${pad}${fence}`;
}

/** `[ui/src/api.ts:80](ui/src/api.ts#L80)`: `file` a `/`-separated path, relative to where the link resolves. */
export function lineLink(file: string, line: number): string {
  return `[${text(`${file}:${line}`)}](${encodePath(file)}#L${line})`;
}

/** Each segment percent-encoded (space, `#`, `%`, `|`, parentheses, non-ASCII), `/` kept. */
export function encodePath(file: string): string {
  return file
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

/**
 * A table of cells already in Markdown, at most `max` rows; the rows left out are counted
 * under it, with the option that lists them all (`fullList`, Markdown).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], fullList: string, max = MAX_TABLE_ROWS): string[] {
  const shown = rows.slice(0, max);
  const lines = [row(header), row(header.map(() => "---")), ...shown.map(row)];
  const hidden = rows.length - shown.length;
  if (hidden > 0) lines.push("", `${hidden} more ${hidden === 1 ? "row is" : "rows are"} left out here: ${fullList} lists them all.`);
  return lines;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
