/**
 * `--interactive`'s plan of one file: its changes, each shown alone. A change is a call site's
 * rewrite with what goes with it (its hoisted callback, its layout), or a project wrapper's
 * rewrite with its callers in other files (one name in each file); a markup file is one change.
 * What follows from the answers is not asked: a typing follows the calls it types, a
 * destructuring goes once all its uses are rewritten, `--client import`'s header comes with the
 * first rewrite (transforms/migrate plans them from the calls it made). A file whose changes
 * are only of that kind (a typing whose calls an earlier run migrated) is one change.
 */
import path from "node:path";
import { describeReview } from "../deprecations/messages.js";
import type { Finding } from "../core/report.js";
import { markupKindOf } from "../transforms/embedded.js";
import { migrateSource, skippedInteractively, type MigrateOptions } from "../transforms/migrate.js";
import { dryRunDiff } from "./dry-diff.js";
import type { PlannedChange } from "./types.js";

export function planChanges(file: string, rel: string, source: string, options: MigrateOptions): PlannedChange[] {
  const found = new Map<string, Finding>();
  const all = migrateSource(source, file, { ...options, positions: "input", onChange: (name, finding) => found.set(name, finding) });
  if (all.status !== "changed") return [];
  const absolute = path.resolve(file);
  const callers = (options.projectWrappers?.callerEdits[absolute] ?? []).flatMap((edit) => (edit.change ? [edit.change] : []));
  // A typing that follows calls of other files is not asked about; one that changes alone is (calls an earlier run migrated).
  if (found.size + callers.length === 0 && options.typing?.migrated?.length) return [];
  if (markupKindOf(file) || found.size + callers.length === 0) {
    const migrated = all.findings.filter((finding) => finding.kind === "migrated");
    return [{ name: absolute, member: [...new Set(migrated.map((finding) => finding.member))].join(", "), notes: migrated.flatMap(notesOf), diff: dryRunDiff(rel, source, all.output) }];
  }
  const names = [...new Set([...found.keys(), ...callers])].sort(byPlace);
  // The file with every change left: what the others' diffs are shown against (a typing that follows the calls).
  const left = migrateSource(source, file, { ...options, skip: names });
  const none = left.status === "failed" ? source : left.output;
  return names.map((name) => {
    const alone = migrateSource(source, file, { ...options, skip: names.filter((other) => other !== name) });
    const finding = found.get(name);
    const diff = alone.status === "failed" ? "" : dryRunDiff(rel, none, alone.output);
    return { name, member: finding?.member ?? "", notes: finding ? notesOf(finding) : [], diff };
  });
}

/** A markup file answered no: its findings as they would be left, as transforms/migrate leaves a call answered no. */
export function leftWhole(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => (finding.kind === "migrated" ? skippedInteractively(finding) : finding));
}

function notesOf(finding: Finding): string[] {
  return finding.kind === "migrated" ? finding.review.map((review) => describeReview(review).replace(/\.$/, "")) : [];
}

/** `<path>:<line>:<column>`, by path then line and column. */
export function byPlace(a: string, b: string): number {
  const [pa, la, ca] = placeOf(a);
  const [pb, lb, cb] = placeOf(b);
  return pa < pb ? -1 : pa > pb ? 1 : la - lb || ca - cb;
}

export function placeOf(name: string): [file: string, line: number, column: number] {
  const match = /^(.*):(\d+):(\d+)$/.exec(name);
  return match ? [match[1]!, Number(match[2]), Number(match[3])] : [name, 1, 1];
}
