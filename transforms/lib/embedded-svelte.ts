/**
 * Svelte's markup expressions: `{expr}` anywhere in the markup, in attribute values
 * (`on:click={…}`, `class="a {b}"`), and the expression in a block head (`{#if cond}`).
 */
import type { Region } from "./embedded-region.js";

/** Svelte blocks whose head is one expression: `{#if cond}`, `{@html html}`, `{#each xs as x}`. */
const SVELTE_BLOCK = /^(#if|:else\s+if|#key|@html|@render|@const|#await|#each)\s+/;

/** `{expr}`, or a block head whose expression is found by its keywords; other blocks are opaque. */
export function svelteTag(source: string, start: number, end: number): Region {
  const text = source.slice(start, end);
  if (!/^[#:/@]/.test(text)) return { kind: "code", start, end, statements: false, quote: null, global: true };
  const head = SVELTE_BLOCK.exec(text);
  if (!head) return { kind: "opaque", start, end };
  const rest = text.slice(head[0].length);
  // `{#each items as item}` → `items`; `{#await promise then value}` → `promise`.
  const stop = head[1] === "#each" ? /\sas\s/.exec(rest) : head[1] === "#await" ? /\s(?:then|catch)\b/.exec(rest) : null;
  const exprStart = start + head[0].length;
  return { kind: "code", start: exprStart, end: stop ? exprStart + stop.index : end, statements: false, quote: null, global: true };
}

/** The `}` closing the `{` at `open`, skipping JavaScript strings, template literals and comments; -1 if none. */
export function matchBrace(source: string, open: number): number {
  // Each entry is what closes the current level: "}" for a brace, "`" inside a template literal.
  const stack: string[] = ["}"];
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i]!;
    if (stack[stack.length - 1] === "`") {
      if (c === "\\") i++;
      else if (c === "`") stack.pop();
      else if (c === "$" && source[i + 1] === "{") {
        stack.push("}");
        i++;
      }
    } else if (c === "'" || c === '"') {
      for (i++; i < source.length && source[i] !== c && source[i] !== "\n"; i++) if (source[i] === "\\") i++;
    } else if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      if (i < 0) return -1;
    } else if (c === "/" && source[i + 1] === "*") {
      i = source.indexOf("*/", i + 2);
      if (i < 0) return -1;
      i++;
    } else if (c === "`") stack.push("`");
    else if (c === "{") stack.push("}");
    else if (c === "}") {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
