/**
 * The unified diff `--dry` prints for one file, headed `a/<path>` / `b/<path>` like git's. Its
 * own module, free of Node built-ins, so that the browser playground prints the same bytes.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";

/** `relPath`: forward slashes, relative to the run's directory (`src/App.tsx`). */
export function dryRunDiff(relPath: string, source: string, output: string): string {
  return createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, source, output, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}
