/**
 * The host scripts a differential run plays, and which of them a file's review notes leave
 * out: shared by the fixture differential and the generated programs.
 */
import type { ArgSemantics, Script } from "../simulated-host/index.js";

const http = (entry: { method: string; url: string }) => ({ state: "ok", method: entry.method, url: entry.url });

export const SCRIPTS: Record<string, Script> = {
  "output, exit 0": { exec: () => ({ stdout: "line1\n", stderr: "warn\n", code: 0 }), http },
  "exit 2, no output": { exec: () => ({ code: 2 }), http },
  "error event": { exec: () => ({ error: new Error("boom") }), http },
};

export interface RunPlan {
  readonly semantics: readonly ArgSemantics[];
  readonly scripts: readonly string[];
}

/**
 * `review:host-dependent-word`: the codemod says a raw host (args passed through) may differ, so
 * only Docker Desktop's semantics are compared (a raw host's, for a file migrated with raw
 * values). `review:v0-callback-threw`: v0's callback threw on an error event where the handlers
 * do not, so that script is left out.
 */
export function runPlanFor(reported: (review: string) => boolean, rawArgs = false): RunPlan {
  return {
    semantics: reported("host-dependent-word") ? [rawArgs ? "raw" : "docker-desktop"] : ["docker-desktop", "raw"],
    scripts: Object.keys(SCRIPTS).filter((script) => !(reported("v0-callback-threw") && script === "error event")),
  };
}
