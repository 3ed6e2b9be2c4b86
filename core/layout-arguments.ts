/**
 * How new arguments are written into a call the way the file writes its own, and as Prettier
 * would write them: on one line when the line fits the file's width; else the array's elements
 * one per line when the line up to the array's `[` fits (Prettier's "hugged" last argument);
 * else one argument per line. One argument per line, too, when the call already had its
 * arguments one per line.
 */
import type { Edit } from "./report.js";

export type TrailingComma = "all" | "es5" | "none";

/** What the emitters read of a file's style: its text, and its formatter's settings or what the file shows. */
export interface LayoutStyle {
  readonly text: string;
  readonly indentUnit: string;
  /** Columns a line may take; Infinity when the file shows none. */
  readonly printWidth: number;
  /** Columns a tab takes, for the width. */
  readonly tabWidth: number;
  readonly trailingComma: TrailingComma;
}

/**
 * The text that replaces the argument(s) at `at`: `head` as they are, then `array`, when
 * given, as an array literal. `edits` are the call's other edits (a longer member path), for
 * the width of the line they share.
 * Before: exec(`/app/tool ${sub}`)    After: exec("/app/tool", sub)
 * Before: exec(                       After: exec(
 *           `/app/tool ${sub}`,                 "/app/tool",
 *         )                                     sub,
 *                                             )
 */
export function layoutArguments(head: readonly string[], array: readonly string[] | undefined, at: { start: number; end: number }, style: LayoutStyle | undefined, edits: readonly Edit[] = []): string {
  const arrayText = array && `[${array.join(", ")}]`;
  const items = arrayText === undefined ? head : [...head, arrayText];
  if (!style) return items.join(", ");
  const { text } = style;
  const lineStart = text.lastIndexOf("\n", at.start - 1) + 1;
  const newline = text.indexOf("\n", at.end);
  const lineEnd = newline < 0 ? text.length : newline;
  // An edit may bring a line break (a statement hoisted above the call): only the call's line counts.
  const before = textWithEdits(text, lineStart, at.start, edits).split("\n").pop()!;
  const after = textWithEdits(text, at.end, lineEnd, edits).split(/\r?\n/)[0]!.replace(/\r$/, "");
  const indent = /^[ \t]*/.exec(before)![0];
  const fits = (line: string): boolean => columns(line, style.tabWidth) <= style.printWidth;
  const brokenArray = (at: string): string => {
    const inner = at + style.indentUnit;
    const comma = style.trailingComma === "none" ? "" : ",";
    return `[\n${array!.map((element) => inner + element).join(",\n")}${comma}\n${at}]`;
  };
  // One argument per line at `at`; the array broken too when its line would not fit.
  const onePerLine = (at: string, after: string): string => {
    if (array?.length && !fits(at + arrayText + after)) return [...head, brokenArray(at)].join(`,\n${at}`);
    return items.join(`,\n${at}`);
  };
  // The call had its argument on a line of its own: so do the new ones.
  if (text.slice(lineStart, at.start).trim() === "") return onePerLine(indent, after);
  const oneLine = items.join(", ");
  if (fits(before + oneLine + after)) return oneLine;
  const hugged = array?.length ? [...head, "["].join(", ") : undefined;
  if (hugged !== undefined && fits(before + hugged)) return [...head, brokenArray(indent)].join(", ");
  // Written between the call's own parentheses: they can open and close lines of their own.
  if (text[at.start - 1] === "(" && text[at.end] === ")") {
    const inner = indent + style.indentUnit;
    const comma = style.trailingComma === "all" ? "," : "";
    return `\n${inner}${onePerLine(inner, ",")}${comma}\n${indent}`;
  }
  return hugged !== undefined ? [...head, brokenArray(indent)].join(", ") : oneLine;
}

/** The text of [from, to) with the edits that lie within it applied. */
function textWithEdits(text: string, from: number, to: number, edits: readonly Edit[]): string {
  const inside = edits.filter((edit) => edit.start >= from && edit.end <= to).sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = from;
  for (const edit of inside) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor, to);
}

function columns(line: string, tabWidth: number): number {
  let width = 0;
  for (const char of line) width += char === "\t" ? tabWidth : 1;
  return width;
}
