/** Small text helpers for generated code. */

/** Moves every line after the first from indentation `from` to `to`; lines indented otherwise stay. */
export function reindent(text: string, from: string, to: string): string {
  return text
    .split("\n")
    .map((line, i) => (i > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join("\n");
}

/** `base`, or `base2`, `base3`… : the first that none of `texts` mentions as a word. */
export function freshName(base: string, texts: readonly string[]): string {
  let name = base;
  for (let n = 2; texts.some((text) => new RegExp(`\\b${name}\\b`).test(text)); n++) name = `${base}${n}`;
  return name;
}

/** Indentation of the line holding `offset`. */
export function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** The most frequent step of indentation in a file: two or four spaces, or a tab. */
export function detectIndentUnit(source: string): string {
  const counts = new Map<string, number>();
  let previous = "";
  for (const line of source.split("\n")) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length > previous.length && indent.startsWith(previous)) {
      const unit = indent.slice(previous.length);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    previous = indent;
  }
  let best = "  ";
  let bestCount = 0;
  for (const [unit, count] of counts) if (count > bestCount && /^( {2}| {4}|\t)$/.test(unit)) [best, bestCount] = [unit, count];
  return best;
}

/** 1-based line of an offset. */
export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * The range widened to whole lines (indentation and line break included) when nothing else
 * stands on them, and to one following blank line when a blank line (or the file's start)
 * precedes them, so no double blank is left; null when the lines hold something else.
 */
export function wholeLines(text: string, range: { start: number; end: number }): { start: number; end: number } | null {
  const lineStart = text.lastIndexOf("\n", range.start - 1) + 1;
  if (text.slice(lineStart, range.start).trim()) return null;
  const newline = text.indexOf("\n", range.end);
  let lineEnd = newline < 0 ? text.length : newline + 1;
  if (text.slice(range.end, newline < 0 ? text.length : newline).trim()) return null;
  const blankBefore = lineStart === 0 || /\n[ \t]*\r?\n$/.test(text.slice(0, lineStart));
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(lineEnd));
  if (blankBefore && blankAfter) lineEnd += blankAfter[0].length;
  return { start: lineStart, end: lineEnd };
}

/**
 * How a statement written before `following` ends: with `;` in a file that writes them, or
 * where the next line would otherwise continue it (`(`, `[`, a template…), as Prettier does.
 */
export function statementEnd(semicolons: boolean, following: string): string {
  if (semicolons) return ";";
  const next = following.replace(/^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, "");
  return /^[([`+\-/<]/.test(next) ? ";" : "";
}
