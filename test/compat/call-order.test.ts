// Effects reach the host in the order the extension made the calls, even while the first call
// that translates a command line waits for the lazily loaded line chunk.
import { describe, expect, it } from "vitest";
import { createCompatClient, withLegacyApi, withModernApi, type CompatClient } from "../../compat/index.js";
import { createSimulatedHost, type HostApi, type SimulatedHost, type TraceEntry } from "../simulated-host/index.js";

/** What each entry is, in a word, so an order mismatch reads at a glance. */
const kinds = (trace: readonly TraceEntry[]): string[] => trace.map((entry) => (entry.type == "exec" ? `exec ${entry.cmd}${entry.stream ? " (stream)" : ""}` : entry.type));

async function settle(host: SimulatedHost, calls: readonly unknown[]): Promise<void> {
  await Promise.allSettled(calls);
  await host.settled();
}

describe.each([
  ["v1", "withLegacyApi", (client: unknown) => withLegacyApi(client as never)],
  ["v0", "withModernApi", (client: unknown) => withModernApi(client as never)],
  ["v1", "createCompatClient", (client: unknown) => createCompatClient({ client })],
  ["v0", "createCompatClient", (client: unknown) => createCompatClient({ client })],
] as [HostApi, string, (client: unknown) => CompatClient][])("on a %s host through %s", (api, _name, wrap) => {
  it("reaches the host in call order when the first call waits for the line chunk", async () => {
    const host = createSimulatedHost({ api });
    const client = wrap(host.client);
    const v0 = api == "v1";
    // In the API the host lacks, so that each line call is translated.
    const calls = v0
      ? [client.execHostCmd("ls -l"), client.backend!.get("/a"), client.toastSuccess("t"), client.backend!.execInVMExtension("tool --x"), client.spawnDockerCmd("logs", ["-f"], () => {}), client.listImages(undefined as never)]
      : [
          client.extension.host!.cli.exec("ls", ["-l"]),
          client.extension.vm!.service!.get("/a"),
          client.desktopUI.toast.success("t"),
          client.extension.vm!.cli.exec("tool", ["--x"]),
          client.docker.cli.exec("logs", ["-f"], { stream: {} }),
          client.docker.listImages(),
        ];
    await settle(host, calls);
    expect(kinds(host.trace)).toEqual(["exec ls", "http", "toast", "exec tool", "exec logs (stream)", "list"]);
  });

  it("orders the host's own members with the translated ones, as a half-migrated extension mixes them", async () => {
    const host = createSimulatedHost({ api });
    const client = wrap(host.client);
    // The line call in the API the host lacks, then the host's own API.
    const calls =
      api == "v1"
        ? [client.execHostCmd("kubectl get pods"), client.extension.vm!.service!.post("/b", {}), client.docker.cli.exec("events", [], { stream: {} }), client.desktopUI.toast.error("e")]
        : [client.extension.host!.cli.exec("kubectl", ["get", "pods"]), client.backend!.post("/b", {}), client.spawnDockerCmd("events", [], () => {}), client.toastError("e")];
    await settle(host, calls);
    expect(kinds(host.trace)).toEqual(["exec kubectl", "http", "exec events (stream)", "toast"]);
  });

  it("goes straight through once the chunk is loaded and nothing waits", async () => {
    const host = createSimulatedHost({ api });
    const client = wrap(host.client);
    const line = (): unknown => (api == "v1" ? client.execHostCmd("ls") : client.extension.host!.cli.exec("ls", []));
    await line();
    const before = host.trace.length;
    const pending = line();
    // Recorded before anything is awaited: synchronously, as on a native host.
    expect(host.trace.length).toBe(before + 1);
    await pending;
  });

  it("lets later calls through when a waiting call is refused", async () => {
    const host = createSimulatedHost({ api });
    const client = wrap(host.client);
    const refused = api == "v1" ? client.execHostCmd("ps aux | grep x") : client.extension.host!.cli.exec("echo", ["it's"]);
    const later = api == "v1" ? client.backend!.get("/c") : client.extension.vm!.service!.get("/c");
    await expect(refused).rejects.toThrow();
    await later;
    expect(kinds(host.trace)).toEqual(["http"]);
  });
});

describe("a streamed exec made while calls wait", () => {
  it("returns an ExecProcess whose close() stops delivery once the exec has started", async () => {
    const host = createSimulatedHost({ api: "v0", script: { exec: () => ({ events: [{ stdout: "a" }, { close: 0 }] }) } });
    const client = withModernApi(host.client);
    const seen: unknown[] = [];
    const first = client.extension.host!.cli.exec("ls", []);
    const process = client.docker.cli.exec("logs", ["-f"], { stream: { onOutput: (data) => seen.push(data), onClose: (code) => seen.push(code) } });
    expect(typeof process.close).toBe("function");
    process.close();
    await settle(host, [first]);
    expect(kinds(host.trace)).toEqual(["exec ls", "exec logs (stream)"]);
    expect(seen).toEqual([]);
  });

  it("delivers its events when not closed", async () => {
    const host = createSimulatedHost({ api: "v1", script: { exec: () => ({ events: [{ stdout: "a" }, { close: 0 }] }) } });
    const client = createCompatClient({ client: host.client });
    const seen: unknown[] = [];
    const first = client.execHostCmd("ls");
    client.docker.cli.exec("logs", ["-f"], { stream: { onOutput: (data) => seen.push(data), onClose: (code) => seen.push(code) } });
    await settle(host, [first]);
    expect(seen).toEqual([{ stdout: "a" }, 0]);
  });
});

describe("on a hybrid host", () => {
  it("adds no ordering layer: nothing ever waits for the chunk", () => {
    const host = createSimulatedHost({ api: "hybrid" });
    const client = createCompatClient({ client: host.client });
    expect(client.backend).toBe(host.client.backend);
    expect(client.extension).toBe(host.client.extension);
  });
});
