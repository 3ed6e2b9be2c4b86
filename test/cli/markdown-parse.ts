/**
 * A Markdown report read back with a real parser (marked, GitHub-flavoured): its tables, its
 * links, and the plain text of a cell as a reader sees it.
 */
import { Lexer, type Token, type Tokens } from "marked";
import { expect } from "vitest";

export interface ParsedMarkdown {
  readonly tables: Tokens.Table[];
  /** Every link, wherever it stands (autolinks too). */
  readonly links: Tokens.Link[];
  readonly headings: string[];
  readonly paragraphs: string[];
}

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const parsed: ParsedMarkdown = { tables: [], links: [], headings: [], paragraphs: [] };
  const visit = (token: Token): void => {
    if (token.type === "table") {
      const table = token as Tokens.Table;
      parsed.tables.push(table);
      for (const cell of [...table.header, ...table.rows.flat()]) cell.tokens.forEach(visit);
      return;
    }
    if (token.type === "link") parsed.links.push(token as Tokens.Link);
    if (token.type === "heading") parsed.headings.push(plainText((token as Tokens.Heading).tokens));
    if (token.type === "paragraph") parsed.paragraphs.push(plainText((token as Tokens.Paragraph).tokens));
    if ("tokens" in token && Array.isArray(token.tokens)) token.tokens.forEach(visit);
    if (token.type === "list") (token as Tokens.List).items.forEach(visit);
  };
  Lexer.lex(markdown).forEach(visit);
  return parsed;
}

/**
 * Every row of the table, header included, has as many cells as the header: a row read alone
 * as the header over a delimiter row of that width is a table only then (GFM). And no row was
 * cut off the table by a line break.
 */
export function expectWellFormed(table: Tokens.Table): void {
  const width = table.header.length;
  const lines = table.raw.trimEnd().split("\n");
  expect(lines, table.raw).toHaveLength(2 + table.rows.length);
  for (const line of [lines[0]!, ...lines.slice(2)]) {
    expect(Lexer.lex(`${line}\n|${"---|".repeat(width)}\n`)[0]?.type, line).toBe("table");
  }
}

/** What a reader sees: escapes resolved, code as its text, `<br>` as a line break; emphasis, raw HTML or a link show as markers, which plain text never gives. */
export function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case "text":
          return "tokens" in token && token.tokens ? plainText(token.tokens) : (token as Tokens.Text).text;
        case "escape":
        case "codespan":
          return (token as Tokens.Escape | Tokens.Codespan).text;
        case "html":
          return token.raw === "<br>" ? "\n" : `<<html ${token.raw}>>`;
        default:
          return `<<${token.type} ${token.raw}>>`;
      }
    })
    .join("");
}

/** The cell's plain text. */
export function cellText(cell: Tokens.TableCell): string {
  return plainText(cell.tokens);
}
