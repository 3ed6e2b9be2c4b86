/**
 * The dirty-tree guard: which of the files a run would write have uncommitted changes (staged,
 * unstaged or untracked), so a rewrite never mixes with work that cannot be recovered from git.
 */
import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * git, without the repository's fsmonitor hook: a `core.fsmonitor` command in a checked-out
 * tree's .git/config would otherwise run on `git status`, and this tool runs none of a project's code.
 */
const run = (args: readonly string[], options: { cwd: string; maxBuffer?: number }) => execFileAsync("git", ["-c", "core.fsmonitor=false", ...args], options);

/** Absolute paths among `files` that git reports as modified, added, renamed or untracked. Files outside a git repository are never dirty. */
export async function findDirtyFiles(files: readonly string[]): Promise<string[]> {
  // Compared by real path (git prints those), reported by the path the run was given.
  const byRoot = new Map<string, { real: string; given: string }[]>();
  const gitDirOf = new Map<string, Promise<string | undefined>>();
  const confirmedRoot = new Map<string, Promise<string | undefined>>();
  for (const file of files) {
    const real = await realpath(file);
    // One stat per directory level rather than one git process per directory.
    const candidate = await nearestGitParent(path.dirname(real), gitDirOf);
    if (candidate === undefined) continue;
    if (!confirmedRoot.has(candidate)) confirmedRoot.set(candidate, repositoryRoot(candidate));
    const root = await confirmedRoot.get(candidate);
    if (root === undefined) continue;
    const list = byRoot.get(root) ?? [];
    list.push({ real, given: file });
    byRoot.set(root, list);
  }
  const dirty: string[] = [];
  for (const [root, rootFiles] of byRoot) {
    const changed = await changedPaths(root, rootFiles.map((f) => f.real));
    for (const f of rootFiles) if (changed.has(f.real)) dirty.push(f.given);
  }
  return dirty.sort();
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a file in worktrees and submodules). */
function nearestGitParent(dir: string, memo: Map<string, Promise<string | undefined>>): Promise<string | undefined> {
  let found = memo.get(dir);
  if (!found) {
    found = stat(path.join(dir, ".git")).then(
      () => dir,
      () => (path.dirname(dir) === dir ? undefined : nearestGitParent(path.dirname(dir), memo)),
    );
    memo.set(dir, found);
  }
  return found;
}

async function repositoryRoot(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(["rev-parse", "--show-toplevel"], { cwd: dir });
    return await realpath(stdout.trim());
  } catch {
    // A stray .git that git does not accept, or git is not installed: there is no history to protect.
    return undefined;
  }
}

async function changedPaths(root: string, files: readonly string[]): Promise<Set<string>> {
  const changed = new Set<string>();
  // Paths in chunks keep the command line under the OS limit on large trees.
  for (let i = 0; i < files.length; i += 500) {
    const pathspecs = files.slice(i, i + 500).map((f) => `:(literal)${path.relative(root, f)}`);
    const { stdout } = await run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...pathspecs], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    // Entries are `XY path\0`; a rename or copy adds its origin as one more `\0` field.
    const fields = stdout.split("\0");
    for (let j = 0; j < fields.length; j++) {
      const entry = fields[j] ?? "";
      if (entry.length < 4) continue;
      changed.add(path.join(root, entry.slice(3)));
      if (entry[0] === "R" || entry[0] === "C") j++;
    }
  }
  return changed;
}
