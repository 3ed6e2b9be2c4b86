/**
 * Hand-written typings of the client migrate with the calls: the files that may hold one run
 * after the others, told which v0 members the run migrated and which are still called, and
 * whether the official types resolve from where the typing is (core/plan-typing).
 */
import { createRequire } from "node:module";
import type { TypingContext } from "../core/plan-typing.js";
import { TYPES_PACKAGE } from "../deprecations/messages.js";
import { DEPRECATIONS, findDeprecation } from "../deprecations/table.js";
import type { FileResult } from "./types.js";

export function typingContextFor(file: string, results: readonly FileResult[]): TypingContext {
  const migrated = new Set<string>();
  const remaining = new Set<string>();
  let skipped = false;
  for (const result of results) {
    // A file that failed keeps its v0 calls, unseen: every v0 member may still be called.
    if (result.status === "failed") for (const row of DEPRECATIONS) remaining.add(row.id);
    for (const finding of result.findings) {
      skipped ||= finding.kind === "manual" && finding.reason === "interactive-skipped";
      if (findDeprecation(finding.member)) (finding.kind === "migrated" ? migrated : remaining).add(finding.member);
    }
  }
  // Other files scanned: the run sees the project's calls, so a v0 member none of them calls goes (core/plan-typing).
  const complete = results.some((result) => result.path !== file);
  return { typesPackage: resolves(file, `${TYPES_PACKAGE}/package.json`), migrated: [...migrated], remaining: [...remaining], complete, ...(skipped ? { skipped } : {}) };
}

/** Node's resolution from the file, which is TypeScript's `node` resolution for a package. */
function resolves(from: string, request: string): boolean {
  try {
    createRequire(from).resolve(request);
    return true;
  } catch {
    return false;
  }
}
