/**
 * Module-level declarations the generated scenarios share: imports of the client (factory,
 * client module, compat layer) and of the project's lookalikes, the lookalike object, named
 * callbacks, constants the command lines interpolate. A program emits, in this order, each
 * helper a remaining node names.
 */
import { isTypeScript, type Lang } from "./program-tree.js";
import { offlineObject } from "./project-files.js";

interface Helper {
  /** Other helpers it uses. */
  readonly needs?: readonly string[];
  readonly text: (ts: boolean) => string;
}

const any = (ts: boolean, name: string): string => (ts ? `${name}: any` : name);

export const HELPERS: Record<string, Helper> = {
  clientImport: { text: () => `import { createDockerDesktopClient } from "@docker/extension-api-client";` },
  typesImport: { text: (ts) => (ts ? `import type { v1Hybrid } from "@docker/extension-api-client-types";` : "") },
  compatImport: { text: () => `import { createCompatClient, withLegacyApi } from "ddclient-migrate/compat";` },
  importNamed: { text: () => `import { ddClient as namedClient } from "./client-module";` },
  importDefault: { text: () => `import defaultClient from "./client-module";` },
  importNamespace: { text: () => `import * as clientModule from "./client-module";` },
  importReexport: { text: () => `import { ddClient as reexportedClient } from "./reexport-module";` },
  // The project's plain object under the client's names: a lookalike.
  importOfflineAsDdClient: { text: () => `import { offline as ddClient } from "./project-objects";` },
  importOfflineDefault: { text: () => `import offlineDefault from "./project-objects";` },
  importOfflineNamespace: { text: () => `import * as projectObjects from "./project-objects";` },
  importOfflineReexport: { text: () => `import { ddClient as reexportedOffline } from "./project-reexport";` },
  importOfflineCompat: { text: () => `import { createCompatClient } from "./project-objects";` },
  offlineClient: { text: (ts) => `const offlineClient = ${offlineObject(ts)};` },
  offlineType: { needs: ["offlineClient"], text: (ts) => (ts ? "type OfflineClient = typeof offlineClient;" : "") },
  keep: { text: (ts) => (ts ? "function keep<T>(value: T): T {\n  return value;\n}" : "function keep(value) {\n  return value;\n}") },
  invoke: {
    text: (ts) => (ts ? "function invoke(fn: (...args: any[]) => any, ...args: any[]) {\n  return fn(...args);\n}" : "function invoke(fn, ...args) {\n  return fn(...args);\n}"),
  },
  // A multi-word value: v0's shell split it, so it must reach the host as two words.
  tool: { text: () => `const TOOL = "/usr/bin/env tool";` },
  port: { text: () => `const PORT = 8080;` },
  words: { text: () => `const WORDS = ["alpha", "beta"];` },
  onEvent: {
    text: (ts) => `function onEvent(${any(ts, "data")}, ${any(ts, "err")}) {\n  if (err) console.error("onEvent error", err);\n  else console.log("onEvent", data);\n}`,
  },
};

/** The helpers' declarations, dependencies included, in HELPERS order. */
export function renderHelpers(ids: Iterable<string>, lang: Lang): string[] {
  const wanted = new Set<string>();
  const add = (id: string): void => {
    if (wanted.has(id)) return;
    const helper = HELPERS[id];
    if (!helper) throw new Error(`generator: no helper ${id}`);
    wanted.add(id);
    helper.needs?.forEach(add);
  };
  for (const id of ids) add(id);
  return Object.keys(HELPERS)
    .filter((id) => wanted.has(id))
    .map((id) => HELPERS[id]!.text(isTypeScript(lang)))
    .filter((text) => text !== "");
}
