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
