import path from "node:path";
import rule from "../../eslint-plugin/rules/no-deprecated-api.js";
import { FIXTURES_DIR } from "../support/fixtures.js";
import { ruleTester, tested } from "./rule-tester.js";

/** A file beside test/fixtures/clients/lib: the rule reads the modules it imports from disk. */
const besideLib = path.join(FIXTURES_DIR, "clients", "file.ts");

ruleTester.run("no-deprecated-api", tested(rule), {
  valid: [
    { code: 'window.ddClient.extension.vm?.service?.get("/x");', filename: "file.ts" },
    { code: "const api = { backend: { get: (u) => u } }; api.backend.get('/x');", filename: "file.js" },
    { code: "function f(ddClient) { ddClient = {}; ddClient.backend.get('/x'); }", filename: "file.js" },
    { code: "const ddClient = { toastSuccess() {} }; ddClient.toastSuccess('hi');", filename: "file.js" },
    { code: 'window.ddClient.toastError("x");', filename: "file.ts", options: [{ allow: ["toastError"] }] },
    { code: "const C = () => <button onClick={() => window.ddClient.desktopUI.toast.success('ok')} />;", filename: "file.tsx" },
    // Without the setting, an import of a project module is not known to be the client.
    { code: 'import { dd } from "@acme/dd-client";\ndd.listContainers({});', filename: "file.js" },
    // The rule reads the module: `offline` is a plain object, whatever the import calls it; so is a namespace object.
    { code: 'import { offline as ddClient } from "./lib/offline";\nvoid ddClient.execHostCmd("ls -l");\nddClient.toastError("x");', filename: besideLib },
    { code: 'import * as ddClient from "./lib/offline";\nvoid ddClient.offline.execHostCmd("ls -l");', filename: besideLib },
    { code: 'import { offline } from "./lib";\nvoid offline.execHostCmd("ls -l");', filename: besideLib },
    // A parameter or variable typed with a class of the project is not the client.
    { code: "class Shell { execHostCmd(line: string) { return line; } }\nexport function f(ddClient: Shell) { ddClient.execHostCmd('ls -l'); }", filename: "file.ts" },
    { code: "class Shell { toastError(m: string) { return m; } }\nlet shell: Shell = new Shell();\nshell.toastError('x');\nshell = new Shell();", filename: "file.ts" },
    // A local function's parameter every call passes a plain object.
    { code: "function f(ddClient) { ddClient.execHostCmd('ls -l'); }\nf({ execHostCmd() {} });", filename: "file.js" },
    // A function whose every return is a plain object hands out no client, whatever it is called.
    { code: "const offline = { navigateToContainerInspect() {} };\nconst withLegacyApi = (host) => offline;\nwithLegacyApi(window.ddClient).navigateToContainerInspect('c1');", filename: "file.js" },
    { code: "function createDockerDesktopClient() {\n  if (Math.random()) return { execDockerCmd() {} };\n  return { execDockerCmd() {} };\n}\ncreateDockerDesktopClient().execDockerCmd('ps');", filename: "file.js" },
    // So does an imported one the rule reads (./lib/offline-compat returns its plain object).
    { code: 'import { createCompatClient } from "./lib/offline-compat";\nconst compat = createCompatClient();\ncompat.navigateToContainerStats("c1");', filename: besideLib },
    // A pattern takes apart an array literal's element in place: here a plain object.
    { code: "const offline = { navigateToContainer() {} };\nconst [{ navigateToContainer: open }] = [offline];\nopen('c1');", filename: "file.js" },
    // A parameter's pattern takes apart what every caller passes: here a plain object (a local `window`).
    { code: "const window = { ddClient: { navigateToContainerInspect() {} } };\n(({ navigateToContainerInspect: run }) => run('c1'))(window.ddClient);", filename: "file.js" },
  ],
  invalid: [
    // A destructured v0 member still in use, or exported, stays, and the closing sweep (engine/sweep) reports it.
    {
      code: "const { backend } = window.ddClient;\nexport const f = () => backend;",
      filename: "file.js",
      output: null,
      errors: [{ messageId: "unrecognisedUse", line: 1, column: 9 }],
    },
    { code: "export const { backend } = window.ddClient;", filename: "file.js", output: null, errors: [{ messageId: "unrecognisedUse", line: 1, column: 16 }] },
    {
      // A typing with method signatures only names no v0 member as a call would: still reported.
      code: "interface Window {\n  ddClient: {\n    execHostCmd(command: string): Promise<{ stdout: string }>;\n  };\n}\nexport {};",
      filename: "globals.ts",
      output: null,
      errors: [{ messageId: "handWrittenV0Typing", line: 2, column: 3 }],
    },
    {
      code: "const { backend, extension, toastError } = window.ddClient;\nextension.image;",
      filename: "file.js",
      output: "const { extension } = window.ddClient;\nextension.image;",
      errors: [{ messageId: "unusedV0Member", line: 1, column: 9 }],
    },
    {
      // settings["ddclient-migrate"].clientModules, as the CLI's --client-module: a package, or a path from the cwd.
      code: 'import { dd } from "@acme/dd-client";\nimport { useClient } from "../lib/client";\ndd.toastError("x");\nuseClient().toastSuccess("y");',
      filename: "src/app/file.js",
      settings: { "ddclient-migrate": { clientModules: ["@acme/dd-client", "./src/lib/client"] } },
      output: 'import { dd } from "@acme/dd-client";\nimport { useClient } from "../lib/client";\ndd.desktopUI.toast.error("x");\nuseClient().desktopUI.toast.success("y");',
      errors: [
        { messageId: "deprecated", line: 3, column: 4 },
        { messageId: "deprecated", line: 4, column: 13 },
      ],
    },
    {
      // The rule reads the module: `ddClient` is its client, a namespace's member and an index file's re-export too.
      code: 'import { ddClient as dd } from "./lib/client";\nimport * as api from "./lib/client";\nimport { client } from "./lib";\ndd.toastError("x");\napi.ddClient.toastError("y");\nclient.toastError("z");',
      filename: besideLib,
      output: 'import { ddClient as dd } from "./lib/client";\nimport * as api from "./lib/client";\nimport { client } from "./lib";\ndd.desktopUI.toast.error("x");\napi.ddClient.desktopUI.toast.error("y");\nclient.desktopUI.toast.error("z");',
      errors: [
        { messageId: "deprecated", line: 4, column: 4 },
        { messageId: "deprecated", line: 5, column: 14 },
        { messageId: "deprecated", line: 6, column: 8 },
      ],
    },
    {
      // A module that cannot be read may export anything: its import's name proves nothing.
      code: 'import { ddClient } from "./no-such-module";\nddClient.toastError("x");',
      filename: besideLib,
      output: null,
      errors: [{ messageId: "unknownClient", line: 2, column: 10 }],
    },
    {
      code: 'window.ddClient.backend.get("/status");',
      filename: "file.js",
      output: 'window.ddClient.extension.vm.service.get("/status");',
      errors: [{ messageId: "deprecated", line: 1, column: 17 }],
    },
    {
      code: 'const { backend } = window.ddClient;\nbackend!.get("/status");',
      filename: "file.ts",
      // Two passes: the call is rewritten, then the destructured `backend` it left unused goes.
      output: ['const { backend } = window.ddClient;\nwindow.ddClient.extension.vm!.service!.get("/status");', 'window.ddClient.extension.vm!.service!.get("/status");'],
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
    {
      code: 'await (window as any).ddClient.execHostCmd("docker ps -a");',
      filename: "file.ts",
      output: 'await (window as any).ddClient.extension.host!.cli.exec("docker", ["ps", "-a"]);',
      errors: [{ messageId: "deprecated", line: 1, column: 32 }],
    },
    {
      code: 'const C = ({ id }: { id: string }) => <button onClick={() => ddClient.execHostCmd(`docker logs ${id}`)} />;',
      filename: "file.tsx",
      output: null,
      errors: [
        {
          messageId: "deprecatedNeedsReview",
          line: 1,
          column: 71,
          suggestions: [
            {
              messageId: "migrate",
              data: { member: "execHostCmd", replacement: "extension.host.cli.exec" },
              output: 'const C = ({ id }: { id: string }) => <button onClick={() => ddClient.extension.host!.cli.exec("docker", ["logs", id])} />;',
            },
          ],
        },
      ],
    },
    {
      code: 'window.ddClient.execHostCmd("ps aux | grep x");',
      filename: "file.js",
      output: null,
      errors: [{ messageId: "shellOperator", line: 1, column: 17 }],
    },
    {
      code: "const line = read(); window.ddClient.execHostCmd(line);",
      filename: "file.js",
      output: null,
      errors: [{ messageId: "dynamicCommandLine", line: 1, column: 38 }],
    },
    {
      code: 'props.client.execHostCmd("ls");',
      filename: "file.ts",
      output: null,
      errors: [{ messageId: "unknownClient", line: 1, column: 14 }],
    },
    {
      code: 'window.ddClient.navigateToRoute("/x");',
      filename: "file.js",
      output: null,
      errors: [{ messageId: "noV1Counterpart", line: 1, column: 17 }],
    },
    {
      code: "import { createDockerDesktopClient } from '@docker/extension-api-client';\nconst client = createDockerDesktopClient();\nclient.toastSuccess('Saved');",
      filename: "file.ts",
      output: "import { createDockerDesktopClient } from '@docker/extension-api-client';\nconst client = createDockerDesktopClient();\nclient.desktopUI.toast.success('Saved');",
      errors: [{ messageId: "deprecated", line: 3, column: 8 }],
    },
    {
      // A parameter's pattern every caller passes the client: each v0 member taken is reported, a name other libraries use too.
      code: "(({ listContainers }) => listContainers())(window.ddClient);",
      filename: "file.js",
      output: null,
      errors: [{ messageId: "unrecognisedUse", line: 1, column: 5 }],
    },
  ],
});
