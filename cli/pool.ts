/**
 * Large trees: fork worker processes and hand them files in chunks, the way jscodeshift's
 * runner does, so one slow file does not hold up a whole slice of the tree.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProcessOptions } from "./process-file.js";
import { addPassLog } from "../transforms/pass-log.js";
import { removeTempsOf } from "./temp-files.js";
import type { FileResult } from "./types.js";
import type { FromWorker, ToWorker } from "./worker.js";

// By way of ../cli/: the same file from dist/cli/pool.js and from the bundled bin in dist/bin/.
const workerPath = fileURLToPath(new URL("../cli/worker.js", import.meta.url));

/**
 * Calls `onResult` once per file, including for files a crashed worker never finished. Resolves
 * when every worker has exited. Once `signal` aborts, no chunk is handed out, each worker is told
 * to stop after the file in hand, and files never started get no result.
 */
export function processInWorkers(
  files: readonly string[],
  options: ProcessOptions,
  cpus: number,
  onResult: (result: FileResult) => void,
  signal?: AbortSignal,
): Promise<number> {
  const workerCount = Math.max(1, Math.min(cpus, files.length));
  const chunkSize = Math.max(1, Math.min(50, Math.ceil(files.length / (workerCount * 4))));
  const queue: string[][] = [];
  for (let i = 0; i < files.length; i += chunkSize) queue.push(files.slice(i, i + chunkSize));

  return new Promise((resolve) => {
    let running = workerCount;
    const lost = (file: string, why: string): void => onResult({ path: file, status: "failed", error: why, findings: [] });
    const children: ChildProcess[] = [];
    signal?.addEventListener("abort", () => {
      for (const child of children) if (child.connected) child.send({ type: "stop" } satisfies ToWorker);
    });

    for (let n = 0; n < workerCount; n++) {
      const inFlight = new Set<string>();
      let sentOptions = false;
      const child: ChildProcess = fork(workerPath, [], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        // A debugger flag would make every worker try to listen on the parent's port.
        execArgv: process.execArgv.filter((arg) => !arg.startsWith("--inspect")),
      });
      children.push(child);
      const handOut = (): void => {
        const chunk = signal?.aborted ? undefined : queue.shift();
        if (!chunk) {
          child.disconnect();
          return;
        }
        for (const file of chunk) inFlight.add(file);
        child.send({ type: "chunk", files: chunk, ...(sentOptions ? {} : { options }) } satisfies ToWorker);
        sentOptions = true;
      };
      child.on("message", (message: FromWorker) => {
        if (message.type === "result") {
          inFlight.delete(message.result.path);
          onResult(message.result);
        } else {
          addPassLog(message.log);
          handOut();
        }
      });
      let finished = false;
      const finish = (why: string): void => {
        if (finished) return;
        finished = true;
        // A worker killed mid-write (kill -9) cannot remove its temporary file: its parent does.
        removeTempsOf(child.pid!, [...inFlight].map((file) => path.dirname(file)));
        // Stopped on request, a worker leaves the rest of its chunk unstarted: no result, not a failure.
        if (!signal?.aborted) for (const file of inFlight) lost(file, why);
        inFlight.clear();
        if (--running === 0) {
          // Every worker died before the queue was empty: what was never handed out fails too.
          if (!signal?.aborted) for (const chunk of queue.splice(0)) for (const file of chunk) lost(file, why);
          resolve(workerCount);
        }
      };
      child.on("error", (error) => finish(`worker process failed: ${error.message}`));
      child.on("exit", (code, signal) => finish(`worker process exited (${signal ?? `code ${code}`}) before finishing this file`));
      handOut();
    }
  });
}
