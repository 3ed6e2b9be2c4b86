/**
 * Symbolic links met by the walk. A link is never handed to a write, which would replace the
 * link by a file: the run follows it to its target when that lies inside the tree being
 * migrated (named by the target's path under the tree), and otherwise skips it with a reason.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Skipped } from "./skipped.js";

export interface Tree {
  /** As the user named it, absolute. */
  readonly path: string;
  /** With every link resolved: targets are compared against it. */
  readonly real: string;
}

export type LinkTarget = { readonly kind: "file" | "directory"; readonly path: string } | { readonly kind: "skipped"; readonly skipped: Skipped };

export async function treeOf(dir: string): Promise<Tree> {
  return { path: dir, real: await realpath(dir) };
}

export async function followLink(link: string, tree: Tree): Promise<LinkTarget> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (error) {
    const loops = (error as NodeJS.ErrnoException).code === "ELOOP";
    return { kind: "skipped", skipped: { path: link, reason: loops ? "link-loop" : "link-broken" } };
  }
  const rel = path.relative(tree.real, real);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return { kind: "skipped", skipped: { path: link, reason: "link-outside-tree", target: real } };
  const info = await stat(real);
  // Under the tree's own name, so the report shows `src/a.js`, not the resolved `/private/…` path.
  return { kind: info.isDirectory() ? "directory" : "file", path: path.join(tree.path, rel) };
}
