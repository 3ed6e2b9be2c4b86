/**
 * The browser test page's script (bundled by ./page-bundle.ts): an extension's UI in miniature.
 * Docker Desktop's part is played by the simulated host, installed as `window.ddClient` and
 * offering only v1 or only v0 members, with every call made to its members recorded. The
 * extension's part takes the client as extensions do, `createDockerDesktopClient()` from
 * @docker/extension-api-client, and wraps it with `createCompatClient` from the package export.
 * The test drives it through `window.harness`; what it returns is plain data, as
 * Playwright's `page.evaluate` needs.
 */
import { createDockerDesktopClient } from "@docker/extension-api-client";
import { createCompatClient, type CompatClient } from "ddclient-migrate/compat";
import { createSimulatedHost, type HostApi, type StreamEvent, type TraceEntry } from "../simulated-host/index.js";
import { argumentLists, callAt } from "../support/calling.js";

/** A call as it reached one of the host's members: `execHostCmd`, `["ls -l"]`. Functions appear as `"<function>"`. */
export interface HostCall {
  readonly path: string;
  readonly args: unknown[];
}

export interface OpenOptions {
  readonly rawArgs?: boolean;
  /** Host members removed (`"extension.vm"`), as the simulated host's `without`. */
  readonly without?: string[];
  /** What a streamed exec delivers; a non-streamed one gets stdout `"a\nb\n"`. */
  readonly events?: StreamEvent[];
  /** `false`: the extension uses the host's client as it is (the native reference). */
  readonly compat?: boolean;
}

export interface Fake {
  readonly client: CompatClient;
  readonly calls: HostCall[];
  readonly trace: TraceEntry[];
  settled(): Promise<void>;
}

/** How a call ended: its value, or what it threw (`threw`: synchronously) or rejected with. */
export type Outcome = { readonly value: unknown } | { readonly error: unknown; readonly threw: boolean };

export interface Harness {
  open(api: HostApi, options?: OpenOptions): Fake;
  outcome(call: () => unknown): Promise<Outcome>;
  callAt(client: unknown, path: string, args: readonly unknown[]): unknown;
  /** A `function` callback that keeps each call's `arguments`, as v0 code reading them would see. */
  argumentLists(): { lists: unknown[][]; cb: () => void };
  createCompatClient: typeof createCompatClient;
}

declare global {
  interface Window {
    harness: Harness;
  }
}

type Node = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;

/** Plain data: functions named, an ExecResult's `lines()` read, an Error as its name and message. */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  const json = JSON.stringify(value, (_key, inner: unknown) => (typeof inner == "function" ? "<function>" : inner));
  const data: unknown = json === undefined ? undefined : JSON.parse(json);
  const lines = (value as { lines?: unknown } | undefined)?.lines;
  return typeof lines == "function" ? { ...(data as object), lines: lines.call(value) } : data;
}

/** A copy of the host's client whose members record each call before making it on the host's own object. */
function recording(node: Node, calls: HostCall[], at: string[] = []): Node {
  const copy: Node = {};
  for (const [key, value] of Object.entries(node)) {
    const path = [...at, key].join(".");
    if (typeof value == "function") copy[key] = (...args: unknown[]) => (calls.push({ path, args: args.map(plain) }), (value as Method).apply(node, args));
    else copy[key] = value !== null && typeof value == "object" ? recording(value as Node, calls, [...at, key]) : value;
  }
  return copy;
}

function open(api: HostApi, { rawArgs = false, without, events, compat = true }: OpenOptions = {}): Fake {
  const host = createSimulatedHost({
    api,
    args: rawArgs ? "raw" : "docker-desktop",
    ...(without && { without }),
    script: {
      exec: (entry) => (entry.stream ? { ...(events && { events }) } : { stdout: "a\nb\n" }),
      http: (entry) => ({ answered: `${entry.method} ${entry.url}` }),
      list: (entry) => [{ Id: `${entry.what}-1` }],
    },
  });
  const calls: HostCall[] = [];
  // What Docker Desktop's preload does before the extension's code runs.
  window.ddClient = recording(host.client as unknown as Node, calls) as unknown as typeof window.ddClient;
  const official = createDockerDesktopClient();
  const client = compat ? createCompatClient({ client: official, rawArgs }) : (official as CompatClient);
  return { client, calls, trace: host.trace, settled: () => host.settled() };
}

async function outcome(call: () => unknown): Promise<Outcome> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    return { error: plain(error), threw: true };
  }
  try {
    return { value: plain(await result) };
  } catch (error) {
    return { error: plain(error), threw: false };
  }
}

window.harness = { open, outcome, callAt, argumentLists, createCompatClient };
