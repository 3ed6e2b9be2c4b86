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
