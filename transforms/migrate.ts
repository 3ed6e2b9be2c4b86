/**
 * The codemod entry: every v0 call site of one file, described by the engine and planned by
 * core, applied as text edits on the original source (so untouched bytes, comments, line
 * endings and a BOM survive exactly). The lint rule's fixes are the same edits.
 */
import path from "node:path";
import { planCallSite } from "../core/plan-call-site.js";
import { mayContainV0Call, mayTypeClient } from "../core/precheck.js";
import { movePlacesInText, positionMapper } from "../core/edit-positions.js";
import { applyEdits, changesBehaviour, type Edit, type Finding } from "../core/report.js";
import { describeReview } from "../deprecations/messages.js";
import { findDeprecation, V0_ROOT_MEMBERS } from "../deprecations/table.js";
import { findV0CallSite } from "../engine/call-sites.js";
import { describeCallSite } from "../engine/describe-call-site.js";
import type { Identifier } from "../engine/ast.js";
import type { EngineFile } from "../engine/file.js";
import { unusedDestructuring } from "../engine/unused-destructuring.js";
import type { V0Use } from "../engine/sweep.js";
import { unreportedV0Uses } from "../engine/sweep-report.js";
import { changeNames, type ChangeNames } from "./change-ids.js";
import { markupKindOf, migrateMarkup } from "./embedded.js";
import { ParseError, parseEngineFile } from "./parse.js";
import type { MigrateOptions, MigrateResult } from "./migrate-types.js";
import { planSharedClient } from "./shared-client.js";
import { planTypings } from "./typings.js";

export { mayContainV0Call };
export type { MigrateOptions, MigrateResult };

/** Nested call sites (a v0 call inside a spawn callback) are rewritten by a further pass over the output. */
const MAX_PASSES = 4;

/** `const { … backend … } = …`: cheap enough to skip the last parse when absent. */
/** `const { backend } = …` or `const backend = ….backend`: a v0 member taken off the client. */
const MAY_DESTRUCTURE_V0 = new RegExp(`\\{[^{}]*\\b(?:${[...V0_ROOT_MEMBERS].join("|")})\\b[^{}]*\\}\\s*=|=[^=;]*\\.\\s*(?:${[...V0_ROOT_MEMBERS].join("|")})\\s*(?:[;,\\n]|$)`, "m");

export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrateResult {
  const skip = new Set(options.skip);
  // A wrapper's callers go with the wrapper's rewrite (cli --interactive).
  const callerEdits = options.projectWrappers?.callerEdits[path.resolve(filePath)]?.filter((edit) => edit.change === undefined || !skip.has(edit.change));
  if (!mayContainV0Call(source) && !callerEdits && !mayTypeClient(source)) return { status: "unchanged", output: source, findings: [] };
  if (markupKindOf(filePath)) return migrateMarkup(source, filePath, options, migrateSource);
  const bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
  const original = source.slice(bom.length);
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  // Callers of a project wrapper rewritten in its own file: `run("kubectl get pods")` → `run("kubectl", ["get", "pods"])`.
  let text = callerEdits ? applyEdits(original, callerEdits) : original;
  const findings: Finding[] = [];
  // Calls the first pass left for later (inside another call's rewrite), at their positions in
  // the input: a later pass sees them in its own text, where they have moved.
  const waiting: WaitingSite[] = [];
  // The same findings at their places in the output, where a written file shows them.
  let written: Finding[] = [];
  let parsed = false;
  // The first pass's file, where every finding is placed, and each pass's edits in its own text.
  let first: EngineFile | undefined;
  const applied: Edit[][] = [];
  // The text each pass started from, then the output: where the sweep's findings move through.
  const texts: string[] = [text];
  const names = options.skip || options.onChange ? changeNames(path.resolve(filePath), original, text, callerEdits ?? [], waiting) : undefined;
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const file = engineFile(text, filePath, options);
      first ??= file;
      parsed = true;
      const result = migratePass(file, options, eol, findings, names && { names, skip, pass });
      const placed = pass === 0 ? result.findings.map((finding) => ({ input: finding, found: finding })) : atInputPositions(result.findings, waiting);
      if (pass === 0) waiting.push(...result.waiting);
      findings.push(...placed.map((p) => p.input));
      // The typings come with the last pass, after every call of the file.
      findings.push(...result.typings);
      // The last pass also drops the v0 members its rewrites leave unused, planned on the same tree.
      const edits = result.deferred ? result.edits : [...result.edits, ...unusedDestructuringEdits(file, result.edits, eol)];
      const next = applyEdits(file.source, edits);
      applied.push(edits);
      texts.push(next);
      // Each finding where it stands in this pass's text, carried through the pass's edits.
      written = moveFindings([...written, ...placed.map((p) => p.found), ...result.typings], file.source, edits, next);
      text = next;
      if (!result.deferred) break;
    }
    // The closing sweep: a v0 use in the input that no finding stands at and the edits did not take out is reported.
    if (first) {
      const swept = unreportedV0Uses(first, findings, (use) => !survives(use, first!.source, applied)).map((unreported) => unreported.finding);
      findings.push(...swept);
      written.push(...applied.reduce((moved, edits, pass) => moveFindings(moved, texts[pass]!, edits, texts[pass + 1]!), swept));
    }
  } catch (error) {
    // The file is left as it was either way; a bug of ours says so instead of posing as a parse error.
    if (error instanceof ParseError && !parsed) return { status: "failed", error: error.message, findings: [] };
    return { status: "failed", error: `internal error (please report): ${(error as Error).stack ?? error}`, findings: [] };
  }
  const output = bom + text;
  return { status: output === source ? "unchanged" : "changed", output, findings: (options.positions === "output" ? written : findings).sort(byPosition) };
}

function engineFile(text: string, filePath: string, options: MigrateOptions): EngineFile {
  return parseEngineFile(text, filePath, {
    rawArgs: options.rawArgs === true,
    ...(options.clientModules ? { clientModules: options.clientModules } : {}),
    ...(options.projectWrappers ? { projectWrappers: options.projectWrappers } : {}),
    ...(options.style ? { style: options.style } : {}),
  });
}

interface WaitingSite {
  readonly member: string;
  readonly at: Finding["at"];
}

/**
 * A later pass's findings, each also at the input position of the waiting call of its member
 * (in order); one without such a call is a copy of one already placed (a callback statement
 * written into two stream handlers) or repeats a first-pass finding, and is dropped.
 */
function atInputPositions(found: readonly Finding[], waiting: WaitingSite[]): { input: Finding; found: Finding }[] {
  return found.flatMap((finding) => {
    const index = waiting.findIndex((site) => site.member === finding.member);
    if (index < 0) return [];
    const [site] = waiting.splice(index, 1);
    return [{ input: { ...finding, at: site!.at }, found: finding }];
  });
}

/** Findings at places of `source`, at their places in `output` (core/edit-positions). */
function moveFindings(findings: readonly Finding[], source: string, edits: readonly Edit[], output: string): Finding[] {
  if (edits.length === 0) return [...findings];
  const move = positionMapper(source, edits, output);
  // A wrapper's callers in this file, listed by place, move with it.
  const withCallers = <T extends { readonly data: Readonly<Record<string, string>> }>(item: T): T =>
    item.data.callers === undefined ? item : { ...item, data: { ...item.data, callers: movePlacesInText(item.data.callers, move) } };
  return findings.map((finding) =>
    finding.kind === "manual" ? withCallers({ ...finding, at: move(finding.at) }) : { ...finding, at: move(finding.at), review: finding.review.map(withCallers) },
  );
}

function migratePass(
  file: EngineFile,
  options: MigrateOptions,
  eol: string,
  earlier: readonly Finding[],
  chosen?: { names: ChangeNames; skip: ReadonlySet<string>; pass: number },
): { edits: Edit[]; findings: Finding[]; typings: Finding[]; waiting: WaitingSite[]; deferred: boolean } {
  const sites = file.index.calls.flatMap((call) => findV0CallSite(call, file) ?? []);
  const shared = options.client === "import" && sites.length > 0 ? planSharedClient(file, isCommonJs(file.filename, file.source)) : undefined;
  const kept: Edit[] = [];
  const findings: Finding[] = [];
  const waiting: WaitingSite[] = [];
  let deferred = false;
  let sharedUsed = false;
  // Outer sites first; a site whose edits fall inside an outer site's edits waits for the next pass.
  for (const site of sites) {
    const planned = planCallSite(describeCallSite(site, file, shared?.usableAt(site.call) ? shared.name : undefined), file.style);
    const name = chosen?.names.nameOf(planned.finding.member, planned.finding.at, chosen.pass);
    const skipped = name !== undefined && planned.finding.kind === "migrated" && chosen!.skip.has(name);
    const plan = skipped ? leftByChoice(planned.finding) : options.safeOnly && changesBehaviour(planned.finding) ? leftBySafeOnly(planned.finding) : planned;
    // A skipped call inside another's rewrite still waits for it: the next pass meets it again, by its name.
    if ((skipped ? planned : plan).edits.some((edit) => kept.some((other) => edit.start < other.end && other.start < edit.end))) {
      deferred = true;
      waiting.push({ member: plan.finding.member, at: plan.finding.at });
      continue;
    }
    kept.push(...plan.edits.map((edit) => withEol(edit, eol)));
    findings.push(plan.finding);
    if (name !== undefined) {
      chosen!.names.claim(plan.finding.member, name, chosen!.pass);
      if (plan.finding.kind === "migrated" && findDeprecation(plan.finding.member)) options.onChange?.(name, plan.finding);
    }
    sharedUsed ||= plan.finding.kind === "migrated";
  }
  // The typings follow every call of the file, so they wait for the last pass.
  const typings = file.style.language === "ts" && !deferred ? planTypings(file, options.typing, [...earlier, ...findings]) : { edits: [], findings: [] };
  kept.push(...typings.edits.map((edit) => withEol(edit, eol)));
  if (shared && sharedUsed) kept.push(...shared.header.map((edit) => withEol(edit, eol)));
  return { edits: kept, findings, typings: typings.findings, waiting, deferred };
}

/** Before: execHostCmd(`logs ${id}`)   After (--safe-only): unchanged, reported with the review the rewrite needs. */
function leftBySafeOnly(finding: Finding): { edits: Edit[]; finding: Finding } {
  const review = finding.kind === "migrated" ? finding.review.map((r) => describeReview(r).replace(/\.$/, "")).join("; ") : "";
  return { edits: [], finding: { kind: "manual", member: finding.member, at: finding.at, reason: "safe-only-skipped", data: { review } } };
}

/** Before: execHostCmd(`logs ${id}`)   After (answered no in --interactive): unchanged, reported as skipped. */
function leftByChoice(finding: Finding): { edits: Edit[]; finding: Finding } {
  return { edits: [], finding: skippedInteractively(finding) };
}

/** A migration answered no in --interactive, as the call left for a person, with the notes it would have had. */
export function skippedInteractively(finding: Finding): Finding {
  const review = finding.kind === "migrated" ? finding.review.map((r) => describeReview(r).replace(/\.$/, "")).join("; ") : "";
  return { kind: "manual", member: finding.member, at: finding.at, reason: "interactive-skipped", data: { review } };
}

/**
 * v0 members destructured off the client that the rewrites leave unused: every reference lies
 * in an edit whose new text no longer names it. `const { backend } = window.ddClient` goes
 * once each `backend.get(…)` reads `window.ddClient.extension.vm.service.get(…)`.
 */
function unusedDestructuringEdits(file: EngineFile, edits: readonly Edit[], eol: string): Edit[] {
  if (!MAY_DESTRUCTURE_V0.test(file.source)) return [];
  const removed = (reference: Identifier): boolean => {
    // A name after `.` or `?.` is a property, not the local: `listImages(…)` → `window.ddClient.docker.listImages(…)`
    // no longer uses `listImages`, and the destructuring goes in this run, not in a second (a spread `...name` still names it).
    const named = new RegExp(`(?<![\\p{ID_Continue}$]|(?<!\\.)\\.\\s*)${reference.name.replace(/\$/g, "\\$")}(?![\\p{ID_Continue}$])`, "u");
    return edits.some((edit) => edit.start <= reference.range[0] && reference.range[1] <= edit.end && !named.test(edit.text));
  };
  const removals = file.index.declarators.flatMap((declarator) => unusedDestructuring(declarator, file, removed)?.edits ?? []);
  // A removal that meets a rewrite would garble both: keep the declaration then.
  if (removals.some((removal) => edits.some((edit) => removal.start < edit.end && edit.start < removal.end))) return [];
  return removals.map((edit) => withEol(edit, eol));
}

/**
 * Is the use still in the output? It is followed through each pass's edits: an edit over it
 * takes it out unless some edit of the pass spells it again (a spawn callback hoisted before
 * its call), and then it stays reported at its input position.
 */
function survives(use: V0Use, source: string, applied: readonly (readonly Edit[])[]): boolean {
  let offset = use.node.range[0];
  const spelled = source.slice(use.node.range[0], use.node.range[1]);
  const named = new RegExp(`(?<![\\p{ID_Continue}$])${spelled.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{ID_Continue}$])`, "u");
  for (const edits of applied) {
    let shift = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
      if (edit.end <= offset) shift += edit.text.length - (edit.end - edit.start);
      // Over it: the text it spells may have moved to another edit of the pass (a hoisted callback).
      else if (edit.start <= offset) return edits.some((other) => named.test(other.text));
      else break;
    }
    offset += shift;
  }
  return true;
}

function withEol(edit: Edit, eol: string): Edit {
  return { ...edit, text: edit.text.replace(/\r?\n/g, eol) };
}

function byPosition(a: Finding, b: Finding): number {
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

/** `.cjs`, or a script with `require` and no `import`/`export`: the client comes in with `require`. */
function isCommonJs(filePath: string, text: string): boolean {
  if (/\.c[jt]s$/.test(filePath)) return true;
  if (/\.m[jt]s$/.test(filePath)) return false;
  return /\brequire\(/.test(text) && !/^\s*(?:import|export)\b/m.test(text);
}
