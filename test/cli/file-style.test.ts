/**
 * What the CLI writes is in each file's own style: its Prettier or EditorConfig settings, read
 * by the CLI, or else what the file shows. The codemod's layout rules have their fixtures
 * (test/fixtures); these check the config files' reading, end to end.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

const endsWithSemicolon = (text: string): string[] => text.split("\n").filter((line) => line.trimEnd().endsWith(";"));
const longerThan = (text: string, width: number): string[] => text.split("\n").filter((line) => line.length > width);

// A wrapper whose exec had its argument on a line of its own, and a command line held in a
// constant, in a file written without semicolons (the 2022 Tailscale extension's shape).
const AGENT = `type Output = { stdout: string }

async function runAgent(command: string): Promise<Output> {
  const resp = await window.ddClient.backend.execInVMExtension(
    \`/opt/agent/bin/agent \${command}\`,
  )
  return resp
}

export async function status() {
  return JSON.parse((await runAgent("status --json")).stdout)
}

export async function login(hostname: string) {
  const command = \`/opt/agent/bin/agent up --hostname=\${hostname}-desktop --json --reset\`
  const resp = await window.ddClient.backend.execInVMExtension(command)
  return resp.stdout
}
`;

describe("the file's style", () => {
  it("--client import in a file without semicolons adds none", async () => {
    const tree = await tempTree({
      "src/App.ts": 'import { render } from "./render"\n\nexport function show() {\n  window.ddClient.toastSuccess("hi")\n  render()\n}\n',
      "src/render.ts": "export function render() {}\n",
    });
    cleanup = tree.cleanup;
    expect((await cliInProcess(tree.dir, "src", "--allow-dirty", "--client", "import")).code).toBe(0);
    const output = await readText(tree.dir, "src/App.ts");
    expect(output).toBe(
      'import { render } from "./render"\nimport { createDockerDesktopClient } from "@docker/extension-api-client"\n\nconst ddClient = createDockerDesktopClient()\n\nexport function show() {\n  ddClient.desktopUI.toast.success("hi")\n  render()\n}\n',
    );
    expect(endsWithSemicolon(output)).toEqual([]);
  });

  it("follows the `prettier` key of package.json: no semicolons, 80 columns, trailing commas", async () => {
    const tree = await tempTree({
      "package.json": JSON.stringify({ name: "ui", prettier: { semi: false, printWidth: 80, trailingComma: "all" } }),
      "src/agent.ts": AGENT,
    });
    cleanup = tree.cleanup;
    expect((await cliInProcess(tree.dir, "src", "--allow-dirty", "--client", "import")).code).toBe(0);
    const output = await readText(tree.dir, "src/agent.ts");
    expect(output).toContain('  const resp = await ddClient.extension.vm!.cli.exec(\n    "/opt/agent/bin/agent",\n    command,\n  )\n');
    expect(output).toContain('(await runAgent(["status", "--json"]))');
    expect(output).toContain('  const resp = await ddClient.extension.vm!.cli.exec("/opt/agent/bin/agent", [\n    "up",\n    `--hostname=${hostname}-desktop`,\n    "--json",\n    "--reset",\n  ])\n');
    expect(endsWithSemicolon(output)).toEqual([]);
    expect(longerThan(output, 80)).toEqual([]);
  });

  it("reads .prettierrc as YAML, over .editorconfig's max_line_length", async () => {
    const source = "export const pods = (ns: string) => window.ddClient.execHostCmd(`kubectl get pods -n ${ns}`);\n";
    const tree = await tempTree({
      ".editorconfig": "root = true\n\n[*.ts]\nmax_line_length = 40\n",
      "a/.prettierrc": "singleQuote: true\nprintWidth: 140\n",
      "a/pods.ts": source,
      "b/pods.ts": source,
    });
    cleanup = tree.cleanup;
    expect((await cliInProcess(tree.dir, ".", "--allow-dirty")).code).toBe(0);
    expect(await readText(tree.dir, "a/pods.ts")).toBe("export const pods = (ns: string) => window.ddClient.extension.host!.cli.exec('kubectl', ['get', 'pods', '-n', ns]);\n");
    // EditorConfig alone: its width (up to the array's `[` the line does not fit either), and the quotes the file shows.
    expect(await readText(tree.dir, "b/pods.ts")).toBe('export const pods = (ns: string) => window.ddClient.extension.host!.cli.exec(\n  "kubectl",\n  ["get", "pods", "-n", ns],\n);\n');
  });

  it("leaves a config written in JavaScript unread: the file shows its style", async () => {
    const tree = await tempTree({
      "prettier.config.js": "module.exports = { semi: false, singleQuote: true };\n",
      "src/App.ts": 'export function show() {\n  window.ddClient.toastSuccess("hi");\n}\n',
    });
    cleanup = tree.cleanup;
    expect((await cliInProcess(tree.dir, "src", "--allow-dirty", "--client", "import")).code).toBe(0);
    expect(await readText(tree.dir, "src/App.ts")).toBe(
      'import { createDockerDesktopClient } from "@docker/extension-api-client";\n\nconst ddClient = createDockerDesktopClient();\n\nexport function show() {\n  ddClient.desktopUI.toast.success("hi");\n}\n',
    );
  });
});
