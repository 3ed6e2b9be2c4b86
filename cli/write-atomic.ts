/**
 * Replace a file's contents so that a crash, a signal or a full disk leaves either the old file
 * or the new one, never half of each: write a temporary file beside it, then rename over it.
 * The replacement keeps the original's mode and owner, and is never made when the original
 * is read-only, is gone, is now a symbolic link, or changed since it was read.
 */
import { constants, lstatSync, renameSync, type Stats } from "node:fs";
import { access, open, unlink } from "node:fs/promises";
import { claimTemp, releaseTemp } from "./temp-files.js";

/** `original`: the file's stat from before it was read; the write is refused if the file is no longer that file. */
export async function writeFileAtomic(file: string, data: Uint8Array, original: Stats): Promise<void> {
  await assertWritable(file, original);
  const temp = claimTemp(file);
  try {
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(data);
      await keepOwner(handle, original);
      // After chown, which clears set-user-id bits; open() applied the umask.
      await handle.chmod(original.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Synchronous from the last look to the rename, so nothing of ours runs in between.
    assertSameFile(file, original);
    renameSync(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    releaseTemp(temp);
  }
}

/**
 * What the OS says for this user, plus the mode bits: a file nobody may write (0444) is left
 * alone even by root, whom the OS lets write anything (as `rm` asks before removing one).
 */
async function assertWritable(file: string, original: Stats): Promise<void> {
  const denied = (original.mode & 0o222) === 0 || (await access(file, constants.W_OK).then(() => false, () => true));
  if (denied) throw new Error("the file is read-only for this user; it was left as it was");
}

async function keepOwner(handle: Awaited<ReturnType<typeof open>>, original: Stats): Promise<void> {
  const made = await handle.stat();
  if (made.uid === original.uid && made.gid === original.gid) return;
  try {
    await handle.chown(original.uid, original.gid);
  } catch {
    throw new Error(`the file belongs to uid ${original.uid}, gid ${original.gid}, and a rewritten copy could not keep that owner; it was left as it was`);
  }
}

function assertSameFile(file: string, original: Stats): void {
  let now: Stats;
  try {
    now = lstatSync(file);
  } catch {
    throw new Error("the file was deleted during the run; it was not recreated");
  }
  if (now.isSymbolicLink()) throw new Error("the file was replaced by a symbolic link during the run; it was left as it is");
  if (now.ino !== original.ino || now.dev !== original.dev || now.size !== original.size || now.mtimeMs !== original.mtimeMs) {
    throw new Error("the file changed during the run; it was left as it is");
  }
}
