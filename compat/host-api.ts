/**
 * Walking the host's client by table paths, and laying compat members over it without
 * touching it: every node the compat client adds inherits from the host's node, so members
 * the table does not know (`host.platform`, `desktopUI.dialog`) stay reachable.
 */
import type { Deprecation, ReturnValue, V1Segment } from "../deprecations/table.js";

// The host's client is untyped here on purpose: it may hold either API, or parts of both.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
export type Fn = (...args: Loose[]) => Loose;

/** v0 paths from the client; `backend` is optional in the v0 types. */
export const v0Segments = (row: Deprecation): V1Segment[] => row.id.split(".").map((name, i, all) => ({ name, optional: i < all.length - 1 }));

export const names = (path: readonly V1Segment[]): string[] => path.map((segment) => segment.name);

/** A member neither API provides on this host: says which ones were looked for. */
export class HostApiMissingError extends Error {
  override name = "HostApiMissingError";
  /** `counterpart` null: v1 has none (`navigateToRoute`), and `note` says why. */
  constructor(member: string, counterpart: string | null, note?: string) {
    super(
      counterpart === null
        ? `\`ddClient.${member}\` is not available: this host does not provide it, and v1 has no counterpart (${note}).`
        : `\`ddClient.${member}\` is not available: this host provides neither \`ddClient.${member}\` nor \`ddClient.${counterpart}\`.`,
    );
  }
}

/** The value at `names` under `root`, and its parent (the `this` to call it with). */
export function find(root: Loose, names: readonly string[]): [parent: Loose, value: Loose] {
  let parent: Loose;
  let value = root;
  for (const name of names) {
    parent = value;
    value = value?.[name];
  }
  return [parent, value];
}

export const hasFunction = (root: Loose, names: readonly string[]): boolean => typeof find(root, names)[1] == "function";

/**
 * A member that returns no Promise (toasts, `openExternal`, v0's spawn calls and void
 * navigations, v1's streamed exec) throws when the host lacks it; one that returns a Promise rejects.
 */
export const returnsPromise = (value: ReturnValue): boolean => value.startsWith("Promise<");

/**
 * `member`, which gives the value `from`, giving `to` instead, as the table's `returns` says:
 * each API's own value. `void` gives nothing (a v0 void navigation had no way to report a
 * failure, so neither does its adapter); `Promise<void>` resolves with nothing. Other pairs are
 * the same value, or (a spawn's process) built by their adapter.
 */
export function returning(member: Fn, from: ReturnValue, to: ReturnValue): Fn {
  if (from === to) return member;
  if (to === "void") return (...args) => void Promise.resolve(member(...args)).catch(() => {});
  if (to === "Promise<void>") return async (...args) => void (await member(...args));
  return member;
}

/** Calls the host's member at `names` with its own `this`, resolved at call time. */
export function caller(host: Loose, names: readonly string[], from: readonly string[], sync: boolean): Fn {
  return (...args) => {
    const [self, fn] = find(host, names);
    if (typeof fn == "function") return fn.apply(self, args);
    const error = new HostApiMissingError(from.join("."), names.join("."));
    if (sync) throw error;
    return Promise.reject(error);
  };
}

/**
 * A member to install at `path`. With `needsChunk`, the member takes the loaded line chunk
 * (./line-chunk.ts) before its own arguments, on the calls for which `needsChunk(args)` holds.
 */
export type Install = [path: readonly V1Segment[], member: Fn, available: boolean, needsChunk?: (args: Loose[]) => boolean];

/**
 * Installs each member at its path on `out`. An optional node (`extension.vm?`, v0's
 * `backend`) the host lacks is created only when some member under it has something to call
 * (`available`); otherwise it stays undefined, as both APIs' types allow, so
 * `if (ddClient.extension.vm)` keeps working. Available members go first so that they decide.
 */
export function putAll(out: Loose, host: Loose, installs: Install[]): void {
  next: for (const [path, value, available] of installs.sort((a, b) => +b[2] - +a[2])) {
    let node = out;
    let hostNode = host;
    for (const { name, optional } of path.slice(0, -1)) {
      hostNode = hostNode?.[name];
      if (!Object.hasOwn(node, name)) {
        if (hostNode == null && optional && !available) continue next;
        node[name] = hostNode != null && typeof hostNode == "object" ? Object.create(hostNode) : {};
      }
      node = node[name];
    }
    node[path[path.length - 1]!.name] = value;
  }
}
