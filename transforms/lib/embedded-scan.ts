/**
 * A small tokenizer for the markup around embedded code (.vue, .svelte, .html): it finds the
 * `<script>` blocks and the attribute values and `{…}` expressions that hold code, as ranges of
 * the file. It reads no further than that (no tree, no nesting), which is all a text-edit codemod
 * needs: each range is migrated on its own and spliced back.
 */

import type { Region } from "./embedded-region.js";
import { bracesIn, matchBrace, svelteTag } from "./embedded-svelte.js";

export type MarkupKind = "vue" | "svelte" | "html";

// What scanMarkup returns, so its callers keep importing it from here.
export type { Region } from "./embedded-region.js";

interface Attribute {
  readonly name: string;
  /** The value without its quotes or braces (`quote` is `{` for Svelte's `on:click={…}`); absent for `<button disabled>`. */
  readonly value?: { readonly start: number; readonly end: number; readonly quote: string; readonly text: string };
}

const TAG_NAME = /<([A-Za-z][^\s/>]*)/y;
const ATTRIBUTE_NAME = /[^\s"'>/=]+/y;
/** Elements whose content is text, not markup: a `{` or `<b` inside them means nothing. */
const RAW_TEXT = new Set(["script", "style"]);
const JS_TYPE = /^(?:module|(?:text|application)\/(?:java|ecma)script)$/i;

export function scanMarkup(source: string, kind: MarkupKind): Region[] {
  const regions: Region[] = [];
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("<!--", i)) {
      const close = source.indexOf("-->", i + 4);
      i = close < 0 ? source.length : close + 3;
    } else if (source[i] === "<" && startTagAt(source, i)) {
      const name = startTagAt(source, i)!;
      const { attributes, end } = readStartTag(source, i + 1 + name.length, kind);
      i = end;
      if (RAW_TEXT.has(name.toLowerCase())) {
        const close = new RegExp(`</${name}\\s*>`, "ig");
        close.lastIndex = end;
        const found = close.exec(source);
        const contentEnd = found ? found.index : source.length;
        if (name.toLowerCase() === "script") regions.push(...scriptRegion(attributes, end, contentEnd));
        i = found ? close.lastIndex : source.length;
      } else {
        for (const attribute of attributes) regions.push(...attributeRegions(source, attribute, kind));
      }
    } else if (kind === "svelte" && source[i] === "{") {
      const close = matchBrace(source, i);
      if (close < 0) break;
      regions.push(svelteTag(source, i + 1, close));
      i = close + 1;
    } else if (kind === "vue" && source.startsWith("{{", i)) {
      const close = source.indexOf("}}", i + 2);
      if (close < 0) break;
      regions.push({ kind: "code", start: i + 2, end: close, statements: false, quote: "", global: false });
      i = close + 2;
    } else {
      i++;
    }
  }
  return regions;
}

function startTagAt(source: string, i: number): string | undefined {
  TAG_NAME.lastIndex = i;
  return TAG_NAME.exec(source)?.[1];
}

function scriptRegion(attributes: readonly Attribute[], start: number, end: number): Region[] {
  const attr = (name: string) => attributes.find((a) => a.name.toLowerCase() === name);
  // `<script src="…">` runs another file; `type="text/x-template"` or JSON is no script at all.
  if (attr("src")) return [];
  const type = attr("type");
  const typeText = type?.value?.text;
  if (typeText !== undefined && typeText !== "" && !JS_TYPE.test(typeText)) return [];
  const lang = attr("lang")?.value?.text.toLowerCase();
  const module = typeText?.toLowerCase() === "module";
  if (lang === "ts" || lang === "typescript") return [{ kind: "script", start, end, lang: "ts", module }];
  if (lang === "tsx" || lang === "jsx") return [{ kind: "script", start, end, lang, module }];
  return [{ kind: "script", start, end, lang: "js", module }];
}

/** Which attribute values hold code, by the dialect's rules. */
function attributeRegions(source: string, attribute: Attribute, kind: MarkupKind): Region[] {
  const { name, value } = attribute;
  if (!value) return [];
  const { start, end, quote } = value;
  if (quote === "{") return [{ kind: "code", start, end, statements: false, quote: null, global: true }];
  if (kind === "svelte" && source.slice(start, end).includes("{")) return bracesIn(source, start, end);
  // A plain `onclick="…"` is the browser's own handler, in every dialect: global names, statements.
  if (/^on[a-z]+$/i.test(name)) return [{ kind: "code", start, end, statements: true, quote, global: true }];
  if (kind !== "vue") return [];
  if (/^(?:@|v-on:)/.test(name)) return [{ kind: "code", start, end, statements: true, quote, global: false }];
  if (/^(?:v-for|v-slot|#)/.test(name)) return [{ kind: "opaque", start, end }];
  if (/^(?::|\.|v-)/.test(name)) return [{ kind: "code", start, end, statements: false, quote, global: false }];
  return [];
}

/** The attributes of a start tag from just after its name, and the offset after its `>`. */
function readStartTag(source: string, from: number, kind: MarkupKind): { attributes: Attribute[]; end: number } {
  const attributes: Attribute[] = [];
  let i = from;
  const value = (start: number, end: number, quote: string) => ({ start, end, quote, text: source.slice(start, end) });
  while (i < source.length) {
    while (/[\s/]/.test(source[i] ?? "")) i++;
    if (i >= source.length || source[i] === ">") return { attributes, end: i + 1 };
    // Svelte's `{value}` shorthand and `{...spread}`.
    if (kind === "svelte" && source[i] === "{") {
      const close = matchBrace(source, i);
      if (close < 0) return { attributes, end: source.length };
      attributes.push({ name: "", value: value(i + 1, close, "{") });
      i = close + 1;
      continue;
    }
    ATTRIBUTE_NAME.lastIndex = i;
    const name = ATTRIBUTE_NAME.exec(source)?.[0] ?? source[i]!;
    i += name.length;
    const equals = /\s*=\s*/y;
    equals.lastIndex = i;
    if (!equals.test(source)) {
      attributes.push({ name });
      continue;
    }
    i = equals.lastIndex;
    const quote = source[i];
    if (kind === "svelte" && quote === "{") {
      const close = matchBrace(source, i);
      if (close < 0) return { attributes, end: source.length };
      attributes.push({ name, value: value(i + 1, close, "{") });
      i = close + 1;
    } else if (quote === '"' || quote === "'") {
      const close = closingQuote(source, i + 1, quote, kind);
      attributes.push({ name, value: value(i + 1, close, quote) });
      i = close + 1;
    } else {
      const unquoted = /[^\s>]*/y;
      unquoted.lastIndex = i;
      unquoted.test(source);
      attributes.push({ name, value: value(i, unquoted.lastIndex, "") });
      i = unquoted.lastIndex;
    }
  }
  return { attributes, end: source.length };
}

/** In Svelte a quoted value may hold braces with quotes of their own: `class="{a ? "x" : "y"}"`. */
function closingQuote(source: string, from: number, quote: string, kind: MarkupKind): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === quote) return i;
    if (kind === "svelte" && source[i] === "{") {
      const close = matchBrace(source, i);
      if (close > 0) i = close;
    }
  }
  return source.length;
}
