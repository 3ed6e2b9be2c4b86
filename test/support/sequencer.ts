/**
 * The order test files start in. With durations from an earlier run (vitest keeps them in its
 * cache) vitest's own order holds: failed first, then slowest first. From a fresh clone it has
 * none and starts the largest files first, which leaves the files that wait longest on other
 * programs (npm installing from the registry, Chromium starting) to the end of the run, where
 * one worker waits while the other has nothing left. Those start first here, so that their
 * waiting overlaps the other files' work.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Directories whose files spend most of their time waiting on the registry or a browser. */
const WAITING = ["test/package/", "test/playground/", "test/browser/"];

const waits = (spec: TestSpecification): boolean => {
  const rel = path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/");
  return WAITING.some((dir) => rel.startsWith(dir));
};

export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (spec: TestSpecification): boolean => this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`) !== undefined;
    if (sorted.every(known)) return sorted;
    return [...sorted.filter(waits), ...sorted.filter((spec) => !waits(spec))];
  }
}
