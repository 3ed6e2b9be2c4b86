/** The CLI's pre-pass finds the project's client module; `--client-module` names a package. */
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

describe("client modules in a project", () => {
  it("migrates calls on a client imported from the project's own client module", async () => {
    const tree = await tempTree({
      "src/lib/ddClient.js": 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport const client = createDockerDesktopClient();\n',
      "src/App.js": 'import { client } from "./lib/ddClient";\nexport const go = () => client.toastSuccess("hi");\n',
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
    expect(result.code).toBe(0);
    expect(jsonReport(result).summary.callSites.migrated).toBe(1);
    expect(await readText(tree.dir, "src/App.js")).toBe('import { client } from "./lib/ddClient";\nexport const go = () => client.desktopUI.toast.success("hi");\n');
  });

  it("knows an import by what the module it reads exports, never by its name: a namespace, an index's re-export, a plain object", async () => {
    const app =
      'import * as api from "./lib";\nimport { offline as ddClient } from "./lib/offline";\n' +
      'export const go = () => {\n  api.client.toastSuccess("hi");\n  void ddClient.execHostCmd("ls -l");\n  ddClient.toastError("x");\n};\n';
    const tree = await tempTree({
      "src/lib/client.js": 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport const ddClient = createDockerDesktopClient();\n',
      "src/lib/offline.js": "export const offline = { execHostCmd: async (line) => line, toastError: (m) => m };\n",
      "src/lib/index.js": 'export { ddClient as client } from "./client";\n',
      "src/App.js": app,
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
    expect(result.code).toBe(0);
    expect(jsonReport(result).findings.map((f) => [f.file, f.kind, f.member])).toEqual([["src/App.js", "migrated", "toastSuccess"]]);
    expect(await readText(tree.dir, "src/App.js")).toBe(app.replace('api.client.toastSuccess("hi")', 'api.client.desktopUI.toast.success("hi")'));
  });

  it("--client-module names a package whose exports are the client", async () => {
    const source = 'import { dd } from "@acme/dd-client";\nexport const go = () => dd.execHostCmd("ls -l");\n';
    const tree = await tempTree({ "src/App.js": source });
    cleanup = tree.cleanup;
    expect((await cliInProcess(tree.dir, "src", "--allow-dirty")).code).toBe(0);
    expect(await readText(tree.dir, "src/App.js")).toBe(source);
    expect((await cliInProcess(tree.dir, "src", "--allow-dirty", "--client-module", "@acme/dd-client")).code).toBe(0);
    expect(await readText(tree.dir, "src/App.js")).toBe('import { dd } from "@acme/dd-client";\nexport const go = () => dd.extension.host.cli.exec("ls", ["-l"]);\n');
  });
});

describe("--client import", () => {
  it("uses one module-level client and says the package must be a dependency", async () => {
    const tree = await tempTree({
      "package.json": JSON.stringify({ name: "ext-ui", dependencies: { react: "^18" } }),
      "src/App.js": 'export const go = () => window.ddClient.toastSuccess("hi");\n',
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--client", "import", "--report", "json");
    expect(result.code).toBe(0);
    expect(await readText(tree.dir, "src/App.js")).toBe(
      'import { createDockerDesktopClient } from "@docker/extension-api-client";\n\nconst ddClient = createDockerDesktopClient();\n\nexport const go = () => ddClient.desktopUI.toast.success("hi");\n',
    );
    const notices = jsonReport(result).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/does not list @docker\/extension-api-client/);
  });

  it("says nothing when package.json already lists the client package", async () => {
    const tree = await tempTree({
      "package.json": JSON.stringify({ name: "ext-ui", dependencies: { "@docker/extension-api-client": "^0.4.2" } }),
      "src/App.js": 'export const go = () => window.ddClient.toastSuccess("hi");\n',
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--client", "import", "--report", "json");
    expect(jsonReport(result).notices).toEqual([]);
  });
});

describe("wrappers exported across a project", () => {
  const wrapperSource = 'export function run(cmd) {\n  return window.ddClient.execHostCmd(cmd);\n}\n';

  it("rewrites the wrapper and its callers in other files when every caller is static", async () => {
    const tree = await tempTree({
      "src/api/cli.js": wrapperSource,
      "src/Pods.js": 'import { run } from "./api/cli";\nexport const pods = (ns) => run(`kubectl get pods -n ${ns}`);\n',
      "src/Version.js": 'import { run as exec } from "./api/cli.js";\nexport const version = () => exec("kubectl version --client");\n',
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
    expect(result.code).toBe(0);
    expect(await readText(tree.dir, "src/api/cli.js")).toBe('export function run(cmd, args) {\n  return window.ddClient.extension.host.cli.exec(cmd, args);\n}\n');
    expect(await readText(tree.dir, "src/Pods.js")).toBe('import { run } from "./api/cli";\nexport const pods = (ns) => run("kubectl", ["get", "pods", "-n", String(ns)]);\n');
    expect(await readText(tree.dir, "src/Version.js")).toBe('import { run as exec } from "./api/cli.js";\nexport const version = () => exec("kubectl", ["version", "--client"]);\n');
    const report = jsonReport(result);
    expect(report.summary.files).toMatchObject({ scanned: 3, changed: 3 });
    expect(report.findings.map((f) => [f.file, f.kind, f.review.map((r) => r.reason)])).toEqual([
      ["src/api/cli.js", "migrated", ["wrapper-callers-rewritten", "interpolation-not-resplit"]],
    ]);
    // A second run finds nothing left to do.
    expect(jsonReport(await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json")).summary.files.changed).toBe(0);
  });

  it("reports the wrapper with its callers listed when one of them is not static", async () => {
    const tree = await tempTree({
      "src/api/cli.js": wrapperSource,
      "src/Pods.js": 'import { run } from "./api/cli";\nexport const pods = () => run("kubectl get pods");\nexport const any = (line) => run(line);\n',
    });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
    const findings = jsonReport(result).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "src/api/cli.js", kind: "manual", reason: "wrapper-command-line" });
    expect(findings[0]!.data.callers).toBe("src/Pods.js:2:27, src/Pods.js:3:30 (dynamic-command-line)");
    expect(await readText(tree.dir, "src/Pods.js")).toContain('run("kubectl get pods")');
  });
});
