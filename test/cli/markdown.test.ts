/**
 * Issue 18 (1): the Markdown report's pieces stay what they say whatever a project's code and
 * file names hold, read back by a real Markdown parser.
 */
import { Lexer, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { code, lineLink, prose, table, text } from "../../cli/markdown.js";
import { cellText, expectWellFormed, parseMarkdown, plainText } from "./markdown-parse.js";

/** Messages quote code: a pipe, backticks, emphasis, HTML, links, addresses, escapes, line breaks. */
const HOSTILE = [
  "ps aux | grep x",
  "`ls ${dir}` and ``two``",
  "*not em* _nor this_ **nor** ~~struck~~",
  "<img src=x onerror=alert(1)> &amp; &lt;",
  "[a link](https://example.com) ![img](x.png)",
  "https://example.com www.example.com user@example.com",
  "a\\|b \\ ends with \\",
  "first line\n  second line\r\nthird",
  "# not a heading",
  "1. not a list",
];

/** One table, one column, the given cells: what the parser reads in each. */
function cells(values: readonly string[]): string[] {
  const { tables, links } = parseMarkdown(table(["Cell"], values.map((value) => [value]), "`--json <file>`").join("\n"));
  expect(tables).toHaveLength(1);
  expectWellFormed(tables[0]!);
  expect(links).toEqual([]);
  return tables[0]!.rows.map((row) => cellText(row[0]!));
}

describe("Markdown cells", () => {
  it("text: every cell reads as the text it was given, line breaks as breaks", () => {
    expect(cells(HOSTILE.map(text))).toEqual(HOSTILE.map((value) => value.replace(/\r\n?/g, "\n")));
  });

  it("text: a list item reads as the text, never as a list or a heading inside it", () => {
    const items = ["1. first", "2) second", "- dash", "+ plus", "# hash", "> quote", "=== rule"];
    const { paragraphs } = parseMarkdown(items.map((item) => `- ${text(item)}`).join("\n"));
    expect(paragraphs).toEqual([]);
    const list = Lexer.lex(items.map((item) => `- ${text(item)}`).join("\n"))[0] as Tokens.List;
    expect(list.items.map((item) => item.tokens.map((token) => token.type))).toEqual(items.map(() => ["text"]));
    expect(list.items.map((item) => plainText(item.tokens))).toEqual(items);
  });

  it("code: a code span holds the text whatever backticks and pipes it has", () => {
    const values = ["a`b", "``x``", "`", "a | b", " padded ", "x`", "plain.member", "grep a\\|b", "ends \\"];
    const read = parseMarkdown(table(["Code"], values.map((value) => [code(value)]), "").join("\n")).tables[0]!;
    expectWellFormed(read);
    // A backslash before a pipe, which parsers read differently in a code span of a cell, is shown as text.
    expect(read.rows.map((row) => row[0]!.tokens.every((token) => token.type === "codespan"))).toEqual(values.map((value) => !value.includes("\\|")));
    expect(read.rows.map((row) => cellText(row[0]!))).toEqual(values);
  });

  it("prose: a message's quoted code reads as code, the rest as text, an unpaired backtick as itself", () => {
    const messages = [...HOSTILE, "the shell operator ```, which v1 cannot run", "``ls ${x}`` is now one argument", "`a | b` and `<br>` and `*x*`"];
    const read = parseMarkdown(table(["Message"], messages.map((message) => [prose(message)]), "").join("\n")).tables[0]!;
    expectWellFormed(read);
    const shown = (message: string): string =>
      message
        .split(/(`[^`]+`)/)
        .map((part, i) => (i % 2 === 1 ? part.slice(1, -1).replace(/\r\n?|\n/g, " ") : part.replace(/\r\n?/g, "\n")))
        .join("");
    expect(read.rows.map((row) => cellText(row[0]!))).toEqual(messages.map(shown));
    expect(read.rows[HOSTILE.length + 2]![0]!.tokens.map((token) => token.type)).toEqual(["codespan", "text", "codespan", "text", "codespan"]);
  });

  it("a line link names the file and line, its target encoded where a path needs it", () => {
    const file = "ui/odd dir/a b#c|d%é (1).ts";
    const { tables, links } = parseMarkdown(table(["Where"], [[lineLink(file, 80)]], "").join("\n"));
    expectWellFormed(tables[0]!);
    expect(links).toHaveLength(1);
    const [target, line] = links[0]!.href.split("#L");
    expect(line).toBe("80");
    expect(target).toBe("ui/odd%20dir/a%20b%23c%7Cd%25%C3%A9%20%281%29.ts");
    expect(decodeURIComponent(target!)).toBe(file);
    expect(links[0]!.text.replace(/\\(.)/g, "$1")).toBe(`${file}:80`);
  });

  it("a long table shows its first rows and says how many more the full list has", () => {
    const rows = ["a", "b", "c", "d", "e"].map((value) => [text(value)]);
    const markdown = table(["Cell"], rows, "`--json <file>`", 2).join("\n");
    const { tables, paragraphs } = parseMarkdown(markdown);
    expect(tables[0]!.rows.map((row) => cellText(row[0]!))).toEqual(["a", "b"]);
    expect(paragraphs).toEqual(["3 more rows are left out here: --json <file> lists them all."]);
  });
});
