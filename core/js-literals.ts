/** Printing JavaScript literals in the file's own quote style. */
export type QuoteChar = '"' | "'";

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** `value` as a string literal, in `preferred` quotes unless the other kind avoids escapes. */
export function quoteString(value: string, preferred: QuoteChar): string {
  const other: QuoteChar = preferred === '"' ? "'" : '"';
  const quote = value.includes(preferred) && !value.includes(other) ? other : preferred;
  let out = quote;
  for (const ch of value) {
    if (ch === quote) out += "\\" + ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (ch < " ") out += "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

/** Text for the inside of a template literal: `\`, `` ` `` and `${` escaped. */
export function escapeTemplateText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}
