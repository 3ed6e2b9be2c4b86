/** The TypeScript files under a project's `src/`, by path relative to it, sorted: what a run wrote there. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function readSourceTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(path.join(dir, "src"), { recursive: true, encoding: "utf8" }).sort()) {
    if (/\.tsx?$/.test(file)) files[file] = readFileSync(path.join(dir, "src", file), "utf8");
  }
  return files;
}
