// createCompatClient: v0 and v1 on one client, whatever the host offers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCompatClient, HostApiMissingError, type CompatClient } from "../../compat/index.js";
import { REPLACEABLE, v1Segments } from "../../deprecations/table.js";
import { createSimulatedHost, type HostApi, type Script } from "../simulated-host/index.js";
import { over } from "./helpers.js";

const at = (root: unknown, path: string): unknown => path.split(".").reduce<any>((node, name) => node?.[name], root); // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(["v0", "v1", "hybrid"] as HostApi[])("on a %s host", (api) => {
  it.each(REPLACEABLE.map((row) => [row.id, v1Segments(row).map((s) => s.name).join(".")]))("serves both %s and %s", (v0, v1) => {
    const { client } = over(api);
    expect(typeof at(client, v0)).toBe("function");
    expect(typeof at(client, v1)).toBe("function");
  });

  it("runs a half-migrated flow as a hybrid host runs it", async () => {
    const script: Script = { exec: (entry) => ({ stdout: `${entry.cmd}\n`, events: [{ stdout: "tick\n" }, { close: 0 }] }), http: () => "pong" };
    async function flow(client: CompatClient): Promise<unknown[]> {
      const seen: unknown[] = [];
      seen.push((await client.execHostCmd("kubectl version --client")).stdout);
      seen.push((await client.extension.host!.cli.exec("kubectl", ["get", "pods", "-o", "name"])).stdout);
      seen.push(await client.backend!.get("/ping"), await client.extension.vm!.service!.post("/ping", { n: 1 }));
      client.spawnDockerCmd("events", [], (data) => seen.push(data));
      client.docker.cli.exec("logs", ["-f", "web"], { stream: { onOutput: (data) => seen.push(data), onClose: (code) => seen.push(code) } });
      client.toastSuccess("done");
      await client.desktopUI.navigate.viewContainer("web");
      return seen;
    }
    const compat = over(api, "docker-desktop", script);
    const hybrid = createSimulatedHost({ api: "hybrid", script });
    const got = await flow(compat.client);
    const want = await flow(hybrid.client);
    await Promise.all([compat.host.settled(), hybrid.settled()]);
    expect(got).toEqual(want);
    expect(compat.host.trace).toEqual(hybrid.trace);
    expect(compat.host.trace).toHaveLength(8);
  });

  it("keeps members the table does not know, and leaves the host untouched", () => {
    const host = createSimulatedHost({ api });
    const before = JSON.stringify(Object.keys(host.client));
    const client = createCompatClient({ client: host.client });
    expect(JSON.stringify(Object.keys(host.client))).toBe(before);
    expect(Object.getPrototypeOf(client)).toBe(host.client);
    if (api !== "v0") {
      expect(client.host.platform).toBe("linux");
      expect(typeof client.desktopUI.navigate.viewContainerTerminal).toBe("function");
      expect(client.extension.image).toBe("simulated/extension:latest");
    }
  });
});

describe("on a hybrid host", () => {
  it("uses the host's own members for both APIs", () => {
    const host = createSimulatedHost({ api: "hybrid" });
    const client = createCompatClient({ client: host.client });
    expect(client.execHostCmd).toBe(host.client.execHostCmd);
    expect(client.backend).toBe(host.client.backend);
    expect(client.extension).toBe(host.client.extension);
  });

  it("keeps v0's line semantics for v0 calls on a raw host", async () => {
    const { client, host } = over("hybrid", "raw");
    await client.execHostCmd('psql -c "select 1"');
    await client.extension.host!.cli.exec("psql", ["-c", "select 1"]);
    expect(host.trace[0]).toEqual(host.trace[1]);
  });
});

describe("finding the host's client", () => {
  let undo: (() => void) | undefined;
  // eslint-disable-next-line no-restricted-syntax -- restores globals in memory: no I/O to wait for
  afterEach(() => {
    undo?.();
    undo = undefined;
    delete (globalThis as { ddClient?: unknown }).ddClient;
  });

  it("reads window.ddClient by default", async () => {
    const host = createSimulatedHost({ api: "v1" });
    undo = host.install();
    await createCompatClient().execHostCmd("ls");
    expect(host.trace).toEqual([{ type: "exec", target: "host", cmd: "ls", args: [], stream: false }]);
  });

  it("falls back to a global ddClient", async () => {
    const host = createSimulatedHost({ api: "v0" });
    (globalThis as { ddClient?: unknown }).ddClient = host.client;
    await createCompatClient().desktopUI.navigate.viewImages();
    expect(host.trace).toEqual([{ type: "navigate", view: "viewImages", args: [] }]);
  });

  it("fails every call clearly where there is no client at all", async () => {
    const client = createCompatClient();
    await expect(client.execHostCmd("ls")).rejects.toBeInstanceOf(HostApiMissingError);
    await expect(client.docker.cli.exec("ps", [])).rejects.toThrow("`ddClient.docker.cli.exec`");
    expect(() => client.toastError("x")).toThrow("`ddClient.desktopUI.toast.error`");
    expect(client.extension.vm).toBeUndefined();
    expect(client.backend).toBeUndefined();
  });
});

describe("deprecation warnings", () => {
  it("are off by default", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await over("v1").client.execHostCmd("ls");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("warn once per deprecated member, naming the v1 replacement", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const host = createSimulatedHost({ api: "hybrid" });
    const client = createCompatClient({ client: host.client, warn: true });
    await client.execHostCmd("ls");
    await client.execHostCmd("ls -l");
    await client.backend!.get("/x");
    await client.extension.host!.cli.exec("ls", []);
    expect(warn.mock.calls).toEqual([
      ["`ddClient.execHostCmd` is deprecated. Use `ddClient.extension.host.cli.exec`."],
      ["`ddClient.backend.get` is deprecated. Use `ddClient.extension.vm.service.get`."],
    ]);
    expect(host.trace).toHaveLength(4);
    warn.mockRestore();
  });

  it("say so when v1 has no counterpart", () => {
    const messages: string[] = [];
    const host = { navigateToRoute() {} };
    const client = createCompatClient({ client: host, warn: (message) => messages.push(message) }) as unknown as Record<string, () => void>;
    client.navigateToRoute!();
    expect(messages).toEqual(["`ddClient.navigateToRoute` is deprecated, and v1 has no counterpart: desktopUI.navigate opens only Docker Desktop's own views, not an arbitrary route."]);
  });

  it("go to a function when given one, and keep the host's `this`", () => {
    const messages: string[] = [];
    const host = { marker: 7, toastSuccess(this: { marker: number }) { messages.push(`this.marker=${this.marker}`); } };
    createCompatClient({ client: host, warn: (message) => messages.push(message) }).toastSuccess("hi");
    expect(messages).toEqual(["`ddClient.toastSuccess` is deprecated. Use `ddClient.desktopUI.toast.success`.", "this.marker=7"]);
  });
});
