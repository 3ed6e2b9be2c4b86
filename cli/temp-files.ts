/**
 * The temporary files of atomic writes. Their names say whose they are
 * (`.api.ts.ddclient-migrate-4242-9f3a1c2e.tmp`: the tool, the writing process's pid), so that
 * whoever outlives a writer can remove what it left: the parent of a worker killed with -9,
 * or a later run for a process that is gone. Every live one is registered, so that an exit of
 * this process (a second Ctrl-C, `process.exit`) removes it too.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, unlinkSync } from "node:fs";
import path from "node:path";

const TEMP_NAME = /^\..+\.ddclient-migrate-(\d+)-[0-9a-f]{8}\.tmp$/;

const live = new Set<string>();

/** A fresh temporary path beside `file`, registered until {@link releaseTemp}. */
export function claimTemp(file: string): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.ddclient-migrate-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  live.add(temp);
  return temp;
}

export function releaseTemp(temp: string): void {
  live.delete(temp);
}

/** Removes every temporary file this process is writing; synchronous, so it can run in an `exit` handler. */
export function removeLiveTemps(): void {
  for (const temp of live) removeQuietly(temp);
  live.clear();
}

process.on("exit", removeLiveTemps);

/** The pid of the process that made `name`, when it is one of our temporary files. */
export function tempOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes the temporary files that process `pid` left in `dirs` (a worker that died mid-write); returns their paths. */
export function removeTempsOf(pid: number, dirs: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (tempOwner(name) !== pid) continue;
      const temp = path.join(dir, name);
      if (removeQuietly(temp)) removed.push(temp);
    }
  }
  return removed;
}

/** Whether the process that made temporary file `name` is gone, so the file can never be renamed into place. */
export function isLeftover(name: string): boolean {
  const pid = tempOwner(name);
  if (pid === undefined || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function removeQuietly(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}
