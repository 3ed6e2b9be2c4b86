#!/usr/bin/env node
import { createProgram } from "./program.js";

// `ddclient-migrate --dry | head`: a reader that stops early ends only the printing. The run's
// files and its --json/--markdown reports are still written, and the exit code is the run's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

await createProgram().parseAsync();
