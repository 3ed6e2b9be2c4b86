/**
 * A small tokenizer for the markup around embedded code (.vue, .svelte, .html): it finds the
 * `<script>` blocks and the attribute values and `{…}` expressions that hold code, as ranges of
 * the file. It reads no further than that (no tree, no nesting), which is all a text-edit codemod
 * needs: each range is migrated on its own and spliced back.
 */

import type { Region } from "./embedded-region.js";
import { matchBrace, svelteTag } from "./embedded-svelte.js";

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
/**
 * Elements whose content is text, not markup: the HTML parser's raw text and escapable raw text
 * elements (and `plaintext`, text to the end of an HTML page). A `<script>` or an
 * `onclick="…"` inside `<textarea>`, `<title>` or `<xmp>` is text the page shows, never code.
 * `noscript` is one too: Docker Desktop runs extensions with scripting on, and then the parser
 * reads its content as text (with scripting off, nothing in it would run either). Vue and
 * Svelte still read their own expressions there (`<title>{name}</title>`), except in `<style>`.
 */
const TEXT_ONLY = new Set(["style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
const JS_TYPE = /^(?:module|(?:text|application)\/(?:java|ecma)script)$/i;

/**
 * The regions of a markup file in order. Markup that opens something it never closes (a
 * comment, a tag, an attribute value, a text-only element, an expression) ends the list with
 * an `unclosed` region: the frameworks reject such a file, and what follows cannot be read.
 */
export function scanMarkup(source: string, kind: MarkupKind): Region[] {
  const regions: Region[] = [];
  const stop = (start: number, opened: string): Region[] => [...regions, { kind: "unclosed", start, end: source.length, opened }];
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("<!--", i)) {
      const end = commentEnd(source, i, kind);
      if (end < 0) return stop(i, "the comment `<!--`");
      i = end;
    } else if (source[i] === "<" && startTagAt(source, i)) {
      const name = startTagAt(source, i)!;
      const tag = readStartTag(source, i, name, kind);
      if ("opened" in tag) return stop(tag.start, tag.opened);
      // The start tag's own attributes are markup, whatever its content: `<iframe onload="…">`.
      for (const attribute of tag.attributes) regions.push(...attributeRegions(source, attribute, kind));
      if (regions[regions.length - 1]?.kind === "unclosed") return regions;
      const element = name.toLowerCase();
      if (element !== "script" && !TEXT_ONLY.has(element)) {
        i = tag.end;
        continue;
      }
      const content = textContent(source, element, tag.end, kind);
      if (!content) return stop(i, `the \`<${name}>\` element`);
      if (element === "script") regions.push(...scriptRegion(tag.attributes, tag.end, content.end));
      else if (element !== "style") regions.push(...expressionsIn(source, tag.end, content.end, kind));
      if (regions[regions.length - 1]?.kind === "unclosed") return regions;
      i = content.next;
    } else {
      const expression = expressionAt(source, i, kind, source.length);
      if (expression?.region.kind === "unclosed") return [...regions, expression.region];
      if (expression) regions.push(expression.region);
      i = expression?.next ?? i + 1;
    }
  }
  return regions;
}

/** The offset after the comment at `i`, or -1. An HTML page ends `<!-->` and `<!--->` at once, as browsers do. */
function commentEnd(source: string, i: number, kind: MarkupKind): number {
  if (kind === "html") {
    const abrupt = /<!---?>/y;
    abrupt.lastIndex = i;
    if (abrupt.test(source)) return abrupt.lastIndex;
  }
  const close = source.indexOf("-->", i + 4);
  return close < 0 ? -1 : close + 3;
}

/**
 * Where the content of a script or text-only element starting at `from` ends (`end`) and the
 * markup resumes after its end tag (`next`); undefined when it has none. An HTML page's
 * `<plaintext>` has no end tag: it is text to the end. A `<script>` without one runs to the end.
 */
function textContent(source: string, element: string, from: number, kind: MarkupKind): { end: number; next: number } | undefined {
  if (element === "plaintext" && kind === "html") return { end: source.length, next: source.length };
  const close = new RegExp(`</${element}(?=[\\s/>])[^>]*>`, "ig");
  close.lastIndex = from;
  const found = close.exec(source);
  if (found) return { end: found.index, next: close.lastIndex };
  return element === "script" ? { end: source.length, next: source.length } : undefined;
}

/** The Vue or Svelte expressions between `start` and `end` (text-only content, a Svelte attribute value); none in an HTML page. */
function expressionsIn(source: string, start: number, end: number, kind: MarkupKind): Region[] {
  const regions: Region[] = [];
  for (let i = start; i < end; ) {
    const expression = expressionAt(source, i, kind, end);
    if (expression) regions.push(expression.region);
    if (expression?.region.kind === "unclosed") break;
    i = expression?.next ?? i + 1;
  }
  return regions;
}

/** The `{…}` (Svelte) or `{{…}}` (Vue) expression starting at `i` and closed before `limit`, the offset after it; or an `unclosed` region. */
function expressionAt(source: string, i: number, kind: MarkupKind, limit: number): { region: Region; next: number } | undefined {
  if (kind === "svelte" && source[i] === "{") {
    const close = matchBrace(source, i);
    if (close < 0 || close >= limit) return { region: { kind: "unclosed", start: i, end: source.length, opened: "the Svelte expression `{`" }, next: limit };
    return { region: svelteTag(source, i + 1, close), next: close + 1 };
  }
  if (kind === "vue" && source.startsWith("{{", i)) {
    const close = source.indexOf("}}", i + 2);
    if (close < 0 || close + 2 > limit) return { region: { kind: "unclosed", start: i, end: source.length, opened: "the Vue interpolation `{{`" }, next: limit };
    return { region: { kind: "code", start: i + 2, end: close, statements: false, quote: "", global: false }, next: close + 2 };
  }
  return undefined;
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
  // Svelte's `class="a {b}"`: each brace is an expression.
  if (kind === "svelte" && source.slice(start, end).includes("{")) return expressionsIn(source, start, end, kind);
  // A plain `onclick="…"` is the browser's own handler, in every dialect: global names, statements.
  if (/^on[a-z]+$/i.test(name)) return [{ kind: "code", start, end, statements: true, quote, global: true }];
  if (kind !== "vue") return [];
  if (/^(?:@|v-on:)/.test(name)) return [{ kind: "code", start, end, statements: true, quote, global: false }];
  if (/^(?:v-for|v-slot|#)/.test(name)) return [{ kind: "opaque", start, end }];
  if (/^(?::|\.|v-)/.test(name)) return [{ kind: "code", start, end, statements: false, quote, global: false }];
  return [];
}

/** What a start tag opened and never closed: where, and what it was, for the failure message. */
interface Unclosed {
  readonly start: number;
  readonly opened: string;
}

/** The attributes of the start tag `<name` at `tagStart`, and the offset after its `>`. */
function readStartTag(source: string, tagStart: number, name: string, kind: MarkupKind): { attributes: Attribute[]; end: number } | Unclosed {
  const attributes: Attribute[] = [];
  let i = tagStart + 1 + name.length;
  const value = (start: number, end: number, quote: string) => ({ start, end, quote, text: source.slice(start, end) });
  const braceNeverClosed = (at: number): Unclosed => ({ start: at, opened: "the Svelte expression `{`" });
  while (i < source.length) {
    while (/[\s/]/.test(source[i] ?? "")) i++;
    if (i >= source.length) break;
    if (source[i] === ">") return { attributes, end: i + 1 };
    // Svelte's `{value}` shorthand and `{...spread}`.
    if (kind === "svelte" && source[i] === "{") {
      const close = matchBrace(source, i);
      if (close < 0) return braceNeverClosed(i);
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
      if (close < 0) return braceNeverClosed(i);
      attributes.push({ name, value: value(i + 1, close, "{") });
      i = close + 1;
    } else if (quote === '"' || quote === "'") {
      const close = closingQuote(source, i + 1, quote, kind);
      if (close < 0) return { start: i, opened: `the value of \`${name}\`, quoted with \`${quote}\`,` };
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
  return { start: tagStart, opened: `the tag \`<${name}\`` };
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
  return -1;
}
