/**
 * Vue and Svelte components and HTML pages: the code inside them is migrated piece by piece and
 * spliced back, so the markup around it keeps every byte.
 *
 * - `<script>` blocks (`lang="ts"` → TypeScript): migrated as files of their own; a block
 *   that does not parse fails the whole file, which is left as it was.
 * - `onclick="…"` handlers: decoded (`&quot;` → `"`), migrated as statements, re-encoded.
 * - Svelte `{…}` expressions see the page's globals and the component's scripts, which are
 *   put before the expression so that `const client = createDockerDesktopClient()` is known.
 * - Vue template expressions resolve names against the component instance, not the page:
 *   `window.ddClient` there is `this.window.ddClient`. Their v0 calls are reported, not rewritten.
 * - Markup left open (`{ddClient.toastError("x")` with no `}`) fails the file: the rest of it
 *   cannot be read, and passing it as clean would hide the calls there from `--check`.
 */
import { DEPRECATIONS } from "../deprecations/table.js";
import { lineStarts, mapOffset, positionAt } from "../core/edit-positions.js";
import { applyEdits, type Edit, type Finding, type ManualReason, type Position } from "../core/report.js";
import { scanMarkup, type MarkupKind, type Region } from "./lib/embedded-scan.js";
import { decodeAttribute, encodeAttribute, LineMap, shiftPosition, type Decoded } from "./lib/embedded-text.js";
import { mayContainV0Call } from "../core/precheck.js";
import type { MigrateOptions, MigrateResult, MigrateScript } from "./migrate-types.js";

const KIND_BY_EXTENSION: Record<string, MarkupKind> = { ".vue": "vue", ".svelte": "svelte", ".html": "html", ".htm": "html" };

/** Markup the codemod cannot read as JavaScript (`{@debug …}`, `v-for`). */
const UNREADABLE: ManualReason = "markup-syntax";

/** `backend.get` before `backend`: the longest v0 member path named in a piece of text. */
const V0_MEMBER = new RegExp(
  DEPRECATIONS.map((row) => row.id)
    .sort((a, b) => b.length - a.length)
    .map((id) => `\\b${id.replace(".", "\\s*\\??\\.\\s*")}\\b`)
    .join("|"),
);

export function markupKindOf(filePath: string): MarkupKind | undefined {
  return KIND_BY_EXTENSION[/\.[^./\\]+$/.exec(filePath)?.[0].toLowerCase() ?? ""];
}

interface Piece {
  readonly region: Exclude<Region, { kind: "script" | "unclosed" }>;
  /** Scripts the piece sees, already migrated: Svelte's, and an HTML page's classic scripts. */
  readonly context: readonly string[];
  readonly typescript: boolean;
}

/** `migrateSource` for a .vue, .svelte or .html file (see {@link markupKindOf}). */
export function migrateMarkup(source: string, filePath: string, options: MigrateOptions, migrateSource: MigrateScript): MigrateResult {
  const kind = markupKindOf(filePath) ?? "html";
  const lines = new LineMap(source);
  const regions = scanMarkup(source, kind);
  const unclosed = regions.find((region) => region.kind === "unclosed");
  if (unclosed) {
    const at = lines.positionOf(unclosed.start);
    return { status: "failed", error: `unreadable markup: ${unclosed.opened} at line ${at.line}, column ${at.column} is never closed (${at.line}:${at.column})`, findings: [] };
  }
  const edits: Edit[] = [];
  // Each finding with the offset of its region, whose place in the output it moves with.
  const findings: { finding: Finding; region: number; inside: boolean }[] = [];
  const context: string[] = [];
  let typescript = false;
  for (const region of regions) {
    if (region.kind !== "script") continue;
    const text = source.slice(region.start, region.end);
    typescript ||= region.lang.startsWith("ts");
    // `Comp.vue.ts`: the extension picks the parser, the directory resolves the block's imports.
    const result = mayContainV0Call(text) ? migrateSource(text, `${filePath}.${region.lang}`, options) : undefined;
    if (result?.status === "failed") return { status: "failed", error: shiftError(result.error, lines.positionOf(region.start)), findings: [] };
    if (result?.status === "changed") edits.push({ start: region.start, end: region.end, text: result.output });
    findings.push(...(result?.findings ?? []).map((finding) => ({ finding, region: region.start, inside: true })));
    if (kind === "svelte" || (kind === "html" && !region.module)) context.push(result?.output ?? text);
  }
  for (const region of regions) {
    if (region.kind === "script" || region.kind === "unclosed") continue;
    const piece = { region, context: kind === "vue" ? [] : context, typescript: typescript && region.kind === "code" && (region.quote === null || !region.global) };
    const done = migratePiece(source, filePath, piece, options, migrateSource);
    if (done.edit) edits.push(done.edit);
    findings.push(...done.findings.map((finding) => ({ finding, region: region.start, inside: false })));
  }
  const output = applyEdits(source, edits);
  // A region's place in the file the findings point into: as it is, or as written.
  const written = options.positions === "output" ? lineStarts(output) : undefined;
  const originOf = (offset: number): Position => (written ? positionAt(written, mapOffset(edits, offset)) : lines.positionOf(offset));
  const placed = findings.map(({ finding, region, inside }) => ({ ...finding, at: inside ? shiftPosition(finding.at, originOf(region)) : originOf(region) }));
  const sorted = placed.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  return { status: output === source ? "unchanged" : "changed", output, findings: sorted };
}

/** One attribute value or markup expression; its findings are placed by the caller at the value's start. */
function migratePiece(source: string, filePath: string, piece: Piece, options: MigrateOptions, migrateSource: MigrateScript): { edit?: Edit; findings: Finding[] } {
  const { region } = piece;
  const rawValue = source.slice(region.start, region.end);
  const decoded: Decoded = region.kind === "code" && region.quote !== null ? decodeAttribute(rawValue) : { text: rawValue, raw: [] };
  if (!mayContainV0Call(decoded.text)) return { findings: [] };
  if (region.kind === "opaque") return { findings: [unreadable(decoded.text)] };
  // Before: on:click={() => ddClient.navigateToContainers()}  (virtual file: `<scripts>\n;\n(() => ddClient.navigateToContainers()\n);`)
  const [open, close] = region.statements ? ["", "\n"] : ["(", "\n);"];
  const path = `${filePath}.${piece.typescript ? "ts" : "js"}`;
  // A handler's line is the markup's: its width is not the script's to keep. Where a piece's findings
  // point within it only serves to find them: the caller places them at the piece.
  const keep = { ...options, client: "keep" as const, positions: "input" as const, style: { ...options.style, printWidth: Infinity } };
  for (const scripts of piece.context.length > 0 ? [piece.context, []] : [[]]) {
    const prefix = scripts.map((script) => `${script}\n;\n`).join("") + open;
    const virtual = prefix + decoded.text + close;
    const result = migrateSource(virtual, path, keep);
    // A handler that redeclares a script's name does not parse with the scripts before it: try it alone.
    if (result.status === "failed") continue;
    const virtualLines = new LineMap(virtual);
    const own = result.findings.filter((finding) => virtualLines.offsetOf(finding.at) >= prefix.length);
    if (!region.global) return { findings: own.map((finding) => componentScoped(finding, virtual, virtualLines)) };
    if (result.status === "unchanged") return { findings: own };
    if (!result.output.startsWith(prefix) || !result.output.endsWith(close)) return { findings: [unreadable(decoded.text)] };
    const inner = result.output.slice(prefix.length, result.output.length - close.length);
    const text = region.quote === null ? inner : encodeAttribute(rawValue, decoded, inner, region.quote);
    return { edit: { start: region.start, end: region.end, text }, findings: own };
  }
  return { findings: [unreadable(decoded.text)] };
}

/** A Vue template's call, reported with its receiver: the template's `window` is the component's. */
function componentScoped(finding: Finding, virtual: string, lines: LineMap): Finding {
  if (finding.kind === "manual" && finding.reason === "unknown-client") return finding;
  const receiver = receiverBefore(virtual, lines.offsetOf(finding.at));
  return { kind: "manual", member: finding.member, at: finding.at, reason: "unknown-client", data: { receiver } };
}

/** `window.ddClient` in `window.ddClient.toastError(…)`, given the offset of `toastError`. */
function receiverBefore(text: string, offset: number): string {
  const end = text.slice(0, offset).replace(/\??\.\s*$/, "").length;
  let start = end;
  for (let depth = 0; start > 0; start--) {
    const c = text[start - 1]!;
    if (c === ")" || c === "]") depth++;
    else if (c === "(" || c === "[") depth--;
    else if (depth === 0 && !/[\w$.!?]/.test(c)) break;
    if (depth < 0) break;
  }
  return text.slice(start, end).trim();
}

function unreadable(text: string): Finding {
  const member = V0_MEMBER.exec(text)?.[0].replace(/[\s?]/g, "") ?? "";
  return { kind: "manual", member, at: { line: 1, column: 1 }, reason: UNREADABLE, data: { expression: text.trim() } };
}

/** `Unexpected token (3:7)` inside a block → the same place in the file. */
function shiftError(error: string, origin: Position): string {
  return error.replace(/\((\d+):(\d+)\)$/, (_, line: string, column: string) => {
    const at = shiftPosition({ line: Number(line), column: Number(column) }, origin);
    return `(${at.line}:${at.column})`;
  });
}
