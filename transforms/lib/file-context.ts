/** Per-file facts every transform reads: the source, its language and style, and scope helpers. */
import type { QuoteChar } from "../../core/js-literals.js";
import type { Edit, Finding, ManualReason } from "../../core/report.js";
import type { V0CallSite } from "./call-sites.js";
import type { Language } from "./parse.js";
import type { NodePath, Reassignments } from "./scope.js";

export interface FileContext {
  readonly source: string;
  readonly language: Language;
  readonly j: any;
  readonly root: any;
  readonly reassignments: Reassignments;
  /** The quote most string literals of the file use. */
  readonly quote: QuoteChar;
  /** One level of indentation in this file. */
  readonly indentUnit: string;
  readonly rawArgs: boolean;
  /** Every call of the function at `fn`, or null when it escapes the file's view (exported, passed as a value). */
  callsOf(fn: NodePath): NodePath[] | null;
}

export interface SitePlan {
  readonly edits: readonly Edit[];
  readonly finding: Finding;
}

export function positionOf(site: V0CallSite): { line: number; column: number } {
  const loc = site.segments[0]!.loc.start;
  return { line: loc.line, column: loc.column + 1 };
}

export function manual(site: V0CallSite, reason: ManualReason, data: Record<string, string> = {}): SitePlan {
  return { edits: [], finding: { kind: "manual", member: site.row.id, at: positionOf(site), reason, data } };
}

/** Indentation of the line holding `offset`. */
export function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

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
