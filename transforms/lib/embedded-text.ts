/**
 * Text plumbing for embedded code: HTML character references in attribute values, and
 * positions (offsets ↔ 1-based line/column) between a block and its file.
 */
import { diffChars } from "diff";
import type { Position } from "../../core/report.js";

const NAMED: Record<string, string> = { quot: '"', apos: "'", amp: "&", lt: "<", gt: ">", nbsp: "\u00A0" };
const REFERENCE = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z]+));/y;

/** An attribute value as the browser reads it, with each decoded character's raw offset (`raw[text.length]` is the value's end). */
export interface Decoded {
  readonly text: string;
  readonly raw: readonly number[];
}

// Before: onclick="window.ddClient.toastError(&quot;x&quot;)"
// After:  window.ddClient.toastError("x")
export function decodeAttribute(value: string): Decoded {
  let text = "";
  const raw: number[] = [];
  for (let i = 0; i < value.length; ) {
    REFERENCE.lastIndex = i;
    const match = value[i] === "&" ? REFERENCE.exec(value) : null;
    const code = match?.[1] ?? (match?.[2] ? parseInt(match[2], 16) : undefined);
    const char = match ? (code !== undefined ? String.fromCodePoint(Number(code)) : NAMED[match[3]!]) : undefined;
    if (match && char !== undefined) {
      // A decoded character may be two UTF-16 units; both come from the same reference.
      for (let k = 0; k < char.length; k++) raw.push(i);
      text += char;
      i += match[0].length;
    } else {
      raw.push(i);
      text += value[i];
      i++;
    }
  }
  raw.push(value.length);
  return { text, raw };
}

/**
 * The raw attribute value for `output`, the migrated form of `decoded.text`: characters the
 * migration kept are copied as they were written (`&#39;` stays `&#39;`); new ones are written
 * the way the value already wrote that character (so a new `'` is `&#39;` too where the author
 * encoded quotes), and the attribute's own quote is always encoded. An unquoted value that now
 * needs quotes gets double quotes.
 */
export function encodeAttribute(rawValue: string, decoded: Decoded, output: string, quote: string): string {
  const written = new Map<string, string>([["&", "&amp;"]]);
  if (quote === "'" || quote === '"') written.set(quote, quote === "'" ? "&#39;" : "&quot;");
  for (let i = 0; i < decoded.text.length; i++) {
    const raw = rawValue.slice(decoded.raw[i], decoded.raw[i + 1]);
    if (raw.startsWith("&") && raw.length > 1 && !written.has(decoded.text[i]!)) written.set(decoded.text[i]!, raw);
  }
  let result = "";
  let at = 0;
  for (const part of diffChars(decoded.text, output)) {
    if (part.removed) {
      at += part.value.length;
    } else if (part.added) {
      result += [...part.value].map((ch) => written.get(ch) ?? ch).join("");
    } else {
      result += rawValue.slice(decoded.raw[at], decoded.raw[at + part.value.length]);
      at += part.value.length;
    }
  }
  return quote === "" && /[\s"'=<>`]/.test(result) ? `"${result}"` : result;
}

/** 1-based line and column of each offset of a text. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  positionOf(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  offsetOf(at: Position): number {
    return (this.starts[at.line - 1] ?? 0) + at.column - 1;
  }
}

/** A position inside a block that starts at `origin` of its file: lines shift, columns only on the block's first line. */
export function shiftPosition(at: Position, origin: Position): Position {
  return at.line === 1 ? { line: origin.line, column: origin.column + at.column - 1 } : { line: origin.line + at.line - 1, column: at.column };
}
