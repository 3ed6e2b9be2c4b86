/**
 * Entry of a worker process (forked from the compiled dist/cli/worker.js by pool.ts): processes
 * the chunks of files it is handed, one result message per file, then asks for more.
 */
import { processFile, type ProcessOptions } from "./process-file.js";
import type { FileResult } from "./types.js";

export type ToWorker = { readonly type: "chunk"; readonly files: readonly string[]; readonly options: ProcessOptions };
export type FromWorker = { readonly type: "result"; readonly result: FileResult } | { readonly type: "chunk-done" };

function send(message: FromWorker): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

if (process.send) {
  process.on("message", async (message: ToWorker) => {
    for (const file of message.files) await send({ type: "result", result: await processFile(file, message.options) });
    await send({ type: "chunk-done" });
  });
  // The parent closes the channel when there is no work left.
  process.on("disconnect", () => process.exit(0));
}
