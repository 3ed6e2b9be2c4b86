import { createCompatClient, type CompatClient } from "../../compat/index.js";
import { createSimulatedHost, type ArgSemantics, type HostApi, type Script, type SimulatedHost, type TraceEntry } from "../simulated-host/index.js";

export interface Run {
  readonly host: SimulatedHost;
  readonly client: CompatClient;
}

/** A compat client over a fresh simulated host. */
export function over(api: HostApi, args: ArgSemantics = "docker-desktop", script?: Script, without?: readonly string[]): Run {
  const host = createSimulatedHost({ api, args, ...(script && { script }), ...(without && { without }) });
  return { host, client: createCompatClient({ client: host.client, rawArgs: args === "raw" }) };
}

/** Runs `use` against `client` and returns the trace once every stream has settled; errors become `{ error }`. */
export async function traceOf(run: { host: SimulatedHost; client: CompatClient }, use: (client: CompatClient) => unknown): Promise<TraceEntry[]> {
  try {
    await use(run.client);
  } catch {
    // The trace is what matters here; errors are asserted elsewhere.
  }
  await run.host.settled();
  return run.host.trace;
}

/** The same call's trace when the host natively offers the API the call is written in. */
export async function nativeTrace(api: "v0" | "v1", args: ArgSemantics, use: (client: CompatClient) => unknown, script?: Script): Promise<TraceEntry[]> {
  const host = createSimulatedHost({ api, args, ...(script && { script }) });
  return traceOf({ host, client: host.client }, use);
}

/** Collects every v0 spawn callback invocation as `[data, error]`. */
export function recorder(): { calls: unknown[][]; cb: (data: unknown, error?: unknown) => void } {
  const calls: unknown[][] = [];
  return { calls, cb: (...args: unknown[]) => void calls.push(args) };
}
