/**
 * A report written to a file, whole or not at all: a CI step or a `gh pr create --body-file`
 * reading it never sees half of one. Written beside it, then renamed over it.
 */
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { claimTemp, releaseTemp } from "./temp-files.js";

export async function writeReportFile(file: string, text: string): Promise<void> {
  const target = path.resolve(file);
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
