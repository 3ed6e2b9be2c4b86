/**
 * The v1 API served by v0, for migrated code on an old Docker Desktop that only offers v0.
 * Rows sharing a v1 path (`execHostCmd` and `spawnHostCmd` → `extension.host.cli.exec`)
 * make one member: non-streamed calls take the line row, streamed ones the spawn row.
 */
import type { v1 } from "@docker/extension-api-client-types";
import { REPLACEABLE, v0RuntimeValue, v1Segments, type Deprecation } from "../deprecations/table.js";
import { withHelpers } from "./exec-result.js";
import { caller, hasFunction, names, returning, returnsPromise, v0Segments, type Fn, type Install, type Loose } from "./host-api.js";
import type { LineChunk } from "./host-order.js";

/** v0 spawn events → v1 stream handlers; `close()` stops delivery (v0 cannot stop the process). */
function spawnStream(spawn: Fn, cmd: string, args: string[], stream: v1.ExecStreamOptions): v1.ExecProcess {
  let open = true;
  const rest: Record<string, string> = { stdout: "", stderr: "" };
  const output = (key: string, text: string): void => {
    if (!stream.splitOutputLines) return stream.onOutput?.({ [key]: text } as never);
    const lines = (rest[key] + text).split(/\r?\n/);
    rest[key] = lines.pop()!;
    for (const line of lines) stream.onOutput?.({ [key]: line } as never);
  };
  spawn(cmd, args, (data: Loose, error: unknown) => {
    if (!open) return;
    if (error != null) return stream.onError?.(error);
    if (data?.close) {
      for (const key in rest) if (rest[key]) output(key, "\n");
      return stream.onClose?.(data.code);
    }
    for (const key in rest) if (data?.[key] != null) output(key, data[key]);
  });
  return { close: () => void (open = false) };
}

/**
 * Before: extension.host.cli.exec("kubectl", ["get", "pods"])  After: execHostCmd("kubectl get pods")
 * A streamed call takes the spawn row with its args unchanged; any other the line row, with the
 * one line the chunk's `v0Line` builds. Called with the loaded chunk first (undefined when streamed).
 */
function execAdapter(line: Fn, spawn: Fn, rawArgs: boolean, member: string): Fn {
  return (chunk: LineChunk, cmd: string, args: string[] = [], options: Loose = {}) => {
    const unsupported = options.cwd !== undefined || options.env !== undefined ? new Error(`\`ddClient.${member}\`: the \`cwd\` and \`env\` options need the v1 API, which this host does not provide.`) : undefined;
    if (options.stream) {
      if (unsupported) throw unsupported;
      return spawnStream(spawn, cmd, args, options.stream);
    }
    return (async () => {
      if (unsupported) throw unsupported;
      return withHelpers(await line(chunk.v0Line([cmd, ...args], rawArgs, member)));
    })();
  };
}

const unlessStreamed = (args: Loose[]): boolean => !args[2]?.stream;

export function installModern(host: Loose, mode: "native" | "adapter", rawArgs: boolean): Install[] {
  const byPath = new Map<string, Deprecation[]>();
  for (const row of REPLACEABLE) byPath.set(row.v1, [...(byPath.get(row.v1) ?? []), row]);
  const installs: Install[] = [];
  for (const rows of byPath.values()) {
    const path = v1Segments(rows[0]!);
    const member = names(path).join(".");
    if (mode == "native" && hasFunction(host, names(path))) continue;
    const spawnRow = rows.find((row) => row.kind == "spawn");
    const lineRow = rows.find((row) => row.kind != "spawn" && row.kind != "container-exec")!;
    const v0 = (row: Deprecation): Fn => caller(host, names(v0Segments(row)), names(path), !returnsPromise(row.returns.v1));
    const available = rows.some((row) => hasFunction(host, names(v0Segments(row))));
    const line = v0(lineRow);
    if (spawnRow) installs.push([path, execAdapter(line, v0(spawnRow), rawArgs, member), available, unlessStreamed]);
    // v1's own value: navigateToContainers() returned void, viewContainers() resolves a Promise with
    // nothing; v0's openExternal resolved a Promise, v1's returns nothing.
    else installs.push([path, returning(line, v0RuntimeValue(lineRow), lineRow.returns.v1), available]);
  }
  return installs;
}
