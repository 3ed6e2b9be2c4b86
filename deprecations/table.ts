/**
 * The v0 → v1 map of ../shared/API.md, as data. The codemod, the report, and (later) the
 * lint rules and the compat layer all read this one table: adding an API is one row.
 *
 * `v1` is written as a path from the client; a `?` after a segment marks a member that is
 * optional in `@docker/extension-api-client-types` (e.g. `extension.vm?`), which decides
 * where TypeScript output needs `!` or keeps the input's `?.`.
 */
export type DeprecationKind =
  /** Same arguments, new receiver path: `backend.get(url)` → `extension.vm.service.get(url)`. */
  | "receiver"
  /** One command line → command + args array: `execHostCmd("ls -l")`. */
  | "command-line"
  /** `(cmd, args, cb)` → `exec(cmd, args, { stream })`. */
  | "spawn"
  /** `execDockerCmd(cmd, ...args)` → `docker.cli.exec(cmd, [...args])`. */
  | "docker-rest"
  /** `execInContainer(container, line)` → `docker.cli.exec("exec", [container, ...args])`. */
  | "container-exec"
  /** v0 returned void, v1 a Promise. */
  | "void-to-promise"
  /** v1 has nothing that does the same: reported, never rewritten. */
  | "no-counterpart";

/** The codemod transform that rewrites a row; rows without one are reported. */
export type TransformId = "backend-service" | "exec-command-line" | "spawn-stream" | "member-rename" | "docker-cli";

export interface Deprecation {
  /** Stable id, the v0 path from the client: `backend.get`, `execHostCmd`. */
  readonly id: string;
  readonly kind: DeprecationKind;
  /** v1 path from the client, `?` marking optional members. */
  readonly v1: string;
  readonly transform?: TransformId;
  /**
   * A name no unrelated library uses: a call of it on a receiver we cannot prove to be the
   * client is still worth reporting (`props.client.execHostCmd(...)`), where `x.backend.get`
   * would be noise.
   */
  readonly distinctive: boolean;
  /** v1 has no counterpart with the same behaviour; why. */
  readonly note?: string;
  /**
   * Callers chain on the v0 result (`openExternal(url).then(…)`) where v1 returns void: a chained
   * or used result is wrapped in `Promise.resolve(…)` so the chain keeps working. (v0's types say
   * void; Docker Desktop's v0 resolved a Promise at run time, which such code relied on.)
   */
  readonly chainedResult?: boolean;
  /**
   * What a call gives back in each API, as `@docker/extension-api-client-types` declares it. The
   * codemod applies a rewrite whose values differ as it is only where nothing reads the value
   * (core/plan-result); the compat layer gives each API its own value (compat/return-value).
   */
  readonly returns: { readonly v0: ReturnValue; readonly v1: ReturnValue };
}

/** `void`, a promise of a value, or v1's streamed `ExecProcess` (`{ close() }`). */
export type ReturnValue = "void" | "ExecProcess" | `Promise<${string}>`;

/** The value `await` gives for one: a promise's value; `void` and a process are not thenables. */
export function awaitedValue(value: ReturnValue): string {
  return value.startsWith("Promise<") ? value.slice("Promise<".length, -1) : value;
}

/** v0's value at run time: Docker Desktop's v0 resolved a Promise where callers chained on a member typed void (`chainedResult`). */
export function v0RuntimeValue(row: Deprecation): ReturnValue {
  return row.chainedResult && row.returns.v0 === "void" ? "Promise<void>" : row.returns.v0;
}

/**
 * Both APIs give the same value, or (`awaited`) the same value once awaited: `void` and
 * `Promise<void>` both await to nothing. A v0 promise typed `any` says nothing of its value;
 * Docker Desktop resolves it with the v1 member's (`navigateToContainer` → `viewContainer`).
 */
export function sameValue(row: Deprecation, awaited = false): boolean {
  const { v0, v1 } = row.returns;
  if (v0 === v1 || (v0 === "Promise<any>" && v1.startsWith("Promise<"))) return true;
  return awaited && awaitedValue(v0) === awaitedValue(v1);
}

const same = (value: ReturnValue): Deprecation["returns"] => ({ v0: value, v1: value });
const EXEC = same("Promise<ExecResult>");
/** v0's spawn calls return nothing; v1's exec with `{ stream }` returns the process. */
const SPAWN = { v0: "void", v1: "ExecProcess" } as const;

const service = (method: string): Deprecation => ({
  id: `backend.${method}`,
  kind: "receiver",
  v1: `extension.vm?.service?.${method}`,
  transform: "backend-service",
  distinctive: false,
  returns: same("Promise<unknown>"),
});

/** v0 typed some navigations void and others `Promise<any>`; v1 types every one `Promise<void>`. */
const navigate = (v0: string, v1: string, v0Returns: "void" | "Promise<any>"): Deprecation => ({
  id: v0,
  kind: v0Returns === "void" ? "void-to-promise" : "receiver",
  v1: `desktopUI.navigate.${v1}`,
  transform: "member-rename",
  distinctive: true,
  returns: { v0: v0Returns, v1: "Promise<void>" },
});

const renamed = (id: string, v1: string, distinctive: boolean, returns: ReturnValue): Deprecation => ({
  id,
  kind: "receiver",
  v1,
  transform: "member-rename",
  distinctive,
  returns: same(returns),
});

const ROWS: readonly Deprecation[] = [
  ...["get", "post", "put", "patch", "delete", "head", "request"].map(service),
  { id: "backend.execInVMExtension", kind: "command-line", v1: "extension.vm?.cli.exec", transform: "exec-command-line", distinctive: true, returns: EXEC },
  { id: "backend.spawnInVMExtension", kind: "spawn", v1: "extension.vm?.cli.exec", transform: "spawn-stream", distinctive: true, returns: SPAWN },
  { id: "backend.execInContainer", kind: "container-exec", v1: "docker.cli.exec", transform: "docker-cli", distinctive: true, returns: EXEC },
  { id: "execHostCmd", kind: "command-line", v1: "extension.host?.cli.exec", transform: "exec-command-line", distinctive: true, returns: EXEC },
  { id: "spawnHostCmd", kind: "spawn", v1: "extension.host?.cli.exec", transform: "spawn-stream", distinctive: true, returns: SPAWN },
  { id: "execDockerCmd", kind: "docker-rest", v1: "docker.cli.exec", transform: "docker-cli", distinctive: true, returns: EXEC },
  { id: "spawnDockerCmd", kind: "spawn", v1: "docker.cli.exec", transform: "spawn-stream", distinctive: true, returns: SPAWN },
  renamed("toastSuccess", "desktopUI.toast.success", true, "void"),
  renamed("toastWarning", "desktopUI.toast.warning", true, "void"),
  renamed("toastError", "desktopUI.toast.error", true, "void"),
  renamed("listContainers", "docker.listContainers", false, "Promise<unknown>"),
  renamed("listImages", "docker.listImages", false, "Promise<unknown>"),
  navigate("navigateToContainers", "viewContainers", "void"),
  navigate("navigateToContainer", "viewContainer", "Promise<any>"),
  navigate("navigateToContainerLogs", "viewContainerLogs", "Promise<any>"),
  navigate("navigateToContainerInspect", "viewContainerInspect", "Promise<any>"),
  navigate("navigateToContainerStats", "viewContainerStats", "Promise<any>"),
  navigate("navigateToImages", "viewImages", "void"),
  navigate("navigateToImage", "viewImage", "Promise<any>"),
  navigate("navigateToVolumes", "viewVolumes", "void"),
  navigate("navigateToVolume", "viewVolume", "void"),
  { ...renamed("openExternal", "host.openExternal", false, "void"), chainedResult: true },
  // Not in v0's published types (Docker Desktop had them); nothing in v1 to compare with.
  { id: "navigateToRoute", kind: "no-counterpart", v1: "", distinctive: true, note: "desktopUI.navigate opens only Docker Desktop's own views, not an arbitrary route", returns: same("void") },
  { id: "navigateToDevEnvironments", kind: "no-counterpart", v1: "", distinctive: true, note: "desktopUI.navigate has no Dev Environments view", returns: same("void") },
];

/** What every reader derives from the rows; a function of them, so a test can add a row and see it flow everywhere. */
export function tableOf(rows: readonly Deprecation[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    DEPRECATIONS: rows,
    /** The rows that have a v1 replacement (every row but `no-counterpart` ones). */
    REPLACEABLE: rows.filter((row) => row.kind !== "no-counterpart") as readonly Deprecation[],
    findDeprecation: (id: string): Deprecation | undefined => byId.get(id),
    /** Top-level client member names that start a v0 path (`backend`, `execHostCmd`, …). */
    V0_ROOT_MEMBERS: new Set(rows.map((row) => row.id.split(".")[0]!)) as ReadonlySet<string>,
  };
}

export const { DEPRECATIONS, REPLACEABLE, findDeprecation, V0_ROOT_MEMBERS } = tableOf(ROWS);

export interface V1Segment {
  readonly name: string;
  /** Optional in the v1 types: TypeScript output needs `!` (or keeps the input's `?.`) after it. */
  readonly optional: boolean;
}

export function v1Segments(row: Deprecation): V1Segment[] {
  return row.v1.split(".").map((part) => ({ name: part.replace(/\?$/, ""), optional: part.endsWith("?") }));
}
