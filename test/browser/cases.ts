/**
 * The calls the browser test makes, by the API the host offers (`v1`: v0 calls on a v1-only
 * host; `v0`: v1 calls on a v0-only host), each with what docs/compat.md says reaches the host's
 * member or comes back. Functions in recorded calls read `"<function>"` (./compat-page.ts).
 */
import { DEPRECATIONS, v1Segments } from "../../deprecations/table.js";
import { passThroughCalls } from "../compat/helpers.js";
import type { StreamEvent } from "../simulated-host/index.js";
import type { HostCall } from "./compat-page.js";

export type Api = "v0" | "v1";

export interface Case {
  /** The member called, in the API the host lacks. */
  readonly call: string;
  readonly args: readonly unknown[];
  readonly rawArgs?: boolean;
  /** Host members removed, as the simulated host's `without`. */
  readonly without?: string[];
}

export interface Reaching extends Case {
  readonly reached: HostCall;
}

/** HTTP, toasts, listing, navigation and `openExternal`: the same arguments, at the other API's member. */
export function passThroughCases(api: Api): Reaching[] {
  return passThroughCalls().map(({ v0, v1, args }) => ({ call: api == "v1" ? v0 : v1, args, reached: { path: api == "v1" ? v1 : v0, args: [...args] } }));
}

const STREAM_HANDLERS = { onOutput: "<function>", onError: "<function>", onClose: "<function>" };

/** Stream events a host delivers: output on both streams, then a close; output, then an error. */
export const RUNS: readonly StreamEvent[][] = [
  [{ stdout: "one\ntw" }, { stderr: "warn\n" }, { stdout: "o\n" }, { close: 3 }],
  [{ stdout: "x" }, { error: "lost" }],
];

/** v0's spawn calls and v1's streamed execs, `args` unchanged. The page passes the callback or the handlers. */
export function streamCases(api: Api): Reaching[] {
  return DEPRECATIONS.filter((row) => row.kind === "spawn").map((row) => {
    const v1 = v1Segments(row).map((segment) => segment.name).join(".");
    return api == "v1"
      ? { call: row.id, args: ["tool", ["--watch"]], reached: { path: v1, args: ["tool", ["--watch"], { stream: STREAM_HANDLERS }] } }
      : { call: v1, args: ["tool", ["--watch"]], reached: { path: row.id, args: ["tool", ["--watch"], "<function>"] } };
  });
}

/** Exec calls (docs/compat.md's examples). */
export const EXECS: Record<Api, readonly Reaching[]> = {
  v1: [
    { call: "execHostCmd", args: ["kubectl get pods -o jsonpath='{.items}'"], reached: { path: "extension.host.cli.exec", args: ["kubectl", ["get", "pods", "-o", "jsonpath={.items}"]] } },
    { call: "execDockerCmd", args: ["ps", "-a"], reached: { path: "docker.cli.exec", args: ["ps", ["-a"]] } },
    { call: "execDockerCmd", args: ["ps -a"], reached: { path: "docker.cli.exec", args: ["ps", ["-a"]] } },
    { call: "backend.execInContainer", args: ["web-1", "ls -l"], reached: { path: "docker.cli.exec", args: ["exec", ["web-1", "ls", "-l"]] } },
    { call: "backend.execInVMExtension", args: ['psql -c "select name from users"'], reached: { path: "extension.vm.cli.exec", args: ["psql", ["-c", '"select name from users"']] } },
    { call: "backend.execInVMExtension", args: ['psql -c "select name from users"'], rawArgs: true, reached: { path: "extension.vm.cli.exec", args: ["psql", ["-c", "select name from users"]] } },
  ],
  v0: [
    { call: "extension.host.cli.exec", args: ["kubectl", ["get", "pods"]], reached: { path: "execHostCmd", args: ["kubectl get pods"] } },
    { call: "extension.host.cli.exec", args: ["grep", ["-E", "error|warn", "app.log"]], reached: { path: "execHostCmd", args: ["grep -E 'error|warn' app.log"] } },
    { call: "extension.host.cli.exec", args: ["kubectl", ["get", "--output=jsonpath={.items[*].name}"]], reached: { path: "execHostCmd", args: ["kubectl get '--output=jsonpath={.items[*].name}'"] } },
    { call: "extension.host.cli.exec", args: ["docker", ["ps", "--format", '"{{json .}}"']], reached: { path: "execHostCmd", args: ["docker ps --format '{{json .}}'"] } },
    { call: "extension.host.cli.exec", args: ["psql", ["-c", "select 'x'"]], rawArgs: true, reached: { path: "execHostCmd", args: ["psql -c 'select '\\''x'\\'''"] } },
    { call: "extension.vm.cli.exec", args: ["ls", ["-l"]], reached: { path: "backend.execInVMExtension", args: ["ls -l"] } },
    { call: "docker.cli.exec", args: ["ps", ["-a"]], reached: { path: "execDockerCmd", args: ["ps -a"] } },
  ],
};

interface Failure {
  readonly name: string;
  readonly message: string;
}

const missing = (member: string, counterpart: string): Failure => ({ name: "HostApiMissingError", message: `\`ddClient.${member}\` is not available: this host provides neither \`ddClient.${member}\` nor \`ddClient.${counterpart}\`.` });
const NO_CWD = (member: string): Failure => ({ name: "Error", message: `\`ddClient.${member}\`: the \`cwd\` and \`env\` options need the v1 API, which this host does not provide.` });
/** Calls the layer refuses, and the documented error; `threw`: thrown at once rather than rejected. */
export const REFUSALS: Record<Api, readonly (Case & { readonly error: Failure; readonly threw: boolean })[]> = {
  v1: [
    { call: "execHostCmd", args: ["ps aux | grep x"], threw: false, error: { name: "Error", message: '`ddClient.execHostCmd("ps aux | grep x")` needs a shell (shell-operator `|`), and v1 runs none: call exec() once per command.' } },
    { call: "execHostCmd", args: [""], threw: false, error: { name: "Error", message: "`ddClient.execHostCmd` got an empty command line." } },
    { call: "backend.get", args: ["/x"], without: ["extension.vm"], threw: false, error: missing("backend.get", "extension.vm.service.get") },
    { call: "toastSuccess", args: ["saved"], without: ["desktopUI.toast"], threw: true, error: missing("toastSuccess", "desktopUI.toast.success") },
  ],
  v0: [
    { call: "extension.host.cli.exec", args: ["echo", ["it's"]], threw: false, error: { name: "Error", message: "`ddClient.extension.host.cli.exec(\"echo\", \"it's\")` leaves a quote or a final backslash open, so Docker Desktop's exec has no reading of it to keep." } },
    { call: "extension.host.cli.exec", args: ["ls", [], { cwd: "/" }], threw: false, error: NO_CWD("extension.host.cli.exec") },
    { call: "docker.cli.exec", args: ["logs", [], { env: { A: "1" }, stream: {} }], threw: true, error: NO_CWD("docker.cli.exec") },
    { call: "desktopUI.toast.success", args: ["saved"], without: ["toastSuccess"], threw: true, error: missing("desktopUI.toast.success", "toastSuccess") },
  ],
};

/** Calls made at once in the API the host lacks, one of them in the host's own API: the members they reach, in call order. */
export const ORDER: Record<Api, readonly string[]> = {
  v1: ["extension.host.cli.exec", "extension.vm.service.post", "extension.vm.service.get", "desktopUI.toast.success", "extension.vm.cli.exec", "docker.cli.exec", "docker.listImages"],
  v0: ["execHostCmd", "backend.post", "backend.get", "toastSuccess", "backend.execInVMExtension", "spawnDockerCmd", "listImages"],
};

