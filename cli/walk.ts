/**
 * Which files a run scans: the paths given, directories walked with git's ignore rules
 * (every .gitignore from the repository root down, each relative to its own directory, plus
 * .git/info/exclude), build output and dependencies always skipped, and the user's --ignore globs.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { UsageError } from "./types.js";

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
}

/** Absolute paths, sorted, without duplicates. */
export async function listFiles(paths: readonly string[], options: WalkOptions): Promise<string[]> {
  const userIgnored = userIgnoreMatcher(options.ignore, options.cwd);
  const suffixes = options.extensions.map((ext) => `.${ext.replace(/^\./, "")}`);
  const found = new Set<string>();
  for (const given of paths) {
    const abs = path.resolve(options.cwd, given);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new UsageError(`No such file or directory: ${given}`);
    if (info.isFile()) {
      // A file named on the command line is scanned whatever its extension or .gitignore say.
      if (!userIgnored(abs, false)) found.add(abs);
    } else if (info.isDirectory()) {
      const layers = await ancestorLayers(abs);
      await walkDir(abs, layers, { userIgnored, suffixes, found });
    }
  }
  return [...found].sort();
}

interface WalkState {
  readonly userIgnored: (abs: string, isDir: boolean) => boolean;
  readonly suffixes: readonly string[];
  readonly found: Set<string>;
}

async function walkDir(dir: string, inherited: readonly IgnoreLayer[], state: WalkState): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const own = entries.some((e) => e.name === ".gitignore" && e.isFile()) ? await loadLayer(dir, path.join(dir, ".gitignore")) : undefined;
  const layers = own ? [...inherited, own] : inherited;
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    // Symbolic links are not followed: a rename would replace the link with a file, and links can loop.
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || isGitIgnored(abs, true, layers) || state.userIgnored(abs, true)) continue;
      await walkDir(abs, layers, state);
    } else if (entry.isFile()) {
      if (!state.suffixes.some((s) => entry.name.endsWith(s))) continue;
      if (isGitIgnored(abs, false, layers) || state.userIgnored(abs, false)) continue;
      state.found.add(abs);
    }
  }
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

/** The rules that apply to `dir` from above it: .git/info/exclude and each .gitignore from the repository root down to dir's parent. */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
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
  const exclude = await loadLayer(root, path.join(root, ".git", "info", "exclude"));
  if (exclude) layers.push(exclude);
  // dir's own .gitignore is read by walkDir.
  for (const ancestor of chain.slice(0, -1)) {
    const layer = await loadLayer(ancestor, path.join(ancestor, ".gitignore"));
    if (layer) layers.push(layer);
  }
  return layers;
}

async function loadLayer(dir: string, file: string): Promise<IgnoreLayer | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : { dir, rules: ignore().add(text) };
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
