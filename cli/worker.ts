/**
 * A worker process forked by pool.ts (the jscodeshift runner's model): processes the chunks
 * of files it is handed, one result message per file, then asks for more. Asked to stop (by
 * the parent, by its own SIGINT or SIGTERM, which a terminal's Ctrl-C sends the whole process
 * group, or by losing the parent), it finishes the file in hand, so a write in flight completes,
 * and exits.
 */
import { enterPass, takePassLog, type PassLog } from "../transforms/pass-log.js";
import { processFile, type ProcessOptions } from "./process-file.js";
import type { FileResult } from "./types.js";

/** `options` comes with a worker's first chunk only: with a tree's client modules and wrappers' edits it is large, and the same for the whole run. */
export type ToWorker = { readonly type: "chunk"; readonly files: readonly string[]; readonly options?: ProcessOptions } | { readonly type: "stop" };
export type FromWorker = { readonly type: "result"; readonly result: FileResult } | { readonly type: "chunk-done"; readonly log: PassLog };

function send(message: FromWorker): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

let stopping = false;
let options: ProcessOptions | undefined;
let busy = false;

function stop(): void {
  stopping = true;
  if (!busy) process.exit(0);
}

if (process.send) {
  process.on("message", async (message: ToWorker) => {
    if (message.type === "stop") return stop();
    busy = true;
    options = message.options ?? options;
    enterPass("migrate");
    for (const file of message.files) {
      if (stopping) break;
      const result = await processFile(file, options!);
      if (process.connected) await send({ type: "result", result });
    }
    busy = false;
    if (stopping) return stop();
    await send({ type: "chunk-done", log: takePassLog() });
  });
  // The parent closes the channel when there is no work left, or died.
  process.on("disconnect", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
