import { createCompatClient, type CompatClient } from "../../compat/index.js";
import { DEPRECATIONS, v1Segments } from "../../deprecations/table.js";
import { readV0Declarations } from "../../scripts/v0-declarations.js";
import { createSimulatedHost, type ArgSemantics, type HostApi, type Script, type SimulatedHost, type TraceEntry } from "../simulated-host/index.js";
export { callAt } from "../support/calling.js";

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

/** A value for each parameter v0 declares on the members whose arguments pass through; hosts record them as given. */
const SAMPLE_ARGUMENTS: Readonly<Record<string, unknown>> = {
  url: "/items/1",
  data: { a: 1 },
  config: { url: "/x", method: "post", headers: { h: "v" }, data: "d" },
  msg: "ok",
  options: { all: true },
  id: "abc",
  tag: "latest",
  volume: "data",
};

export interface PassThroughCall {
  readonly v0: string;
  /** The v1 path without its `?` marks. */
  readonly v1: string;
  readonly args: readonly unknown[];
}

/**
 * A call of each table row whose arguments pass through unchanged (HTTP, toasts, listing,
 * navigation, `openExternal`), with arguments for the parameters v0 declares: the same call in
 * either API.
 */
export function passThroughCalls(): PassThroughCall[] {
  const declarations = readV0Declarations();
  return DEPRECATIONS.filter((row) => row.kind === "receiver" || row.kind === "void-to-promise").map((row) => {
    // A member v0's types never declared is called with no arguments.
    const parameters = declarations.get(row.id)?.parameters ?? [];
    const args = parameters.map((name) => {
      if (!(name in SAMPLE_ARGUMENTS)) throw new Error(`No sample argument for parameter \`${name}\` of \`${row.id}\`.`);
      return SAMPLE_ARGUMENTS[name];
    });
    return { v0: row.id, v1: v1Segments(row).map((segment) => segment.name).join("."), args };
  });
}
