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
   * or used result is wrapped in `Promise.resolve(…)` so the chain keeps working.
   */
  readonly chainedResult?: boolean;
  /** The member returns nothing in either API (toasts, `openExternal`); spawn rows return nothing by kind. */
  readonly returnsNothing?: boolean;
}

const service = (method: string): Deprecation => ({
  id: `backend.${method}`,
  kind: "receiver",
  v1: `extension.vm?.service?.${method}`,
  transform: "backend-service",
  distinctive: false,
});

const navigate = (v0: string, v1: string, kind: DeprecationKind = "receiver"): Deprecation => ({
  id: v0,
  kind,
  v1: `desktopUI.navigate.${v1}`,
  transform: "member-rename",
  distinctive: true,
});

const renamed = (id: string, v1: string, distinctive: boolean): Deprecation => ({ id, kind: "receiver", v1, transform: "member-rename", distinctive });

const ROWS: readonly Deprecation[] = [
  ...["get", "post", "put", "patch", "delete", "head", "request"].map(service),
  { id: "backend.execInVMExtension", kind: "command-line", v1: "extension.vm?.cli.exec", transform: "exec-command-line", distinctive: true },
  { id: "backend.spawnInVMExtension", kind: "spawn", v1: "extension.vm?.cli.exec", transform: "spawn-stream", distinctive: true },
  { id: "backend.execInContainer", kind: "container-exec", v1: "docker.cli.exec", transform: "docker-cli", distinctive: true },
  { id: "execHostCmd", kind: "command-line", v1: "extension.host?.cli.exec", transform: "exec-command-line", distinctive: true },
  { id: "spawnHostCmd", kind: "spawn", v1: "extension.host?.cli.exec", transform: "spawn-stream", distinctive: true },
  { id: "execDockerCmd", kind: "docker-rest", v1: "docker.cli.exec", transform: "docker-cli", distinctive: true },
  { id: "spawnDockerCmd", kind: "spawn", v1: "docker.cli.exec", transform: "spawn-stream", distinctive: true },
  { ...renamed("toastSuccess", "desktopUI.toast.success", true), returnsNothing: true },
  { ...renamed("toastWarning", "desktopUI.toast.warning", true), returnsNothing: true },
  { ...renamed("toastError", "desktopUI.toast.error", true), returnsNothing: true },
  renamed("listContainers", "docker.listContainers", false),
  renamed("listImages", "docker.listImages", false),
  navigate("navigateToContainers", "viewContainers", "void-to-promise"),
  navigate("navigateToContainer", "viewContainer"),
  navigate("navigateToContainerLogs", "viewContainerLogs"),
  navigate("navigateToContainerInspect", "viewContainerInspect"),
  navigate("navigateToContainerStats", "viewContainerStats"),
  navigate("navigateToImages", "viewImages", "void-to-promise"),
  navigate("navigateToImage", "viewImage"),
  navigate("navigateToVolumes", "viewVolumes", "void-to-promise"),
  navigate("navigateToVolume", "viewVolume", "void-to-promise"),
  { ...renamed("openExternal", "host.openExternal", false), chainedResult: true, returnsNothing: true },
  { id: "navigateToRoute", kind: "no-counterpart", v1: "", distinctive: true, note: "desktopUI.navigate opens only Docker Desktop's own views, not an arbitrary route" },
  { id: "navigateToDevEnvironments", kind: "no-counterpart", v1: "", distinctive: true, note: "desktopUI.navigate has no Dev Environments view" },
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
