// v1 calls served by v0: migrated code on an old Docker Desktop that only offers v0.
import { describe, expect, it, vi } from "vitest";
import { HostApiMissingError, withModernApi, type CompatClient } from "../../compat/index.js";
import { DEPRECATIONS, v1Segments } from "../../deprecations/table.js";
import { createSimulatedHost, type ArgSemantics, type Script } from "../simulated-host/index.js";
import { callAt, nativeTrace, over, passThroughCalls, traceOf } from "./helpers.js";

/** The table's v1 exec paths: each serves a spawn row (streamed) and a command-line row (not). */
const EXECS = [...new Set(DEPRECATIONS.filter((row) => row.kind === "spawn").map((row) => v1Segments(row).map((segment) => segment.name).join(".")))];

// Calls whose meaning is the same on Docker Desktop whether it re-reads the joined words or v0's shell reads them.
const DOCKER_DESKTOP_CALLS: [string, string[]][] = [
  ["kubectl", ["get", "pods"]],
  ["docker-style", ["ps", "--format", '"{{json .}}"']],
  ["/app/tailscale up", []],
  ["psql", ["-c", "'select name from users'"]],
  ["tool", ["--name=my app", "--x"]],
  ["echo", ['"a \\" b"', "''"]],
];

// Raw hosts pass args through: each element must arrive as it is, whatever it holds.
const RAW_CALLS: [string, string[]][] = [
  ["psql", ["-c", "select name from users"]],
  ["echo", ["it's", "", "$HOME", "*.txt", "a|b", "back\\slash", '"quoted"']],
  ["tool", ["--format", "{{json .}}", "~user", "#not-a-comment"]],
];

describe.each([
  ["docker-desktop", DOCKER_DESKTOP_CALLS],
  ["raw", RAW_CALLS],
] as [ArgSemantics, [string, string[]][]][])("v1 exec on a v0 host with %s argument semantics", (args, calls) => {
  describe.each(EXECS)("%s", (exec) => {
    it.each(calls)("non-streamed %s %j runs the argv a v1 host runs", async (cmd, argv) => {
      const call = (c: CompatClient) => callAt(c, exec, [cmd, argv]);
      const trace = await traceOf(over("v0", args), call);
      expect(trace).toEqual(await nativeTrace("v1", args, call));
      expect(trace).toHaveLength(1);
    });

    it.each(calls)("streamed %s %j passes args through", async (cmd, argv) => {
      const call = (c: CompatClient) => callAt(c, exec, [cmd, argv, { stream: {} }]);
      const trace = await traceOf(over("v0", args), call);
      expect(trace).toEqual([{ type: "exec", target: expect.any(String), cmd, args: argv, stream: true }]);
      expect(trace).toEqual(await nativeTrace("v1", args, call));
    });
  });
});

describe("non-streamed v1 exec on a v0 host", () => {
  // Operators, variables and globs are plain text to v1: v0's shell must get each as the same
  // single word, so the layer quotes them into the line instead of refusing it.
  it.each([
    ["grep", ["-E", "error|warn", "app.log"], "grep -E 'error|warn' app.log"],
    ["kubectl", ["get", "pods", "--output=jsonpath={.items[*].name}"], "kubectl get pods '--output=jsonpath={.items[*].name}'"],
    ["echo", ["$HOME", "*.txt", "a;b", "~", "#x"], "echo '$HOME' '*.txt' 'a;b' '~' '#x'"],
    ["docker-style", ["ps", "--format", '"{{json .}}"'], "docker-style ps --format '{{json .}}'"],
    ["if", ["A=1"], "'if' A=1"],
    ["A=1", ["x"], "'A=1' x"],
  ] as [string, string[], string][])("runs %s %j as a v1 host runs it, through the line %j", async (cmd, argv, line) => {
    for (const args of ["docker-desktop", "raw"] as ArgSemantics[]) {
      const call = (c: CompatClient) => c.extension.host!.cli.exec(cmd, argv);
      const trace = await traceOf(over("v0", args), call);
      expect(trace).toHaveLength(1);
      expect(trace).toEqual(await nativeTrace("v1", args, call));
    }
    const execHostCmd = vi.fn(async () => ({ stdout: "", stderr: "" }));
    await withModernApi({ execHostCmd } as never).extension.host!.cli.exec(cmd, argv);
    expect(execHostCmd).toHaveBeenCalledWith(line);
  });

  it("quotes each element for the shell where the host passes args through", async () => {
    const execHostCmd = vi.fn(async () => ({ stdout: "", stderr: "" }));
    await withModernApi({ execHostCmd } as never, { rawArgs: true }).extension.host!.cli.exec("psql", ["-c", "select 'x'", "", '"q"']);
    expect(execHostCmd).toHaveBeenCalledWith(`psql -c 'select '\\''x'\\''' '' '"q"'`);
  });

  it.each([
    ["docker-desktop", "echo", ["it's"], "leaves a quote or a final backslash open"],
    ["docker-desktop", "echo", ["back\\"], "leaves a quote or a final backslash open"],
    ["docker-desktop", "", ["  "], "names no command"],
    ["docker-desktop", "echo", ["a\0b"], "NUL character"],
    ["raw", "echo", ["a\0b"], "NUL character"],
  ] as [ArgSemantics, string, string[], string][])("refuses only what no line can carry: %s %s %j", async (args, cmd, argv, reason) => {
    const { client, host } = over("v0", args);
    await expect(client.extension.host!.cli.exec(cmd, argv)).rejects.toThrow(reason);
    expect(host.trace).toEqual([]);
  });

  it("resolves an ExecResult with lines(), parseJsonLines() and parseJsonObject()", async () => {
    const { client } = over("v0", "docker-desktop", { exec: () => ({ stdout: '{"a":1}\n{"a":2}\n' }) });
    const result = await client.docker.cli.exec("ps", ["--format", "{{json .}}"]);
    expect(result.stdout).toBe('{"a":1}\n{"a":2}\n');
    expect(result.lines()).toEqual(['{"a":1}', '{"a":2}']);
    expect(result.parseJsonLines()).toEqual([{ a: 1 }, { a: 2 }]);
    const object = await createSimulatedHost({ api: "v0", script: { exec: () => ({ stdout: '{"b":[1]}' }) } });
    expect((await withModernApi(object.client).extension.vm!.cli.exec("show", [])).parseJsonObject()).toEqual({ b: [1] });
  });

  it("adds the helpers to a v0 result that lacks them", async () => {
    const execHostCmd = vi.fn(async () => ({ stdout: "a\r\nb\n", stderr: "" }));
    const client = withModernApi({ execHostCmd } as never);
    const result = await client.extension.host!.cli.exec("ls", ["-1"]);
    expect(execHostCmd).toHaveBeenCalledWith("ls -1");
    expect(result.lines()).toEqual(["a", "b"]);
  });

  it("rejects as v0 rejects on a non-zero exit code", async () => {
    const { client } = over("v0", "docker-desktop", { exec: () => ({ stderr: "denied", code: 1 }) });
    await expect(client.extension.vm!.cli.exec("tool", [])).rejects.toMatchObject({ code: 1, stderr: "denied" });
  });

  it("refuses `cwd` and `env`, which v0 cannot pass", async () => {
    const { client, host } = over("v0");
    await expect(client.extension.host!.cli.exec("ls", [], { cwd: "/tmp" })).rejects.toThrow("`cwd` and `env`");
    expect(() => client.extension.host!.cli.exec("ls", [], { env: {}, stream: {} })).toThrow("`cwd` and `env`");
    expect(host.trace).toEqual([]);
  });
});

describe("streamed v1 exec on a v0 host", () => {
  const script: Script = { exec: () => ({ events: [{ stdout: "one\ntw" }, { stderr: "e1\n" }, { stdout: "o\nthree" }, { close: 0 }] }) };

  async function events(splitOutputLines: boolean, api: "v0" | "v1") {
    const host = createSimulatedHost({ api, script });
    const client = api === "v0" ? withModernApi(host.client) : host.client;
    const seen: unknown[] = [];
    client.extension.host!.cli.exec("tool", ["watch"], {
      stream: { splitOutputLines, onOutput: (data) => seen.push(data), onError: (error) => seen.push({ error }), onClose: (code) => seen.push({ close: code }) },
    });
    await host.settled();
    return seen;
  }

  it("delivers chunks as v1 does", async () => {
    expect(await events(false, "v0")).toEqual([{ stdout: "one\ntw" }, { stderr: "e1\n" }, { stdout: "o\nthree" }, { close: 0 }]);
    expect(await events(false, "v0")).toEqual(await events(false, "v1"));
  });

  it("delivers one call per line with splitOutputLines, the last line flushed before close", async () => {
    expect(await events(true, "v0")).toEqual([{ stdout: "one" }, { stderr: "e1" }, { stdout: "two" }, { stdout: "three" }, { close: 0 }]);
    expect(await events(true, "v0")).toEqual(await events(true, "v1"));
  });

  it("hands v0's err to onError", async () => {
    const { client, host } = over("v0", "docker-desktop", { exec: () => ({ events: [{ stdout: "x" }, { error: new Error("lost") }] }) });
    const onError = vi.fn();
    const onOutput = vi.fn();
    client.docker.cli.exec("logs", ["-f", "web"], { stream: { onOutput, onError } });
    await host.settled();
    expect(onOutput).toHaveBeenCalledWith({ stdout: "x" });
    expect(onError).toHaveBeenCalledWith(new Error("lost"));
    expect(host.trace).toEqual([{ type: "exec", target: "docker", cmd: "logs", args: ["-f", "web"], stream: true }]);
  });

  it("stops delivery on close()", async () => {
    const { client, host } = over("v0", "docker-desktop", { exec: () => ({ events: [{ stdout: "a" }, { stdout: "b" }, { close: 0 }] }) });
    const seen: unknown[] = [];
    const process = client.extension.vm!.cli.exec("tail", [], { stream: { onOutput: (data) => (seen.push(data), process.close()), onClose: (code) => seen.push(code) } });
    await host.settled();
    expect(seen).toEqual([{ stdout: "a" }]);
  });
});

describe("v1 UI, HTTP and listing calls on a v0 host", () => {
  it.each(passThroughCalls().map(({ v1, args }) => [v1, args] as const))("%s records what v1 records", async (v1, args) => {
    const call = (c: CompatClient) => callAt(c, v1, args);
    const trace = await traceOf(over("v0"), call);
    expect(trace).toHaveLength(1);
    expect(trace).toEqual(await nativeTrace("v1", "docker-desktop", call));
  });

  it("returns Promises where v1 does, even for v0's void navigations", async () => {
    const { client } = over("v0", "docker-desktop", { navigate: () => {} });
    await expect(client.desktopUI.navigate.viewVolumes()).resolves.toBeUndefined();
    const failing = over("v0", "docker-desktop", { navigate: () => { throw new Error("no such container"); } });
    await expect(failing.client.desktopUI.navigate.viewContainer("gone")).rejects.toThrow("no such container");
  });

  it("resolves HTTP and listing values from v0", async () => {
    const { client } = over("v0", "docker-desktop", { http: (entry) => entry.data, list: () => [{ Id: "i1" }] });
    await expect(client.extension.vm!.service!.post("/echo", { a: 1 })).resolves.toEqual({ a: 1 });
    await expect(client.docker.listImages()).resolves.toEqual([{ Id: "i1" }]);
  });
});

describe("v1 members a v0 host lacks", () => {
  it("leaves extension.vm undefined on a host without a backend, as the types allow", () => {
    const { client } = over("v0", "docker-desktop", undefined, ["backend"]);
    expect(client.extension.vm).toBeUndefined();
    expect(client.extension.host).toBeDefined();
  });

  it("names both host APIs when neither provides the member", async () => {
    const { client } = over("v0", "docker-desktop", undefined, ["execDockerCmd", "spawnDockerCmd", "toastSuccess", "listContainers"]);
    const failure = client.docker.cli.exec("ps", []);
    await expect(failure).rejects.toBeInstanceOf(HostApiMissingError);
    await expect(failure).rejects.toThrow("provides neither `ddClient.docker.cli.exec` nor `ddClient.execDockerCmd`");
    expect(() => client.docker.cli.exec("logs", [], { stream: {} })).toThrow("`ddClient.spawnDockerCmd`");
    expect(() => client.desktopUI.toast.success("x")).toThrow(HostApiMissingError);
    await expect(client.docker.listContainers()).rejects.toThrow("`ddClient.listContainers`");
  });

  it("leaves an optional node undefined when neither API serves anything under it", () => {
    const { client } = over("v0", "docker-desktop", undefined, ["execHostCmd", "spawnHostCmd"]);
    expect(client.extension.host).toBeUndefined();
    const half = over("v0", "docker-desktop", undefined, ["spawnHostCmd"]);
    expect(() => half.client.extension.host!.cli.exec("ls", [], { stream: {} })).toThrow(HostApiMissingError);
  });

  it("leaves members v0 never had undefined rather than inventing them", () => {
    const { client } = over("v0");
    expect(client.host.platform).toBeUndefined();
    expect(client.desktopUI.dialog).toBeUndefined();
  });
});

describe("withModernApi", () => {
  it("serves v1 through v0 even where the client has v1", async () => {
    const host = createSimulatedHost({ api: "hybrid" });
    const client = withModernApi(host.client);
    await client.extension.host!.cli.exec("ls", ["-l"]);
    expect(client.extension.host).not.toBe(host.client.extension.host);
    expect(host.trace).toEqual([{ type: "exec", target: "host", cmd: "ls", args: ["-l"], stream: false }]);
    expect(client.host.platform).toBe("linux");
    expect(client.extension.image).toBe("simulated/extension:latest");
  });
});
