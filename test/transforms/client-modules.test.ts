/** The project pre-pass: modules exporting the client make their imports the client elsewhere. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanClientExports, scanProjectClientModules } from "../../transforms/client-exports.js";
import { moduleKey } from "../../transforms/lib/client-modules.js";
import { migrateSource } from "../../transforms/migrate.js";

const root = path.resolve("/project/src");
const clientFile = path.join(root, "lib/client.ts");
const clientSource = `import { createDockerDesktopClient } from "@docker/extension-api-client";
export const client = createDockerDesktopClient();
export default client;
export function useClient() {
  return client;
}
export const useOther = () => window.ddClient;
export const notAClient = { backend: { get: (u: string) => u } };
`;
const appFile = path.join(root, "App.tsx");
const appSource = `import api, { client, useClient, notAClient } from "./lib/client";
export function App() {
  client.toastSuccess("a");
  api.toastSuccess("b");
  useClient().toastSuccess("c");
  notAClient.backend.get("/x");
  return null;
}
`;

describe("client modules", () => {
  it("finds the client exports and hooks of a module", () => {
    // `others`: read and not the client (a function is no client, whatever it returns).
    expect(scanClientExports(clientSource, clientFile)).toEqual({ names: ["client", "default"], hooks: ["useClient", "useOther"], others: ["useClient", "useOther", "notAClient"], otherHooks: [] });
    expect(scanClientExports("export const x = 1;\n", clientFile)).toBeNull();
  });

  it("recognises imports of a client module in another file", () => {
    const modules = scanProjectClientModules([{ path: clientFile, source: clientSource }]);
    expect(Object.keys(modules)).toEqual([moduleKey(clientFile)]);
    const result = migrateSource(appSource, appFile, { clientModules: modules });
    expect(result.status).toBe("changed");
    if (result.status === "failed") return;
    expect(result.output).toContain('client.desktopUI.toast.success("a")');
    expect(result.output).toContain('api.desktopUI.toast.success("b")');
    expect(result.output).toContain('useClient().desktopUI.toast.success("c")');
    expect(result.output).toContain('notAClient.backend.get("/x")');
    // Without the pre-pass the imports are not known to be the client: nothing is rewritten.
    expect(migrateSource(appSource, appFile).status).toBe("unchanged");
  });

  it("follows a module that re-exports another client module's client", () => {
    const wrapper = path.join(root, "lib/wrapper.ts");
    const modules = scanProjectClientModules([
      { path: clientFile, source: clientSource },
      { path: wrapper, source: 'import { client } from "./client";\nexport const ddClientWrapped = client;\n' },
    ]);
    expect(modules[moduleKey(wrapper)]).toEqual({ names: ["ddClientWrapped"], hooks: [], others: [], otherHooks: [] });
  });

  it("treats every export of a named module (--client-module) as the client", () => {
    const source = 'import { dd, useDd } from "@acme/dd-client";\nexport const f = () => dd.execHostCmd("ls -l");\nexport const g = () => useDd().toastError("x");\n';
    const result = migrateSource(source, appFile, { clientModules: { "@acme/dd-client": { names: [], hooks: [], all: true } } });
    expect(result.status === "changed" && result.output).toBe(
      'import { dd, useDd } from "@acme/dd-client";\nexport const f = () => dd.extension.host!.cli.exec("ls", ["-l"]);\nexport const g = () => useDd().desktopUI.toast.error("x");\n',
    );
  });
});

describe("client modules in components", () => {
  it("finds the client a Svelte component's module script exports", () => {
    const svelte = '<script context="module">\n  import { createDockerDesktopClient } from "@docker/extension-api-client";\n  export const client = createDockerDesktopClient();\n</script>\n\n<p>hi</p>\n';
    expect(scanClientExports(svelte, path.join(root, "Client.svelte"))).toEqual({ names: ["client"], hooks: [], others: [], otherHooks: [] });
    const modules = scanProjectClientModules([{ path: path.join(root, "Client.svelte"), source: svelte }]);
    const app = 'import { client } from "./Client.svelte";\nexport const go = () => client.toastSuccess("a");\n';
    const result = migrateSource(app, appFile, { clientModules: modules });
    expect(result.status === "changed" && result.output).toBe('import { client } from "./Client.svelte";\nexport const go = () => client.desktopUI.toast.success("a");\n');
  });
});
