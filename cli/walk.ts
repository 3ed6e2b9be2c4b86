/**
 * Which files a run scans: the paths given, directories walked with git's ignore rules
 * (every .gitignore from the repository root down, each relative to its own directory, plus
 * .git/info/exclude), build output and dependencies always skipped, and the user's --ignore globs.
 * It also says what it left out: links it did not follow, and why a named path yielded no file.
 */
import type { Dirent } from "node:fs";
import { lstat, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { noExclusions, type Excluded, type Skipped } from "./skipped.js";
import { isLeftover, tempOwner } from "./temp-files.js";
import { UsageError } from "./types.js";
import { followLink, treeOf, type LinkTarget, type Tree } from "./walk-links.js";

/** Skipped at any depth below a given directory, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set(["node_modules", "dist", "build", "coverage", ".git"]);

interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

export interface WalkOptions {
  readonly cwd: string;
  readonly extensions: readonly string[];
  readonly ignore: readonly string[];
  /** Apply .gitignore files and .git/info/exclude. Default true. */
  readonly gitignore?: boolean;
}

export interface Listing {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Links not followed, and each named path that yielded no file (`no-files`), in the order met. */
  readonly skipped: Skipped[];
  /** Temporary files of atomic writes whose process is gone (see temp-files.ts). */
  readonly leftoverTemps: string[];
}

export async function listFiles(paths: readonly string[], options: WalkOptions): Promise<Listing> {
  const base = {
    userIgnored: userIgnoreMatcher(options.ignore, options.cwd),
    suffixes: options.extensions.map((ext) => `.${ext.replace(/^\./, "")}`),
    gitignore: options.gitignore ?? true,
    found: new Set<string>(),
    skipped: [] as Skipped[],
    leftoverTemps: [] as string[],
  };
  for (const given of paths) {
    const named = path.resolve(options.cwd, given);
    const info = await lstat(named).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) throw new UsageError(info.code === "ENOENT" || info.code === "ENOTDIR" ? `No such file or directory: ${given}` : `Cannot read ${given}: ${info.message}`);
    const before = base.found.size;
    const skippedBefore = base.skipped.length;
    // Links are followed into the named directory, or for a named link, into the current directory.
    const state: WalkState = { ...base, excluded: noExclusions(), tree: await treeOf(options.cwd) };
    const target: LinkTarget = info.isSymbolicLink() ? await followLink(named, state.tree) : { kind: info.isDirectory() ? "directory" : "file", path: named };
    if (target.kind === "skipped") {
      base.skipped.push(target.skipped);
      state.excluded.links++;
    } else if (target.kind === "file") {
      // A file named on the command line is scanned whatever its extension or .gitignore say.
      if (state.userIgnored(named, false)) state.excluded.ignoredByOption++;
      else base.found.add(target.path);
    } else {
      const above = state.gitignore ? await ancestorLayers(target.path) : [];
      if ("error" in above) base.skipped.push({ path: above.path, reason: "unreadable-gitignore", error: above.error });
      else await walkDir(target.path, above, { ...state, tree: await treeOf(target.path) });
    }
    // A directory that could not be read already says why nothing came of it.
    const unread = base.skipped.slice(skippedBefore).some((s) => s.reason === "unreadable-directory" || s.reason === "unreadable-gitignore");
    if (base.found.size === before && !unread) base.skipped.push({ path: named, reason: "no-files", excluded: state.excluded });
  }
  return { files: [...base.found].sort(), skipped: base.skipped, leftoverTemps: base.leftoverTemps };
}

interface WalkState {
  readonly userIgnored: (abs: string, isDir: boolean) => boolean;
  readonly suffixes: readonly string[];
  readonly gitignore: boolean;
  readonly found: Set<string>;
  readonly skipped: Skipped[];
  readonly leftoverTemps: string[];
  /** The named directory being walked: links are followed only into it. */
  readonly tree: Tree;
  /** What kept entries below the named path out, to say why it yielded nothing. */
  readonly excluded: { -readonly [K in keyof Excluded]: number };
}

async function walkDir(dir: string, inherited: readonly IgnoreLayer[], state: WalkState): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // EACCES (a volume owned by root), ENAMETOOLONG (a very deep tree), EIO, ELOOP…: the rest of the tree goes on.
    state.skipped.push({ path: dir, reason: "unreadable-directory", error: messageOf(error) });
    return;
  }
  const own = state.gitignore && entries.some((e) => e.name === ".gitignore" && e.isFile()) ? await loadLayer(dir, path.join(dir, ".gitignore")) : undefined;
  // Without its rules, any file here may be one the project ignores (generated, vendored): none is touched.
  if (own && "error" in own) {
    state.skipped.push({ path: path.join(dir, ".gitignore"), reason: "unreadable-gitignore", error: own.error });
    return;
  }
  const layers = own ? [...inherited, own] : inherited;
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      await walkLink(abs, layers, state);
    } else if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name)) state.excluded.alwaysSkipped++;
      else if (isGitIgnored(abs, true, layers)) state.excluded.gitignored++;
      else if (state.userIgnored(abs, true)) state.excluded.ignoredByOption++;
      else await walkDir(abs, layers, state);
    } else if (entry.isFile()) {
      if (tempOwner(entry.name) !== undefined) {
        if (isLeftover(entry.name)) state.leftoverTemps.push(abs);
      } else if (wanted(abs, layers, state)) state.found.add(abs);
    }
  }
}

/** A link to a file inside the tree scans that file; a link to a directory is not walked, since its files are reached where they are. */
async function walkLink(link: string, layers: readonly IgnoreLayer[], state: WalkState): Promise<void> {
  const target = await followLink(link, state.tree);
  if (target.kind === "file") {
    if (wanted(link, layers, state)) state.found.add(target.path);
    return;
  }
  state.excluded.links++;
  if (target.kind === "skipped") state.skipped.push(target.skipped);
}

/** A file met in a directory is scanned when its extension is asked for and no ignore rule excludes it; counts why not. */
function wanted(file: string, layers: readonly IgnoreLayer[], state: WalkState): boolean {
  if (!state.suffixes.some((s) => file.endsWith(s))) state.excluded.otherExtension++;
  else if (isGitIgnored(file, false, layers)) state.excluded.gitignored++;
  else if (state.userIgnored(file, false)) state.excluded.ignoredByOption++;
  else return true;
  return false;
}

/** Git's precedence: the deepest file with a matching rule wins; `!pattern` re-includes. */
export function isGitIgnored(abs: string, isDir: boolean, layers: readonly IgnoreLayer[]): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = path.relative(layer.dir, abs);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) continue;
    const result = layer.rules.test(toPosix(rel) + (isDir ? "/" : ""));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * The rules that apply to `dir` from above it: .git/info/exclude and each .gitignore from the
 * repository root down to dir's parent; the first of them that exists but cannot be read, if any.
 */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[] | { path: string; error: string }> {
  const chain: string[] = [];
  let root: string | undefined;
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (await exists(path.join(current, ".git"))) {
      root = current;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  if (root === undefined) return [];
  const layers: IgnoreLayer[] = [];
  const files = [{ dir: root, file: path.join(root, ".git", "info", "exclude") }, ...chain.slice(0, -1).map((ancestor) => ({ dir: ancestor, file: path.join(ancestor, ".gitignore") }))];
  // dir's own .gitignore is read by walkDir.
  for (const { dir: base, file } of files) {
    const layer = await loadLayer(base, file);
    if (layer && "error" in layer) return { path: file, error: layer.error };
    if (layer) layers.push(layer);
  }
  return layers;
}

/** The rules of an ignore file; undefined when there is none, its error when it cannot be read. */
async function loadLayer(dir: string, file: string): Promise<IgnoreLayer | { error: string } | undefined> {
  try {
    return { dir, rules: ignore().add(await readFile(file, "utf8")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A .git file (worktree) has no info/exclude below it: ENOTDIR is "none" as well.
    return code === "ENOENT" || code === "ENOTDIR" ? undefined : { error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function userIgnoreMatcher(globs: readonly string[], cwd: string): (abs: string, isDir: boolean) => boolean {
  if (globs.length === 0) return () => false;
  // `*.test.ts` matches at any depth; `src/legacy/**` is anchored at cwd.
  const matchers = globs.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes("/") }));
  return (abs) => {
    const rel = toPosix(path.relative(cwd, abs));
    return matchers.some((match) => match(rel));
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
