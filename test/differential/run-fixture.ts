/**
 * Runs one fixture module against a fresh simulated host and returns one ordered trace: the
 * host's effects, plus what the code did with them (console calls, recorder callbacks, React
 * state updates, returned values, thrown errors, callback exceptions, unhandled rejections).
 */
import { createSimulatedHost, type ArgSemantics, type HostApi, type Script } from "../simulated-host/index.js";
import { settledValue } from "../simulated-host/returned.js";
import type { ExportedCallable, Param } from "./signatures.js";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Entry = Record<string, unknown>;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A JSON-like, comparable view of a value: Errors by message, functions and undefined marked. */
export function canonical(value: unknown, seen = new Set<unknown>()): unknown {
  if (value === undefined) return "<undefined>";
  if (typeof value === "function") return "<function>";
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Error) return { error: value.message };
  if (value instanceof Promise) return "<promise>";
  if (seen.has(value)) return "<cycle>";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => canonical(item, seen));
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key], seen)]),
    );
  } finally {
    seen.delete(value);
  }
}

const describeFailure = (error: unknown): unknown => (error instanceof Error ? error.message : canonical(error));

export interface RunOptions {
  readonly api: HostApi;
  readonly args: ArgSemantics;
  readonly script: Script;
  /** What the code gets as the client, made from the host's (the compat layer over it). */
  readonly client?: (host: Any) => Any;
  /** Record a returned value settled (test/simulated-host/returned.ts) rather than as it is. */
  readonly settle?: boolean;
}

/**
 * Wraps the callbacks a fixture hands the host (v0 spawn callbacks, v1 stream handlers) so an
 * exception in one is recorded, as a browser would report it, and does not stop later events.
 */
function guardCallbacks(client: Any, trace: Entry[]): void {
  const guard =
    (where: string, fn: Any): Any =>
    function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (error) {
        trace.push({ uncaught: where, error: describeFailure(error) });
      }
    };
  const wrapSpawn = (owner: Any, name: string): void => {
    const original = owner?.[name];
    if (typeof original !== "function") return;
    owner[name] = (cmd: string, args: string[], cb: Any) => original(cmd, args, typeof cb === "function" ? guard("callback", cb) : cb);
  };
  const wrapExec = (cli: Any): void => {
    const original = cli?.exec;
    if (typeof original !== "function") return;
    cli.exec = (cmd: string, args: string[], opts?: Any) => {
      if (!opts?.stream) return opts === undefined ? original(cmd, args) : original(cmd, args, opts);
      const stream = { ...opts.stream };
      for (const key of ["onOutput", "onError", "onClose"]) if (typeof stream[key] === "function") stream[key] = guard("callback", stream[key]);
      return original(cmd, args, { ...opts, stream });
    };
  };
  wrapSpawn(client, "spawnHostCmd");
  wrapSpawn(client, "spawnDockerCmd");
  wrapSpawn(client.backend, "spawnInVMExtension");
  wrapExec(client.extension?.host?.cli);
  wrapExec(client.extension?.vm?.cli);
  wrapExec(client.docker?.cli);
}

function argumentsFor(params: readonly Param[], trace: Entry[], client: unknown): unknown[] {
  let words = 0;
  const value = (param: Param): unknown => {
    switch (param.kind) {
      case "string":
        return `value${words++}`;
      case "number":
        return 7;
      case "array":
        return [`value${words++}`, `value${words++}`];
      case "function":
        return (...args: unknown[]) => void trace.push({ call: param.name, args: canonical(args) });
      case "client":
        return client;
      case "object":
        return param.fields ? Object.fromEntries(param.fields.map((field) => [field.name, value(field)])) : { param: param.name };
    }
  };
  return params.map(value);
}

export async function runFixture(load: () => Promise<Record<string, unknown>>, callables: readonly ExportedCallable[], options: RunOptions): Promise<Entry[]> {
  const host = createSimulatedHost({ api: options.api, args: options.args, script: options.script });
  const trace = host.trace as unknown as Entry[];
  guardCallbacks(host.client, trace);

  const scope = globalThis as Any;
  const saved = { ddClient: scope.ddClient, hadDdClient: "ddClient" in scope, console: scope.console, differential: scope.__differential, self: scope.self, hadSelf: "self" in scope };
  const savedListeners = process.listeners("unhandledRejection");
  const uninstall = host.install();
  const client = options.client ? options.client(host.client) : host.client;
  scope.window.ddClient = client;
  // A browser's `self` is its window.
  scope.self = scope.window;
  scope.ddClient = client;
  const record = (entry: Entry): void => void trace.push(entry);
  scope.console = {
    ...saved.console,
    log: (...args: unknown[]) => record({ console: "log", args: canonical(args) }),
    info: (...args: unknown[]) => record({ console: "info", args: canonical(args) }),
    warn: (...args: unknown[]) => record({ console: "warn", args: canonical(args) }),
    error: (...args: unknown[]) => record({ console: "error", args: canonical(args) }),
    debug: (...args: unknown[]) => record({ console: "debug", args: canonical(args) }),
  };
  scope.__differential = {
    client,
    useState(initial: unknown) {
      let state = initial;
      const set = (next: unknown): void => {
        state = typeof next === "function" ? (next as (previous: unknown) => unknown)(state) : next;
        record({ setState: canonical(state) });
      };
      return [state, set];
    },
  };
  // A promise the fixture drops on the floor rejects as it would in a browser: recorded, not fatal.
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", (reason) => record({ unhandledRejection: describeFailure(reason) }));

  const drain = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      try {
        await host.settled();
      } catch (error) {
        record({ settledRejected: describeFailure(error) });
      }
      await tick();
    }
  };

  try {
    let exports: Record<string, unknown>;
    try {
      exports = await load();
    } catch (error) {
      record({ importThrew: describeFailure(error) });
      return trace;
    }
    await drain();
    const instances = new Map<string, Any>();
    for (const callable of callables) {
      record({ invoke: callable.name });
      try {
        let result: unknown;
        if (callable.kind === "method") {
          const [className, method] = callable.name.split(".") as [string, string];
          if (!instances.has(className)) {
            const Class = exports[className] as new (...args: unknown[]) => Any;
            instances.set(className, new Class(...argumentsFor(callable.constructorParams ?? [], trace, client)));
          }
          const instance = instances.get(className);
          result = await instance[method](...argumentsFor(callable.params, trace, client));
        } else {
          const fn = exports[callable.name] as (...args: unknown[]) => unknown;
          if (typeof fn !== "function") throw new Error(`harness: export ${callable.name} is not a function`);
          result = await fn(...argumentsFor(callable.params, trace, client));
        }
        record({ returned: options.settle ? await settledValue(result) : canonical(result) });
      } catch (error) {
        record({ threw: describeFailure(error) });
      }
      await drain();
    }
    return trace;
  } finally {
    process.removeAllListeners("unhandledRejection");
    for (const listener of savedListeners) process.on("unhandledRejection", listener);
    scope.console = saved.console;
    scope.__differential = saved.differential;
    if (saved.hadDdClient) scope.ddClient = saved.ddClient;
    else delete scope.ddClient;
    if (saved.hadSelf) scope.self = saved.self;
    else delete scope.self;
    uninstall();
  }
}
