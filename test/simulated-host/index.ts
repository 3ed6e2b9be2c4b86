/**
 * A simulated Docker Desktop (or Podman Desktop) extension host, for tests.
 *
 *   const host = createSimulatedHost({ api: "v0" | "v1" | "hybrid", args: "docker-desktop" | "raw", script, without });
 *   host.client     the `window.ddClient` object: v0 members, v1 members, or both
 *   host.trace      every effect, in call order, as canonical `TraceEntry`s
 *   host.settled()  resolves once every scripted stream event has been delivered
 *   host.install()  sets `globalThis.window = { ddClient: host.client }`; returns the undo
 *
 * The trace is canonical: a v0 call and its v1 equivalent record the same entry, so running a
 * codemod fixture's input and output (or a v0 call and the compat layer's v1 rewrite of it)
 * and comparing traces tells whether behaviour was kept.
 *
 * - `exec`: `{ type: "exec", target: "host" | "vm" | "docker", cmd, args, stream }` is the argv
 *   the binary receives once the host's semantics are applied (`cwd`/`env` added when given).
 *   For `docker`, `cmd` is the docker subcommand (`ps`, `exec`, …).
 *   - v0 `execHostCmd(line)`, `backend.execInVMExtension(line)`, `execDockerCmd(cmd, ...args)`
 *     (joined), `backend.execInContainer(id, line)` (→ `exec`, `[id, ...words]`): the shell's
 *     words (see shell.ts). A line that needs more than word splitting is recorded as run by
 *     a shell: cmd `sh`, args `["-c", line]` (inside the container for execInContainer).
 *   - v1 `*.cli.exec(cmd, args)` without `stream`: with `args: "docker-desktop"`, cmd and args
 *     joined and re-read as shell words; with `args: "raw"`, as given.
 *   - v1 with `{ stream }` and v0 `spawn*(cmd, args, cb)`: as given, `stream: true`.
 * - `http`: `{ type: "http", method, url, data?, headers? }`, method upper-case, from
 *   `backend.*` and `extension.vm.service.*` alike.
 * - `toast` `{ level, message }`, `navigate` `{ view, args }` (v1 names: `viewContainer`),
 *   `openExternal` `{ url }`, `list` `{ what: "containers" | "images", options? }`.
 *
 * `script` decides what effects return:
 * - `exec(entry)` → `{ stdout?, stderr?, code?, error?, events? }` (default: empty output,
 *   code 0). A non-streamed exec resolves an ExecResult (`lines()`, `parseJsonLines()`,
 *   `parseJsonObject()`), rejects with it when `code` is not 0, or rejects with `error`.
 *   A streamed one delivers `events` (default: stdout, stderr, then `{ close: code }` or
 *   `{ error }`), one per macrotask: v0 with two arguments always, `cb({ stdout }, undefined)`,
 *   `cb({ stderr }, undefined)`, `cb({ close: true, code }, undefined)`, `cb(undefined, error)`;
 *   v1 to `onOutput` (one call per line
 *   with `splitOutputLines`, a last unterminated line flushed before close), `onError`,
 *   `onClose`; v1's `close()` stops delivery.
 * - `http(entry)`, `list(entry)`: the resolved value (throw to reject).
 * - `navigate(entry)`: throw to reject (v0's void navigations ignore it).
 *
 * `without: ["extension.host", "execHostCmd"]` removes members, to test a host lacking them.
 */
import type { v1Hybrid } from "@docker/extension-api-client-types";
import { DEPRECATIONS, type Deprecation } from "../../deprecations/table.js";
import { rereadWords, shellWords } from "./shell.js";

export type HostApi = "v0" | "v1" | "hybrid";
export type ArgSemantics = "docker-desktop" | "raw";
export type Target = "host" | "vm" | "docker";

export interface ExecEntry {
  readonly type: "exec";
  readonly target: Target;
  readonly cmd: string;
  readonly args: readonly string[];
  readonly stream: boolean;
  readonly cwd?: string;
  readonly env?: unknown;
}
export interface HttpEntry {
  readonly type: "http";
  readonly method: string;
  readonly url: string;
  readonly data?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
export interface NavigateEntry {
  readonly type: "navigate";
  readonly view: string;
  readonly args: readonly string[];
}
export interface ListEntry {
  readonly type: "list";
  readonly what: "containers" | "images";
  readonly options?: unknown;
}
export type TraceEntry =
  | ExecEntry
  | HttpEntry
  | NavigateEntry
  | ListEntry
  | { readonly type: "toast"; readonly level: "success" | "warning" | "error"; readonly message: string }
  | { readonly type: "openExternal"; readonly url: string };

export type StreamEvent = { readonly stdout: string } | { readonly stderr: string } | { readonly error: unknown } | { readonly close: number };

export interface ExecReply {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly code?: number;
  readonly error?: unknown;
  /** For streamed calls; the non-streamed result is built from them when stdout/stderr/code are absent. */
  readonly events?: readonly StreamEvent[];
}

export interface Script {
  exec?(entry: ExecEntry): ExecReply | undefined;
  http?(entry: HttpEntry): unknown;
  list?(entry: ListEntry): unknown;
  navigate?(entry: NavigateEntry): void;
}

export interface SimulatedHostOptions {
  readonly api: HostApi;
  readonly args?: ArgSemantics;
  readonly script?: Script;
  /** Member paths the host lacks: `"backend"`, `"extension.vm.service"`, `"execHostCmd"`. */
  readonly without?: readonly string[];
}

export interface SimulatedHost {
  readonly client: v1Hybrid.DockerDesktopClient;
  readonly trace: TraceEntry[];
  settled(): Promise<void>;
  install(): () => void;
}

/** The table's v1 navigation paths start with this; the rest names the view (`Container`). */
const V1_VIEW = "desktopUI.navigate.view";
const NAVIGATION_ROWS = DEPRECATIONS.filter((row) => row.v1.startsWith(V1_VIEW));
const viewOf = (row: Deprecation): string => row.v1.slice(V1_VIEW.length);
/**
 * The views of the table's navigation rows. Each API names a view by its own rule below
 * (`navigateToContainer`, `viewContainer`), not by the row, so a row pairing two different
 * views shows up as differing traces.
 */
const VIEWS = NAVIGATION_ROWS.map(viewOf);
/** v0's navigations that returned void, which test/compat/simulated-host.test.ts checks against v0's declarations. */
const V0_VOID_VIEWS = new Set(NAVIGATION_ROWS.filter((row) => row.kind === "void-to-promise").map(viewOf));
/** Views only v1 offers, which no table row names. */
const V1_ONLY_VIEWS = ["ContainerTerminal"];

type Cb = (data: unknown, error?: unknown) => void;
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function execResult(stdout: string, stderr: string, code: number, cmd: string) {
  const lines = (): string[] => stdout.split("\n").filter((line) => line !== "");
  return { cmd, stdout, stderr, code, lines, parseJsonLines: () => lines().map((line) => JSON.parse(line)), parseJsonObject: () => JSON.parse(stdout) };
}

function eventsOf(reply: ExecReply): readonly StreamEvent[] {
  if (reply.events) return reply.events;
  const events: StreamEvent[] = [];
  if (reply.stdout) events.push({ stdout: reply.stdout });
  if (reply.stderr) events.push({ stderr: reply.stderr });
  events.push(reply.error !== undefined ? { error: reply.error } : { close: reply.code ?? 0 });
  return events;
}

export function createSimulatedHost(options: SimulatedHostOptions): SimulatedHost {
  const { api, args: semantics = "docker-desktop", script = {} } = options;
  const trace: TraceEntry[] = [];
  const pending = new Set<Promise<void>>();

  const record = <T extends TraceEntry>(entry: T): T => (trace.push(entry), entry);

  /** A non-streamed command: resolves its ExecResult, rejects with it on a non-zero code. */
  async function run(entry: ExecEntry): Promise<unknown> {
    record(entry);
    const reply = script.exec?.(entry) ?? {};
    await Promise.resolve();
    if (reply.error !== undefined) throw reply.error;
    const events = reply.events ?? [];
    const joined = (key: "stdout" | "stderr"): string => events.map((event) => (key in event ? (event as Record<string, string>)[key] : "")).join("");
    const close = events.find((event): event is { close: number } => "close" in event);
    const result = execResult(reply.stdout ?? joined("stdout"), reply.stderr ?? joined("stderr"), reply.code ?? close?.close ?? 0, [entry.cmd, ...entry.args].join(" "));
    if (result.code !== 0) throw result;
    return result;
  }

  /** A streamed command: delivers its events one per macrotask until done or closed. */
  function stream(entry: ExecEntry, deliver: (event: StreamEvent) => void): { close(): void } {
    record(entry);
    const events = eventsOf(script.exec?.(entry) ?? {});
    let open = true;
    const delivery = (async () => {
      for (const event of events) {
        await tick();
        if (!open) return;
        deliver(event);
      }
    })();
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
    return { close: () => void (open = false) };
  }

  // v0 line calls: what the shell would have run.
  const lineEntry = (target: Target, line: string, prefix: readonly string[] = []): ExecEntry => {
    const words = shellWords(line);
    const argv = words ?? ["sh", "-c", line];
    if (prefix.length > 0) return { type: "exec", target, cmd: prefix[0]!, args: [...prefix.slice(1), ...argv], stream: false };
    return { type: "exec", target, cmd: argv[0] ?? "", args: argv.slice(1), stream: false };
  };
  const v0Spawn = (target: Target) => (cmd: string, args: string[], cb: Cb) => {
    stream({ type: "exec", target, cmd, args: [...args], stream: true }, (event) => {
      // v0 always passed two arguments, so a callback reading `arguments` sees both.
      if ("error" in event) cb(undefined, event.error);
      else if ("close" in event) cb({ close: true, code: event.close }, undefined);
      else cb(event, undefined);
    });
  };

  // v1 exec: Docker Desktop re-reads a non-streamed call's joined words; streamed calls and raw hosts pass args through.
  const v1Exec =
    (target: Target) =>
    (cmd: string, args: string[], opts: Any = {}): Any => {
      const streamed = opts.stream !== undefined;
      const argv = streamed || semantics === "raw" ? [cmd, ...args] : rereadWords([cmd, ...args].join(" "));
      const entry: ExecEntry = {
        type: "exec",
        target,
        cmd: argv[0] ?? "",
        args: argv.slice(1),
        stream: streamed,
        ...(opts.cwd !== undefined && { cwd: opts.cwd }),
        ...(opts.env !== undefined && { env: opts.env }),
      };
      if (!streamed) return run(entry);
      const handlers = opts.stream;
      const rest: Record<string, string> = { stdout: "", stderr: "" };
      const output = (key: "stdout" | "stderr", text: string): void => {
        if (!handlers.splitOutputLines) return handlers.onOutput?.({ [key]: text });
        const lines = (rest[key] + text).split(/\r?\n/);
        rest[key] = lines.pop()!;
        for (const line of lines) handlers.onOutput?.({ [key]: line });
      };
      return stream(entry, (event) => {
        if ("error" in event) return handlers.onError?.(event.error);
        if ("close" in event) {
          for (const key of ["stdout", "stderr"] as const) if (rest[key]) output(key, "\n");
          return handlers.onClose?.(event.close);
        }
        if ("stdout" in event) output("stdout", event.stdout);
        else output("stderr", event.stderr);
      });
    };

  const http = (method: string, url: string, data?: unknown, headers?: Record<string, string>): Promise<unknown> => {
    const entry = record<HttpEntry>({ type: "http", method: method.toUpperCase(), url, ...(data !== undefined && { data }), ...(headers !== undefined && { headers }) });
    return (async () => script.http?.(entry))();
  };
  const service = {
    get: (url: string) => http("GET", url),
    post: (url: string, data: unknown) => http("POST", url, data),
    put: (url: string, data: unknown) => http("PUT", url, data),
    patch: (url: string, data: unknown) => http("PATCH", url, data),
    delete: (url: string) => http("DELETE", url),
    head: (url: string) => http("HEAD", url),
    request: (config: Any) => http(config.method, config.url, config.data, config.headers),
  };
  const toast = (level: "success" | "warning" | "error") => (message: string) => void record({ type: "toast", level, message });
  // Recorded before the script runs: `script.list?.(record(…))` would skip the record without a script.
  const list = (what: "containers" | "images") => async (options?: unknown) => {
    const entry = record<ListEntry>({ type: "list", what, ...(options !== undefined && { options }) });
    return script.list?.(entry) ?? [];
  };
  const navigate = (view: string) => async (...args: string[]) => {
    const entry = record<NavigateEntry>({ type: "navigate", view, args });
    script.navigate?.(entry);
  };
  const openExternal = (url: string) => void record({ type: "openExternal", url });

  const v0: Record<string, unknown> = {
    backend: {
      ...service,
      execInVMExtension: (line: string) => run(lineEntry("vm", line)),
      spawnInVMExtension: v0Spawn("vm"),
      execInContainer: (container: string, line: string) => run(lineEntry("docker", line, ["exec", container])),
    },
    execHostCmd: (line: string) => run(lineEntry("host", line)),
    spawnHostCmd: v0Spawn("host"),
    execDockerCmd: (cmd: string, ...args: string[]) => run(lineEntry("docker", [cmd, ...args].join(" "))),
    spawnDockerCmd: v0Spawn("docker"),
    toastSuccess: toast("success"),
    toastWarning: toast("warning"),
    toastError: toast("error"),
    listContainers: list("containers"),
    listImages: list("images"),
    // v0 at run time resolved a Promise that callers chained on (`openExternal(url).then(…)`),
    // though its types say void; v1's returns nothing.
    openExternal: (url: string) => Promise.resolve(openExternal(url)),
  };
  for (const view of VIEWS) {
    const go = navigate(`view${view}`);
    // v0's void navigations had no way to report a failure.
    v0[`navigateTo${view}`] = V0_VOID_VIEWS.has(view) ? (...args: string[]) => void go(...args).catch(() => {}) : go;
  }

  const v1 = {
    extension: {
      image: "simulated/extension:latest",
      vm: { cli: { exec: v1Exec("vm") }, service },
      host: { cli: { exec: v1Exec("host") } },
    },
    desktopUI: {
      toast: { success: toast("success"), warning: toast("warning"), error: toast("error") },
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      navigate: Object.fromEntries([...VIEWS, ...V1_ONLY_VIEWS].map((view) => [`view${view}`, navigate(`view${view}`)])),
    },
    host: { openExternal, platform: "linux", arch: "x64", hostname: "simulated-host" },
    docker: { cli: { exec: v1Exec("docker") }, listContainers: list("containers"), listImages: list("images") },
  };

  const client: Any = { ...(api !== "v1" && v0), ...(api !== "v0" && v1) };
  for (const path of options.without ?? []) {
    const names = path.split(".");
    const parent = names.slice(0, -1).reduce((node, name) => node?.[name], client);
    if (parent) delete parent[names[names.length - 1]!];
  }

  return {
    client,
    trace,
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
    install() {
      const scope = globalThis as Any;
      const had = "window" in scope;
      const previous = scope.window;
      scope.window = { ddClient: client };
      return () => {
        if (had) scope.window = previous;
        else delete scope.window;
      };
    },
  };
}
