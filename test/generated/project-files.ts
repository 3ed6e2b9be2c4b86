/**
 * The project around a generated program: a client module (`export const ddClient =
 * createDockerDesktopClient()`, its default export, a re-export of it) and a project module
 * that exports a plain object with the client's member names (under `offline`, `ddClient`,
 * its default and a `createCompatClient` of its own), which the pre-pass reads and must not
 * take for the client. Written once per batch beside the programs; the codemod gets the
 * pre-pass's result, the lint rule the client modules as its setting.
 */
import fs from "node:fs";
import path from "node:path";
import { scanProjectClientModules } from "../../transforms/client-exports.js";
import type { ClientModules } from "../../core/client-modules.js";
import { ROWS } from "./axes/rows.js";

/** A plain object with every v0 member of the table, each answering with its own string. */
export function offlineObject(ts: boolean): string {
  const method = (id: string): string => `async (...args${ts ? ": any[]" : ""}) => \`offline ${id} \${args.length}\``;
  const backend = ROWS.filter((row) => row.backend).map((row) => `    ${row.member}: ${method(row.id)},`);
  const root = ROWS.filter((row) => !row.backend).map((row) => `  ${row.member}: ${method(row.id)},`);
  return ["{", "  backend: {", ...backend, "  },", ...root, "}"].join("\n");
}

export const PROJECT_FILES: Record<string, string> = {
  "client-module.ts": [
    `import { createDockerDesktopClient } from "@docker/extension-api-client";`,
    `import type { v1Hybrid } from "@docker/extension-api-client-types";`,
    "",
    "export const ddClient = createDockerDesktopClient() as v1Hybrid.DockerDesktopClient;",
    "export default ddClient;",
    "",
  ].join("\n"),
  "reexport-module.ts": `export { ddClient } from "./client-module";\n`,
  "project-objects.ts": [
    `export const offline = ${offlineObject(true)};`,
    "export const ddClient = offline;",
    "export default offline;",
    "export function createCompatClient() {",
    "  return offline;",
    "}",
    "",
  ].join("\n"),
  "project-reexport.ts": `export { ddClient } from "./project-objects";\n`,
};

export function writeProjectFiles(dir: string): ClientModules {
  fs.mkdirSync(dir, { recursive: true });
  const files = Object.entries(PROJECT_FILES).map(([name, source]) => ({ path: path.join(dir, name), source }));
  for (const file of files) fs.writeFileSync(file.path, file.source);
  return scanProjectClientModules(files);
}

/** What the lint rule is told (its `clientModules` setting): the modules that hand out the client. */
export const clientModuleSetting = (dir: string): string[] => [path.join(dir, "client-module"), path.join(dir, "reexport-module")];
