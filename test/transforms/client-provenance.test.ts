/**
 * The receiver's provenance, one axis: each source of the client, and beside it a lookalike
 * (the same name, the same members, another origin) that must stay untouched. Each is run
 * through the codemod, with what the CLI's pre-pass reads of the modules it imports, and
 * through the lint rule, which reads them from disk: both must agree.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientModuleExports } from "../../core/client-modules.js";
import { readImportedModules, relativeImportsOf } from "../../transforms/client-exports.js";
import { moduleKey } from "../../transforms/lib/client-modules.js";
import { migrateSource } from "../../transforms/migrate.js";
import { Linter } from "eslint";
import { linterConfig } from "../eslint-plugin/helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const MODULES: Record<string, string> = {
  "lib/client.js": 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport const ddClient = createDockerDesktopClient();\nexport default ddClient;\nexport const useClient = () => ddClient;\n',
  "lib/offline.js": "export const offline = { execHostCmd: async (line) => line };\nexport default offline;\nexport function useOffline() {\n  return offline;\n}\n",
  "lib/index.js": 'export { ddClient as client } from "./client";\nexport { offline as client2 } from "./offline";\n',
  "lib/fake-compat.js": 'import { offline } from "./offline";\nexport const createCompatClient = () => offline;\n',
};

const PLAIN = "{ execHostCmd: async (line) => line }";

/** `R` is the receiver; `setup` goes above the call, `after` below it. */
interface Case {
  readonly setup: string;
  readonly receiver: string;
  readonly after?: string;
  readonly ts?: boolean;
  /** The call sits in a function of the setup (`{{call}}`), not at the top. */
  readonly inside?: boolean;
}

/** What a lookalike gets: nothing (proven not the client), or a report (its origin is not followed). */
type Lookalike = Case & { readonly finding: "none" | "unknown-client" };

const SOURCES: Record<string, { readonly client: Case; readonly lookalike: Lookalike }> = {
  "window.ddClient": { client: { setup: "", receiver: "window.ddClient" }, lookalike: { setup: `const window = { ddClient: ${PLAIN} };`, receiver: "window.ddClient", finding: "none" } },
  "globalThis.ddClient": { client: { setup: "", receiver: "globalThis.ddClient" }, lookalike: { setup: `const api = { ddClient: ${PLAIN} };`, receiver: "api.ddClient", finding: "none" } },
  "self.ddClient": { client: { setup: "", receiver: "self.ddClient" }, lookalike: { setup: `const self = { ddClient: ${PLAIN} };`, receiver: "self.ddClient", finding: "none" } },
  "createDockerDesktopClient()": {
    client: { setup: 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nconst ddClient = createDockerDesktopClient();', receiver: "ddClient" },
    lookalike: { setup: `const createDockerDesktopClient = () => (${PLAIN});\nconst ddClient = createDockerDesktopClient();`, receiver: "ddClient", finding: "none" },
  },
  "createDockerDesktopClient() of a namespace import": {
    client: { setup: 'import * as dd from "@docker/extension-api-client";', receiver: "dd.createDockerDesktopClient()" },
    lookalike: { setup: `const dd = { createDockerDesktopClient: () => (${PLAIN}) };`, receiver: "dd.createDockerDesktopClient()", finding: "none" },
  },
  "a declared client type": {
    client: { setup: 'import type { v1Hybrid } from "@docker/extension-api-client-types";\nexport function run(ddClient: v1Hybrid.DockerDesktopClient) {\n  {{call}}\n}', receiver: "ddClient", ts: true, inside: true },
    lookalike: { setup: "class Shell {\n  async execHostCmd(line: string) { return line; }\n}\nexport function run(ddClient: Shell) {\n  {{call}}\n}", receiver: "ddClient", ts: true, inside: true, finding: "none" },
  },
  "a variable of a declared client type": {
    client: { setup: 'import type { v1Hybrid } from "@docker/extension-api-client-types";\ndeclare function load(): unknown;\nlet api: v1Hybrid.DockerDesktopClient = load() as never;', receiver: "api", ts: true },
    lookalike: { setup: "class Shell {\n  async execHostCmd(line: string) { return line; }\n}\ndeclare function load(): unknown;\nlet ddClient: Shell = load() as never;", receiver: "ddClient", ts: true, finding: "none" },
  },
  "a named import": {
    client: { setup: 'import { ddClient as api } from "./lib/client";', receiver: "api" },
    lookalike: { setup: 'import { offline as ddClient } from "./lib/offline";', receiver: "ddClient", finding: "none" },
  },
  "a default import": { client: { setup: 'import api from "./lib/client";', receiver: "api" }, lookalike: { setup: 'import ddClient from "./lib/offline";', receiver: "ddClient", finding: "none" } },
  "a namespace import": { client: { setup: 'import * as api from "./lib/client";', receiver: "api.ddClient" }, lookalike: { setup: 'import * as ddClient from "./lib/offline";', receiver: "ddClient.offline", finding: "none" } },
  "a re-export": { client: { setup: 'import { client } from "./lib";', receiver: "client" }, lookalike: { setup: 'import { client2 as ddClient } from "./lib";', receiver: "ddClient", finding: "none" } },
  "a client module's hook": { client: { setup: 'import { useClient } from "./lib/client";', receiver: "useClient()" }, lookalike: { setup: 'import { useOffline as useDDClient } from "./lib/offline";', receiver: "useDDClient()", finding: "none" } },
  "the compat layer": {
    client: { setup: 'import { createCompatClient } from "ddclient-migrate/compat";', receiver: "createCompatClient()" },
    lookalike: { setup: 'import { createCompatClient } from "./lib/fake-compat";', receiver: "createCompatClient()", finding: "none" },
  },
  "the compat layer's wrappers": {
    client: { setup: 'import { withLegacyApi } from "ddclient-migrate/compat";', receiver: "withLegacyApi(window.ddClient)" },
    lookalike: { setup: `const withLegacyApi = (client) => (${PLAIN});`, receiver: "withLegacyApi(window.ddClient)", finding: "none" },
  },
  "a local function returning the client": {
    client: { setup: "function getClient() {\n  if (!window.ddClient) throw new Error();\n  return window.ddClient;\n}", receiver: "getClient()" },
    // One that may return either is not followed: its distinctive v0 calls are reported.
    lookalike: { setup: `function getClient(offline) {\n  if (offline) return ${PLAIN};\n  return window.ddClient;\n}`, receiver: "getClient(true)", finding: "unknown-client" },
  },
  "an immediately invoked function's parameter": {
    client: { setup: "((api) => {\n  {{call}}\n})(window.ddClient);", receiver: "api", inside: true },
    lookalike: { setup: `((ddClient) => {\n  {{call}}\n})(${PLAIN});`, receiver: "ddClient", inside: true, finding: "none" },
  },
  "a class field assigned only the client": {
    client: { setup: 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport class Pods {\n  constructor() {\n    this.client = createDockerDesktopClient();\n  }\n  list() {\n    {{call}}\n  }\n}', receiver: "this.client", inside: true },
    lookalike: { setup: `export class Pods {\n  constructor() {\n    this.ddClient = ${PLAIN};\n  }\n  list() {\n    {{call}}\n  }\n}`, receiver: "this.ddClient", inside: true, finding: "none" },
  },
  "a parameter every caller passes the client": {
    client: { setup: "function list(api) {\n  {{call}}\n}", receiver: "api", inside: true, after: "list(window.ddClient);" },
    lookalike: { setup: "function list(ddClient) {\n  {{call}}\n}", receiver: "ddClient", inside: true, after: `list(${PLAIN});`, finding: "none" },
  },
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-provenance-"));
  for (const [file, text] of Object.entries(MODULES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}, IO_TIMEOUT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), IO_TIMEOUT);

function sourceOf(c: Case): string {
  const call = `void ${c.receiver}.execHostCmd("ls -l");`;
  const body = c.inside ? c.setup.replace("{{call}}", call) : `${c.setup}\n${call}`;
  return `${body}\n${c.after ?? ""}\nexport {};\n`;
}

/** The codemod and the lint rule on one file written beside the modules. */
function run(c: Case, name: string): { output: string; kinds: string[]; messages: string[] } {
  const file = path.join(dir, `${name.replace(/\W+/g, "-")}.${c.ts ? "ts" : "js"}`);
  const source = sourceOf(c);
  fs.writeFileSync(file, source);
  const files = new Map(Object.keys(MODULES).map((m) => [moduleKey(path.join(dir, m)), path.join(dir, m)]));
  const clientModules: Record<string, ClientModuleExports> = {};
  readImportedModules([{ path: file, imports: relativeImportsOf(source) }], files, (f) => fs.readFileSync(f, "utf8"), clientModules);
  const result = migrateSource(source, file, { clientModules });
  if (result.status === "failed") throw new Error(`${name}: ${result.error}`);
  const kinds = result.findings.map((f) => (f.kind === "manual" ? f.reason : f.kind));
  // ESLint's working directory is the temporary one, so that its configuration covers the file.
  const linted = new Linter({ cwd: dir }).verify(source, linterConfig({ "ddclient-migrate/no-deprecated-api": "error" }), { filename: file });
  const messages = linted.map((m) => `${m.messageId ?? m.message}${m.fix ? " fix" : ""}`);
  return { output: result.status === "changed" ? result.output : source, kinds, messages };
}

describe("the receiver's provenance", () => {
  for (const [name, { client, lookalike }] of Object.entries(SOURCES)) {
    it(`${name}: is the client, migrated by the codemod and fixed by the lint rule`, () => {
      const { output, kinds, messages } = run(client, `client ${name}`);
      expect(output).toContain(`${client.receiver}.extension.host${client.ts ? "!" : ""}.cli.exec("ls", ["-l"])`);
      expect(kinds).toEqual(["migrated"]);
      expect(messages).toEqual(["deprecated fix"]);
    });

    it(`${name}: its lookalike stays untouched${lookalike.finding === "none" ? ", with no finding" : ", and is reported"}`, () => {
      const { output, kinds, messages } = run(lookalike, `lookalike ${name}`);
      expect(output).toBe(sourceOf(lookalike));
      expect(kinds).toEqual(lookalike.finding === "none" ? [] : ["unknown-client"]);
      expect(messages).toEqual(lookalike.finding === "none" ? [] : ["unknownClient"]);
    });
  }
});
