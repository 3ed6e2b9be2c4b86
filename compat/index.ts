/**
 * `ddclient-migrate/compat`: one client on which both the v0 and the v1 API work, whatever
 * the host offers. Members come from deprecations/table.ts, so a new row is served here too.
 *
 *   import { createCompatClient } from "ddclient-migrate/compat";
 *   const ddClient = createCompatClient();
 *
 * See docs/compat.md for each direction's semantics and what no host can preserve.
 */
import type { v0, v1, v1Hybrid } from "@docker/extension-api-client-types";
import type { Deprecation } from "../deprecations/table.js";
import { putAll, type Install, type Loose } from "./host-api.js";
import { inCallOrder } from "./host-order.js";
import { installLegacy, type Mode } from "./legacy.js";
import { installModern } from "./modern.js";

export { HostApiMissingError } from "./host-api.js";

export interface CompatOptions {
  /**
   * The host passes exec args through as they are (Podman Desktop), instead of Docker Desktop's
   * non-streamed exec, which re-reads them as shell words. Default `false`.
   */
  readonly rawArgs?: boolean;
  /**
   * Warn once per deprecated (v0) member used, naming its v1 replacement: `true` for
   * `console.warn`, or a function. Off by default; pass e.g. `import.meta.env.DEV` so
   * production builds stay silent.
   */
  readonly warn?: boolean | ((message: string) => void);
}

export interface CreateCompatOptions extends CompatOptions {
  /** The host's client. Default: `window.ddClient`, else a global `ddClient`. */
  readonly client?: unknown;
}

/** Both APIs on one object: v1Hybrid's type, which is what Docker Desktop itself provides. */
export type CompatClient = v1Hybrid.DockerDesktopClient;

type InstallModern = (host: Loose, rawArgs: boolean) => Install[];

function compose(host: Loose, { rawArgs = false, warn }: CompatOptions, legacy: Mode, modern?: InstallModern): CompatClient {
  host ??= {};
  const out = Object.create(host);
  const log = warn === true ? (message: string) => console.warn(message) : warn || undefined;
  const warned = new Set<string>();
  const notify =
    log &&
    ((row: Deprecation) => {
      if (!warned.has(row.id)) {
        log(row.v1 ? `\`ddClient.${row.id}\` is deprecated. Use \`ddClient.${row.v1.replace(/\?/g, "")}\`.` : `\`ddClient.${row.id}\` is deprecated, and v1 has no counterpart: ${row.note}.`);
      }
      warned.add(row.id);
    });
  putAll(out, host, inCallOrder(host, [...installLegacy(host, legacy, rawArgs, notify), ...(modern?.(host, rawArgs) ?? [])]));
  return out;
}

/**
 * The host's client with every table member of both APIs: the host's own member where it has
 * one, otherwise served by the other API, otherwise failing with a `HostApiMissingError`.
 */
export function createCompatClient(options: CreateCompatOptions = {}): CompatClient {
  const scope = globalThis as Loose;
  return compose(options.client ?? scope.window?.ddClient ?? scope.ddClient, options, "native", (host, rawArgs) => installModern(host, "native", rawArgs));
}

/** `client` with the v0 API added, always served by its v1 API. */
export function withLegacyApi(client: v1.DockerDesktopClient, options: CompatOptions = {}): CompatClient {
  return compose(client, options, "adapter");
}

/** `client` with the v1 API added, always served by its v0 API. */
export function withModernApi(client: v0.DockerDesktopClient, options: CompatOptions = {}): CompatClient {
  return compose(client, options, "keep", (host, rawArgs) => installModern(host, "adapter", rawArgs));
}
