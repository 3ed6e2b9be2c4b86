/**
 * One client's host calls, in call order. A call that translates a command line needs the
 * lazily loaded line chunk; while it loads, that call and every later call made through the same
 * client wait in line, so `Promise.all([execHostCmd("ls"), backend.get("/x")])` still reaches
 * the host exec first. With nothing waiting, a call goes straight through, synchronously.
 */
import { DEPRECATIONS, v1Segments } from "../deprecations/table.js";
import { caller, hasFunction, names, returnsPromise, v0Segments, type Fn, type Install, type Loose } from "./host-api.js";

export type LineChunk = typeof import("./line-chunk.js");

/**
 * `installs` routed through one queue. When some of them may wait on the chunk, the host's own
 * table members join them (a half-migrated extension mixes both APIs), or a native
 * `backend.get` would overtake an adapted `execHostCmd` still waiting.
 */
export function inCallOrder(host: Loose, installs: Install[]): Install[] {
  if (!installs.some(([, , , needsChunk]) => needsChunk)) return installs;
  const taken = new Set(installs.map(([path]) => names(path).join(".")));
  for (const row of DEPRECATIONS) {
    for (const [path, value] of row.v1 ? ([[v0Segments(row), row.returns.v0], [v1Segments(row), row.returns.v1]] as const) : ([[v0Segments(row), row.returns.v0]] as const)) {
      const at = names(path);
      if (!taken.has(at.join(".")) && hasFunction(host, at)) {
        taken.add(at.join("."));
        installs.push([path, caller(host, at, at, !returnsPromise(value)), true]);
      }
    }
  }
  let chunk: Loose;
  let waiting = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const done = (): void => void waiting--;
  return installs.map(([path, member, available, needsChunk]) => {
    const ordered: Fn = (...args) => {
      const split = needsChunk?.(args);
      const call = (): Loose => (needsChunk ? member(chunk, ...args) : member(...args));
      if (!waiting && (chunk || !split)) return call();
      waiting++;
      // Boxed, so that `started` settles once the call is made, not once its own Promise does.
      const started = tail.then(async () => split && (chunk ??= await import("./line-chunk.js"))).then(() => [call()]);
      tail = started.then(done, done);
      const result = started.then(([value]) => value);
      // A streamed exec returns its ExecProcess at once: close() reaches it once it has started.
      return args[2]?.stream ? { close: () => void result.then((process) => process.close(), () => {}) } : result;
    };
    return [path, ordered, available];
  });
}
