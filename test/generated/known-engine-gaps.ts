/**
 * KNOWN_ENGINE_GAPS: the only exclusion of the generated-programs test. Each entry is a shape
 * the engine gets wrong today (issue 9), the checks it fails, and a smallest program showing
 * it. A failure of one of those checks in a program with that shape is counted, not failed;
 * the test also fails once a reproduction passes, so an entry goes when its fix lands.
 */
import type { Lang } from "./program-tree.js";
import type { CheckName } from "./static-checks.js";

export interface EngineGap {
  /** A generator tag (program-tree Leaf.tags). */
  readonly shape: string;
  readonly checks: readonly CheckName[];
  readonly reproduction: { readonly lang: Lang; readonly text: string };
  /** Fixtures (`spawn-stream/nested-v0-call`) that show it to test/transforms/v0-calls-reported.test.ts. */
  readonly fixtures?: readonly string[];
}

export const KNOWN_ENGINE_GAPS: readonly EngineGap[] = [];

/** The gap that excuses `check` failing on fixture `name`, if any. */
export function fixtureGapFor(check: CheckName, name: string): EngineGap | undefined {
  return KNOWN_ENGINE_GAPS.find((gap) => gap.fixtures?.includes(name) && gap.checks.includes(check));
}

/** The gap that excuses `check` failing in a program showing `tags`, if any. */
export function gapFor(check: CheckName, tags: ReadonlySet<string>): EngineGap | undefined {
  return KNOWN_ENGINE_GAPS.find((gap) => tags.has(gap.shape) && gap.checks.includes(check));
}
