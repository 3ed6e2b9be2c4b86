/**
 * The ways generated code reaches the client: `window.ddClient`, the bare global, a module-level
 * `createDockerDesktopClient()`, `getClient()`, `props.client`, optional chains, a destructured or
 * aliased `backend`, a cast, and a parameter typed as the client (added by a surrounding block).
 */
import type { Rng } from "./rng.js";

export interface Receiver {
  /** What a root member follows: `window.ddClient` in `window.ddClient.execHostCmd(…)`. */
  readonly root: string;
  /** What a backend method follows: `window.ddClient.backend!` in `….backend!.get(…)`. */
  readonly backend: string;
  /** Statements the leaf needs before the call (`const { backend } = window.ddClient;`). */
  readonly setup: readonly string[];
  readonly tags: readonly string[];
  readonly helpers: readonly string[];
}

export const plain = (root: string, ts: boolean, tags: string[] = [], helpers: string[] = [], setup: string[] = []): Receiver => ({
  root,
  backend: `${root}.backend${ts ? "!" : ""}`,
  setup,
  tags,
  helpers,
});

export type ReceiverKind = (rng: Rng, ts: boolean) => Receiver;

/** The receivers any statement may use; a surrounding block may add its parameter's. */
export const RECEIVERS: readonly ReceiverKind[] = [
  (_r, ts) => plain("window.ddClient", ts),
  (_r, ts) => plain("window.ddClient", ts),
  (_r, ts) => plain("ddClient", ts, ["global-ddclient"]),
  (_r, ts) => plain("client", ts, ["module-client"], ["moduleClient"]),
  (_r, ts) => plain("getClient()", ts, ["get-client-call"], ["getClient"]),
  (_r, ts) => plain("props.client", ts, ["props-client"], [], ["const props = { client: window.ddClient };"]),
  (_r, ts) => (ts ? plain("(window.ddClient as v1Hybrid.DockerDesktopClient)", ts, ["cast-receiver"], ["typesImport"]) : plain("window.ddClient", ts)),
  () => ({ root: "window?.ddClient?", backend: "window?.ddClient?.backend?", setup: [], tags: ["optional-chain"], helpers: [] }),
  (_r, ts) => ({
    root: "window.ddClient",
    backend: ts ? "backend!" : "backend",
    setup: ["const { backend } = window.ddClient;"],
    tags: ["destructured-backend"],
    helpers: [],
  }),
  () => ({ root: "window.ddClient", backend: "backend?", setup: ["const backend = window.ddClient.backend;"], tags: ["backend-alias"], helpers: [] }),
];

/** The client as a surrounding arrow's parameter: typed in TypeScript, named `ddClient` in JavaScript. */
export const parameterReceiver = (ts: boolean): Receiver => plain(ts ? "client" : "ddClient", ts, ["client-parameter"], ts ? ["typesImport"] : []);
