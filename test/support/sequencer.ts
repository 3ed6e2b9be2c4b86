/**
 * The order test files start in. With durations from an earlier run (vitest keeps them in its
 * cache) vitest's own order holds: failed first, then slowest first. From a fresh clone it has
 * none and starts the largest files first, which leaves the files that wait longest on other
 * programs (npm installing from the registry, Chromium starting) to the end of the run, where
 * one worker waits while the other has nothing left. Those start first here, so that their
 * waiting overlaps the other files' work; then the files that take longest although their
 * source is short (a seeded property run, a generated large file), which started last by size
 * ended the run 50-110 s after the other worker had nothing left.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Directories whose files spend most of their time waiting on the registry or a browser. */
const WAITING = ["test/package/", "test/playground/", "test/browser/"];

/**
 * The files that ran longest in a whole run (`vitest run --reporter=json`, 2 cores), longest first,
 * of those not in a WAITING directory. Each must exist, so that a renamed file cannot quietly drop out.
 */
export const LONGEST = [
  "test/cli/interrupt-property.test.ts",
  "test/cli/large-file.test.ts",
  "test/examples/legacy-extension.test.ts",
  "test/differential/fixtures.differential.test.ts",
  "test/cli/interactive.test.ts",
  "test/cli/hand-written-typing.test.ts",
  "test/cli/interrupt.test.ts",
  "test/transforms/jscodeshift-runner.test.ts",
  "test/transforms/change-groups.test.ts",
];
for (const file of LONGEST) if (!existsSync(new URL(`../../${file}`, import.meta.url))) throw new Error(`test/support/sequencer.ts: ${file} is listed among the longest test files and does not exist.`);

const relativeOf = (spec: TestSpecification): string => path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/");
const waits = (spec: TestSpecification): boolean => WAITING.some((dir) => relativeOf(spec).startsWith(dir));
/** Its place in LONGEST; files not listed after all of them. */
const rank = (spec: TestSpecification): number => {
  const at = LONGEST.indexOf(relativeOf(spec));
  return at === -1 ? LONGEST.length : at;
};

export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (spec: TestSpecification): boolean => this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`) !== undefined;
    if (sorted.every(known)) return sorted;
    // A stable sort: within a rank, vitest's order (largest first) holds.
    return [...sorted.filter(waits), ...sorted.filter((spec) => !waits(spec)).sort((a, b) => rank(a) - rank(b))];
  }
}
