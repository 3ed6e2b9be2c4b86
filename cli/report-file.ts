/**
 * A report written to a file, whole or not at all: a CI step or a `gh pr create --body-file`
 * reading it never sees half of one. Written beside it, then renamed over it.
 */
import { lstat, mkdir, readlink, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { claimTemp, releaseTemp } from "./temp-files.js";

export async function writeReportFile(file: string, text: string): Promise<void> {
  const target = await followLinks(path.resolve(file));
  // A rename cannot write into a device or a pipe (`--markdown /dev/stdout`): it would replace it.
  if ((await stat(target).catch(() => undefined))?.isFile() === false) return writeFile(target, text);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = claimTemp(target);
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    releaseTemp(temp);
  }
}

/** A symbolic link is followed to the file it names, even one not made yet, which is replaced: the link stays a link. */
async function followLinks(file: string): Promise<string> {
  // As many links as the OS follows before it gives up (ELOOP).
  for (let hops = 0; hops < 40; hops++) {
    if (!(await lstat(file).catch(() => undefined))?.isSymbolicLink()) return file;
    file = path.resolve(path.dirname(file), await readlink(file));
  }
  return file;
}
