/**
 * Module-level declarations the generated statements share: named callbacks, constants the
 * command lines interpolate, a client made at module level, lookalike objects. A program
 * emits, in this order, each helper a remaining node names.
 */
import { isTypeScript, type Lang } from "./program-tree.js";

interface Helper {
  /** Other helpers it uses. */
  readonly needs?: readonly string[];
  readonly text: (ts: boolean) => string;
}

const any = (ts: boolean, name: string): string => (ts ? `${name}: any` : name);

export const HELPERS: Record<string, Helper> = {
  clientImport: { text: () => `import { createDockerDesktopClient } from "@docker/extension-api-client";` },
  typesImport: { text: (ts) => (ts ? `import type { v1Hybrid } from "@docker/extension-api-client-types";` : "") },
  moduleClient: {
    needs: ["clientImport", "typesImport"],
    text: (ts) => `const client = createDockerDesktopClient()${ts ? " as v1Hybrid.DockerDesktopClient" : ""};`,
  },
  getClient: { text: () => `function getClient() {\n  return window.ddClient;\n}` },
  // A multi-word value: v0's shell split it, so it must reach the host as two words.
  tool: { text: () => `const TOOL = "/usr/bin/env tool";` },
  port: { text: () => `const PORT = 8080;` },
  words: { text: () => `const WORDS = ["alpha", "beta"];` },
  onEvent: {
    text: (ts) => `function onEvent(${any(ts, "data")}, ${any(ts, "err")}) {\n  if (err) console.error("onEvent error", err);\n  else console.log("onEvent", data);\n}`,
  },
  lookalike: {
    text: (ts) =>
      `const lookalike = {\n  backend: { get: async (${ts ? "url: string" : "url"}) => "lookalike " + url },\n  execHostCmd: async (${ts ? "line: string" : "line"}) => "lookalike " + line,\n};`,
  },
  // A parameter named ddClient whose declared type is the project's own, not the client.
  ownClient: {
    text: () =>
      `interface OwnClient {\n  execHostCmd(line: string): Promise<string>;\n}\nasync function ownTool(ddClient: OwnClient) {\n  return ddClient.execHostCmd("echo notclient");\n}`,
  },
  // A wrapper prefixing a fixed command, also passed by value to callers with multi-word strings.
  runTool: {
    text: (ts) => `function runTool(${ts ? "sub: string" : "sub"}) {\n  return window.ddClient.backend${ts ? "!" : ""}.execInVMExtension(\`/app/tool \${sub}\`);\n}`,
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
