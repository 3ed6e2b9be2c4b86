/**
 * The v0 API served by v1, for code not yet migrated on a Docker Desktop that dropped v0.
 * Every v0 member of the table gets one adapter, chosen by the row's `kind`.
 */
import { DEPRECATIONS, v0RuntimeValue, v1Segments, type Deprecation } from "../deprecations/table.js";
import { caller, hasFunction, HostApiMissingError, names, returning, returnsPromise, v0Segments, type Fn, type Install, type Loose } from "./host-api.js";
import type { LineChunk } from "./host-order.js";

/** `native`: the host's own member where it has one; `adapter`: always served by the other API; `keep`: left as the host has it. */
export type Mode = "native" | "adapter" | "keep";

/** The v1 member serving a v0 row, and, for the rows that split a command line, when it needs the line chunk. */
function adapter({ id, kind }: Deprecation, v1: Fn, rawArgs: boolean): [Fn, ((args: Loose[]) => boolean)?] {
  // The v0 spawn callback model (docs/compat.md), which the codemod relies on too: v0 always
  // passed two arguments, so a callback reading `arguments` sees both.
  // output → cb({ stdout }, undefined) / cb({ stderr }, undefined); close → cb({ close: true, code }, undefined); error → cb(undefined, error).
  if (kind == "spawn") {
    return [
      (cmd: string, args: string[], cb: Fn) =>
        void v1(cmd, args, {
          stream: { onOutput: (data: unknown) => cb(data, undefined), onError: (error: unknown) => cb(undefined, error), onClose: (code: number) => cb({ close: true, code }, undefined) },
        }),
    ];
  }
  // Before: execDockerCmd("ps", "-a") / execHostCmd("ls -l") / backend.execInContainer(id, "ls -l")
  // After:  docker.cli.exec("ps", ["-a"]) / host.cli.exec("ls", ["-l"]) / docker.cli.exec("exec", [id, "ls", "-l"])
  // (v0 joined execDockerCmd's arguments for its shell.) Async, so that a refused line rejects.
  if (kind == "container-exec") return [async (chunk: LineChunk, container: string, line: string) => v1("exec", [container, ...chunk.commandWords(line, rawArgs, id)]), always];
  if (kind == "command-line" || kind == "docker-rest") return [async (chunk: LineChunk, ...parts: string[]) => v1(...cmdAndArgs(chunk.commandWords(parts.join(" "), rawArgs, id))), always];
  return [v1];
}

const always = (): boolean => true;
const cmdAndArgs = ([cmd, ...args]: string[]): [string, string[]] => [cmd!, args];

export function installLegacy(host: Loose, mode: Mode, rawArgs: boolean, notify?: (row: Deprecation) => void): Install[] {
  const installs: Install[] = [];
  for (const row of DEPRECATIONS) {
    const path = v0Segments(row);
    const v0 = names(path);
    if (row.kind == "no-counterpart") {
      // navigateToRoute: the host's own where it has one, else an error naming why v1 cannot serve it.
      const own = hasFunction(host, v0);
      const member: Fn = own ? caller(host, v0, v0, true) : () => { throw new HostApiMissingError(row.id, null, row.note); };
      installs.push([path, notify ? (...args) => (notify(row), member(...args)) : member, own]);
      continue;
    }
    const v1 = names(v1Segments(row));
    const own = hasFunction(host, v0);
    const adapt = mode == "adapter" || (mode == "native" && !own);
    if (!adapt && !(own && notify)) continue;
    const [adapted, needsChunk] = adapt ? adapter(row, caller(host, v1, v0, !returnsPromise(row.returns.v0)), rawArgs) : [caller(host, v0, v1, true)];
    // v0's own value: nothing for a spawn call or a void navigation, whatever v1's member gives;
    // a Promise from `openExternal`, which v0 callers chained on.
    const member = adapt ? returning(adapted, row.returns.v1, v0RuntimeValue(row)) : adapted;
    installs.push([path, notify ? (...args) => (notify(row), member(...args)) : member, !adapt || hasFunction(host, v1), needsChunk]);
  }
  return installs;
}
