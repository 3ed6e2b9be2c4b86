/**
 * Ctrl-C and `kill` for the command line: the first SIGINT or SIGTERM aborts the run, which
 * stops handing out files and lets writes in flight finish, so the summary can say what was
 * written. A second one is a person who will not wait: the temporary files in flight are
 * removed and the process exits at once.
 */
import os from "node:os";
import { removeLiveTemps } from "./temp-files.js";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** An AbortSignal whose reason is the signal's name; `dispose` removes the handlers. */
export function abortOnSignals(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      process.stderr.write(`ddclient-migrate: ${name}: finishing the files in hand, then stopping (again to stop now).\n`);
      controller.abort(name);
      return;
    }
    removeLiveTemps();
    process.exit(128 + os.constants.signals[name]);
  };
  for (const name of SIGNALS) process.on(name, handler);
  return { signal: controller.signal, dispose: () => SIGNALS.forEach((name) => process.off(name, handler)) };
}
