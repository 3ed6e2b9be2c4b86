/** The CLI's pre-pass finds the project's client module; `--client-module` names a package. */
import { afterEach, describe, expect, it } from "vitest";
import { cli, jsonReport, readText, tempTree } from "./helpers.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

describe("client modules in a project", () => {
  it("migrates calls on a client imported from the project's own client module", async () => {
    const tree = await tempTree({
      "src/lib/ddClient.js": 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport const client = createDockerDesktopClient();\n',
      "src/App.js": 'import { client } from "./lib/ddClient";\nexport const go = () => client.toastSuccess("hi");\n',
    });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "src", "--allow-dirty", "--report", "json");
    expect(result.code).toBe(0);
    expect(jsonReport(result).summary.callSites.migrated).toBe(1);
    expect(await readText(tree.dir, "src/App.js")).toBe('import { client } from "./lib/ddClient";\nexport const go = () => client.desktopUI.toast.success("hi");\n');
  });

  it("--client-module names a package whose exports are the client", async () => {
    const source = 'import { dd } from "@acme/dd-client";\nexport const go = () => dd.execHostCmd("ls -l");\n';
    const tree = await tempTree({ "src/App.js": source });
    cleanup = tree.cleanup;
    expect(cli(tree.dir, "src", "--allow-dirty").code).toBe(0);
    expect(await readText(tree.dir, "src/App.js")).toBe(source);
    expect(cli(tree.dir, "src", "--allow-dirty", "--client-module", "@acme/dd-client").code).toBe(0);
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
    const result = cli(tree.dir, "src", "--allow-dirty", "--client", "import", "--report", "json");
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
    const result = cli(tree.dir, "src", "--allow-dirty", "--client", "import", "--report", "json");
    expect(jsonReport(result).notices).toEqual([]);
  });
});
