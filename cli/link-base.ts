/**
 * Where a Markdown report's links resolve from: the root of the git repository the command ran
 * in, so that `ui/src/api.ts#L80` opens the file on the hosting site whatever directory the
 * command ran in; outside a repository, that directory.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { toPosix } from "./walk.js";

export interface LinkBase {
  /** `git`: relative to the repository's root; `cwd`: no repository, relative to the directory the command ran in. */
  readonly from: "git" | "cwd";
  /** The command's directory seen from there, `/`-separated: `""`, or `ui` for a run in `<root>/ui`. */
  readonly prefix: string;
}

/**
 * The root is the nearest directory at or above `cwd` holding `.git` (a directory, or a file in
 * a worktree or submodule), as SARIF's `%SRCROOT%` of `check` is: found by path, without running
 * git, and in the same terms as the report's paths even when `cwd` is reached through a link.
 */
export async function linkBaseOf(cwd: string): Promise<LinkBase> {
  const root = await findRepositoryRoot(cwd);
  return root === undefined ? { from: "cwd", prefix: "" } : { from: "git", prefix: toPosix(path.relative(root, cwd)) };
}

/** The nearest directory at or above `dir` holding `.git`, found by path without running git; undefined outside a repository. */
export async function findRepositoryRoot(dir: string): Promise<string | undefined> {
  for (; ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, ".git")).then(() => true, () => false)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A report's path (relative to the command's directory, `/`-separated) as the links name it. */
export function linkPath(base: LinkBase, file: string): string {
  return path.posix.normalize(path.posix.join(base.prefix, file));
}

/** The sentence that says where the links resolve from. */
export function linkBaseLine(base: LinkBase): string {
  return base.from === "git"
    ? "Links are relative to the root of the git repository."
    : "Not in a git repository: links are relative to the directory the command ran in.";
}
