/**
 * The codemod entry: every transform of the registry over one file, as text edits on the
 * original source (so untouched bytes, comments, line endings and a BOM survive exactly).
 * Also the jscodeshift transform (`default export`) for users of jscodeshift's own runner.
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import type { ArgumentsDescription } from "../core/call-site.js";
import type { ProjectWrappers } from "../core/plan-wrapper.js";
import { planCallSite, type SitePlan } from "../core/plan-call-site.js";
import { applyEdits, type Edit, type Finding } from "../core/report.js";
import { TRANSFORM_BY_ID } from "./index.js";
import { markupKindOf, migrateMarkup } from "./embedded.js";
import { describeMemberPath, findV0CallSites, positionOf, resultUseOf, type V0CallSite } from "./lib/call-sites.js";
import { detectIndentUnit, lineIndent, type FileContext } from "./lib/file-context.js";
import { constantRemoval, functionUses } from "./lib/function-uses.js";
import { MAY_DESTRUCTURE_V0, unusedDestructuringEdits } from "./lib/unused-destructuring.js";
import { languageOf, parseSource } from "./lib/parse.js";
import type { ClientModules } from "./lib/client-modules.js";
import { findHandWrittenTypings } from "./lib/typing-reports.js";
import { planSharedClient, type SharedClient } from "./lib/shared-client.js";
import { walkFile, type NodePath } from "./lib/scope.js";
import jscodeshift from "jscodeshift";
import path from "node:path";

export interface MigrateOptions {
  /** Emit host-dependent words as raw values (hosts that pass args through, e.g. Podman Desktop) instead of keeping their quoting. */
  readonly rawArgs?: boolean;
  /** The project's modules that export the client (from `scanClientExports` over the tree, and `--client-module`). */
  readonly clientModules?: ClientModules;
  /** `keep` (default): rewritten calls keep their receiver; `import`: they use one module-level `createDockerDesktopClient()`. */
  readonly client?: "keep" | "import";
  /** Exported wrappers of the project and their callers' edits (transforms/project-wrappers). */
  readonly projectWrappers?: ProjectWrappers;
}

export type MigrateResult =
  | { readonly status: "changed" | "unchanged"; readonly output: string; readonly findings: readonly Finding[] }
  /** The file did not parse: it is left as it was. `error` is the parser's message with line:column. */
  | { readonly status: "failed"; readonly error: string; readonly findings: readonly Finding[] };

const MAY_HOLD_V0 = new RegExp(`\\b(?:${[...V0_ROOT_MEMBERS].join("|")})\\b`);

/** The cheap check before a full parse: most files of a real tree name no v0 member at all. */
export function mayContainV0Call(source: string): boolean {
  return MAY_HOLD_V0.test(source);
}

/** Nested call sites (a v0 call inside a spawn callback) are rewritten by a further pass over the output. */
const MAX_PASSES = 4;

export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrateResult {
  const callerEdits = options.projectWrappers?.callerEdits[path.resolve(filePath)];
  if (!mayContainV0Call(source) && !callerEdits) return { status: "unchanged", output: source, findings: [] };
  if (markupKindOf(filePath)) return migrateMarkup(source, filePath, options);
  const bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
  const original = source.slice(bom.length);
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  // Callers of a project wrapper rewritten in its own file: `run("kubectl get pods")` → `run("kubectl", ["get", "pods"])`.
  let text = callerEdits ? applyEdits(original, callerEdits) : original;
  const findings: Finding[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let result: ReturnType<typeof migratePass>;
    try {
      result = migratePass(text, filePath, options, eol);
    } catch (error) {
      // The file is left as it was either way; a bug of ours says so instead of posing as a parse error.
      if (error instanceof ParseFailure && pass === 0) return { status: "failed", error: error.message, findings: [] };
      return { status: "failed", error: `internal error (please report): ${(error as Error).stack ?? error}`, findings: [] };
    }
    // Manual findings repeat on later passes: keep the first pass's, at the original positions.
    findings.push(...result.findings.filter((finding) => pass === 0 || finding.kind === "migrated"));
    text = result.output;
    if (!result.deferred) break;
  }
  text = removeUnusedDestructuring(text, filePath, options, eol);
  const output = bom + text;
  return { status: output === source ? "unchanged" : "changed", output, findings: findings.sort(byPosition) };
}

/** The last step: v0 members destructured off the client that the rewrites left unused. */
function removeUnusedDestructuring(text: string, filePath: string, options: MigrateOptions, eol: string): string {
  if (!MAY_DESTRUCTURE_V0.test(text)) return text;
  const { root } = parse(text, filePath);
  const { reassignments } = walkFile(root.paths()[0] as NodePath, jscodeshift, text);
  const clients = { filePath, ...(options.clientModules ? { clientModules: options.clientModules } : {}) };
  const edits = unusedDestructuringEdits(root, jscodeshift, text, reassignments, clients);
  return edits.length ? applyEdits(text, edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, eol) }))) : text;
}

function byPosition(a: Finding, b: Finding): number {
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

class ParseFailure extends Error {}

function parse(text: string, filePath: string): ReturnType<typeof parseSource> {
  try {
    return parseSource(text, filePath);
  } catch (error) {
    const err = error as { message?: string; loc?: { line: number; column: number } };
    const message = err.message ?? String(error);
    throw new ParseFailure(err.loc && !/\(\d+:\d+\)$/.test(message) ? `${message} (${err.loc.line}:${err.loc.column + 1})` : message);
  }
}

function migratePass(text: string, filePath: string, options: MigrateOptions, eol: string): { output: string; findings: Finding[]; deferred: boolean } {
  const { root } = parse(text, filePath);
  const j = jscodeshift;
  const { calls, reassignments, quotes, typings } = walkFile(root.paths()[0] as NodePath, j, text);
  const ctx: FileContext = {
    source: text,
    language: languageOf(filePath),
    j,
    root,
    reassignments,
    quote: quotes.single > quotes.double ? "'" : '"',
    indentUnit: detectIndentUnit(text),
    rawArgs: options.rawArgs === true,
    lineIndent: (offset) => lineIndent(text, offset),
    text,
    callsOf: (fn) => {
      const uses = functionUses(fn, root, j);
      return uses && !uses.exported ? uses.calls : null;
    },
    functionUses: (fn) => functionUses(fn, root, j),
    removeConstant: (init) => constantRemoval(init, root, j, text),
    filePath,
    ...(options.projectWrappers ? { projectWrappers: options.projectWrappers } : {}),
  };
  const sites = findV0CallSites(calls, text, reassignments, { filePath, ...(options.clientModules ? { clientModules: options.clientModules } : {}) });
  const kept: Edit[] = [];
  const findings: Finding[] = [];
  let deferred = false;
  const shared = options.client === "import" && sites.length > 0 ? planSharedClient((root.paths()[0] as NodePath).get("program"), text, ctx.quote, isCommonJs(filePath, text)) : undefined;
  let sharedUsed = false;
  // Outer sites first; a site whose edits fall inside an outer site's edits waits for the next pass.
  for (const plan of sites.map((site) => planSite(site, ctx, shared))) {
    if (plan.edits.some((edit) => kept.some((other) => edit.start < other.end && other.start < edit.end))) {
      deferred = true;
      continue;
    }
    kept.push(...plan.edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, eol) })));
    findings.push(plan.finding);
    sharedUsed ||= plan.finding.kind === "migrated";
  }
  if (languageOf(filePath) === "ts") findings.push(...findHandWrittenTypings(typings));
  if (shared && sharedUsed) kept.push(...shared.header.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, eol) })));
  return { output: applyEdits(text, kept), findings, deferred };
}

/** A node's range with the parentheses around it: `(client as any)` is replaced whole. */
function withParentheses(node: { start: number; end: number; extra?: { parenthesized?: boolean; parenStart?: number } }, source: string): { start: number; end: number } {
  if (!node.extra?.parenthesized || node.extra.parenStart === undefined) return { start: node.start, end: node.end };
  const close = source.indexOf(")", node.end);
  return close < 0 ? { start: node.start, end: node.end } : { start: node.extra.parenStart, end: close + 1 };
}

/** `.cjs`, or a script with `require` and no `import`/`export`: the client comes in with `require`. */
function isCommonJs(filePath: string, text: string): boolean {
  if (/\.c[jt]s$/.test(filePath)) return true;
  if (/\.m[jt]s$/.test(filePath)) return false;
  return /\brequire\(/.test(text) && !/^\s*(?:import|export)\b/m.test(text);
}

function planSite(site: V0CallSite, ctx: FileContext, shared?: SharedClient): SitePlan {
  const transform = site.row.transform && TRANSFORM_BY_ID.get(site.row.transform);
  const args: ArgumentsDescription = transform && site.receiverKind === "client" ? transform.describeArguments(site, ctx) : { shape: "unchanged" };
  const description = {
    member: site.row.id,
    at: positionOf(site),
    receiver: {
      kind: site.receiverKind,
      text: site.receiverText,
      ...(site.receiverNode ? { range: withParentheses(site.receiverNode, ctx.source) } : {}),
      ...(shared?.usableAt(site.call) ? { replacement: shared.name } : {}),
    },
    path: describeMemberPath(site),
    args,
    callRange: { start: site.call.node.start, end: site.call.node.end },
    resultUse: resultUseOf(site.call),
  };
  return planCallSite(description, ctx);
}

/** jscodeshift transform: `jscodeshift -t node_modules/ddclient-migrate/dist/transforms/migrate.js src/`. */
export default function transformer(file: { path: string; source: string }, api: { report?: (message: string) => void }, options: { rawArgs?: boolean } = {}): string | undefined {
  const result = migrateSource(file.source, file.path, { rawArgs: options.rawArgs === true });
  if (result.status === "failed") throw new Error(`${file.path}: ${result.error}`);
  for (const finding of result.findings) if (finding.kind === "manual") api.report?.(`${file.path}:${finding.at.line}:${finding.at.column} ${finding.member}: ${finding.reason}`);
  return result.status === "changed" ? result.output : undefined;
}
