// v0 calls served by v1: an extension not yet migrated, on a host that dropped v0.
import { describe, expect, it, vi } from "vitest";
import { HostApiMissingError, withLegacyApi, type CompatClient } from "../../compat/index.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { createSimulatedHost, type ArgSemantics, type ExecEntry, type Script } from "../simulated-host/index.js";
import { callAt, nativeTrace, over, passThroughCalls, recorder, traceOf } from "./helpers.js";

const SEMANTICS: readonly ArgSemantics[] = ["docker-desktop", "raw"];

const LINES = [
  "kubectl get pods",
  "kubectl get pods -o jsonpath='{.items}'",
  'psql -c "select name from users"',
  "tool --name=\"my app\" --flag='a b' plain",
  'echo "" x',
  "printf 'a\\tb' \"it's\" 'say \"hi\"'",
  "echo 'cost: $5' \"a\\\\b\" back\\ slash",
  "  spaced\t  out  ",
];

/** The table's v0 members that took a command line for a shell; `backend.execInContainer` takes the container first. */
const LINE_ROWS = DEPRECATIONS.filter((row) => row.kind === "command-line" || row.kind === "docker-rest" || row.kind === "container-exec");

describe.each(SEMANTICS)("v0 on a v1 host with %s argument semantics", (args) => {
  describe.each(LINES)("command line %j", (line) => {
    it.each(LINE_ROWS.map((row) => [row.id, row.kind] as const))("%s runs the argv v0's shell ran", async (id, kind) => {
      const call = (c: CompatClient) => callAt(c, id, kind === "container-exec" ? ["web-1", line] : [line]);
      const trace = await traceOf(over("v1", args), call);
      expect(trace).toEqual(await nativeTrace("v0", args, call));
      expect(trace).toHaveLength(1);
    });
  });

  it("keeps execDockerCmd's rest arguments as the shell read them", async () => {
    const call = (c: CompatClient) => c.execDockerCmd("ps -a", "--format", '"{{json .}}"', "--filter", "name=web");
    const trace = await traceOf(over("v1", args), call);
    expect(trace).toEqual([{ type: "exec", target: "docker", cmd: "ps", args: ["-a", "--format", "{{json .}}", "--filter", "name=web"], stream: false }]);
    expect(trace).toEqual(await nativeTrace("v0", args, call));
  });

  it("passes spawn args through unchanged and delivers v0's callback events", async () => {
    const script: Script = { exec: () => ({ events: [{ stdout: "one\ntw" }, { stderr: "warn" }, { stdout: "o\n" }, { close: 3 }] }) };
    const call = (c: CompatClient, cb: (d: unknown, e?: unknown) => void) => c.spawnHostCmd("tail", ["-f", "my file.log"], cb);
    const compat = over("v1", args, script);
    const got = recorder();
    call(compat.client, got.cb);
    await compat.host.settled();
    const native = createSimulatedHost({ api: "v0", args, script });
    const want = recorder();
    call(native.client, want.cb);
    await native.settled();

    // v0 always passed two arguments: a callback reading `arguments` sees both.
    expect(got.calls).toStrictEqual([[{ stdout: "one\ntw" }, undefined], [{ stderr: "warn" }, undefined], [{ stdout: "o\n" }, undefined], [{ close: true, code: 3 }, undefined]]);
    expect(got.calls).toStrictEqual(want.calls);
    expect(compat.host.trace).toEqual([{ type: "exec", target: "host", cmd: "tail", args: ["-f", "my file.log"], stream: true }]);
    expect(compat.host.trace).toEqual(native.trace);
  });
});

describe("v0 results and failures on a v1 host", () => {
  it("resolves the v1 ExecResult with its helpers", async () => {
    const { client } = over("v1", "docker-desktop", { exec: () => ({ stdout: '{"a":1}\n{"a":2}\n' }) });
    const result = await client.execHostCmd("tool list --json");
    expect(result.lines()).toEqual(['{"a":1}', '{"a":2}']);
    expect(result.parseJsonLines()).toEqual([{ a: 1 }, { a: 2 }]);
    const object = await client.backend!.execInVMExtension("tool show");
    expect(object.stdout).toBe('{"a":1}\n{"a":2}\n');
  });

  it("rejects as the host rejects on a non-zero exit code", async () => {
    const { client } = over("v1", "docker-desktop", { exec: () => ({ stderr: "nope", code: 2 }) });
    await expect(client.execHostCmd("tool fail")).rejects.toMatchObject({ code: 2, stderr: "nope" });
  });

  it.each([
    ["ps aux | grep x", "|"],
    ["make && make install", "&&"],
    ["a; b", ";"],
    ["tool > out.txt", ">"],
    ["echo $(date)", "$("],
    ["echo `date`", "`"],
    ["echo $HOME", "$H"],
    ["ls *.txt", "*"],
    ["FOO=1 tool", "FOO="],
    ["echo 'unterminated", "'"],
  ])("refuses %j without starting a shell, naming %s", async (line, operator) => {
    const { client, host } = over("v1");
    await expect(client.execHostCmd(line)).rejects.toThrow(`\`${operator}\``);
    await expect(client.execDockerCmd(line)).rejects.toThrow("needs a shell");
    await expect(client.backend!.execInContainer("web", line)).rejects.toThrow("needs a shell");
    expect(host.trace).toEqual([]);
  });

  it("refuses an empty command line", async () => {
    const { client, host } = over("v1");
    await expect(client.execHostCmd("   ")).rejects.toThrow("empty command line");
    expect(host.trace).toEqual([]);
  });

  it("hands a v1 stream error to the callback as err", async () => {
    const { client, host } = over("v1", "docker-desktop", { exec: () => ({ events: [{ stdout: "x" }, { error: "boom" }] }) });
    const got = recorder();
    client.backend!.spawnInVMExtension("svc", [], got.cb);
    client.spawnDockerCmd("logs", ["-f", "web"], got.cb);
    await host.settled();
    expect(got.calls).toStrictEqual([[{ stdout: "x" }, undefined], [{ stdout: "x" }, undefined], [undefined, "boom"], [undefined, "boom"]]);
    expect(host.trace.map((entry) => (entry as ExecEntry).target)).toEqual(["vm", "docker"]);
  });
});

describe("v0 UI, HTTP and listing calls on a v1 host", () => {
  it.each(passThroughCalls().map(({ v0, args }) => [v0, args] as const))("%s records what v0 recorded", async (v0, args) => {
    const call = (c: CompatClient) => callAt(c, v0, args);
    const trace = await traceOf(over("v1"), call);
    expect(trace).toHaveLength(1);
    expect(trace).toEqual(await nativeTrace("v0", "docker-desktop", call));
  });

  it("resolves HTTP and listing values from v1", async () => {
    const { client } = over("v1", "docker-desktop", { http: (entry) => ({ echoed: entry.url }), list: () => [{ Id: "c1" }] });
    await expect(client.backend!.get("/status")).resolves.toEqual({ echoed: "/status" });
    await expect(client.listContainers(undefined as never)).resolves.toEqual([{ Id: "c1" }]);
  });
});

describe("members the host lacks", () => {
  it.each(DEPRECATIONS.filter((row) => row.kind === "no-counterpart").map((row) => row.id))(
    "says why %s, which v1 has no counterpart for, cannot be served, and calls the host's own where it has one",
    (id) => {
      const { client, host } = over("v1", "docker-desktop");
      expect(() => callAt(client, id, ["/settings"])).toThrow(HostApiMissingError);
      expect(() => callAt(client, id, [])).toThrow("v1 has no counterpart");
      expect(host.trace).toEqual([]);

      const own = vi.fn();
      const withOwn = withLegacyApi({ ...createSimulatedHost({ api: "v1" }).client, [id]: own } as never);
      callAt(withOwn, id, ["/settings"]);
      expect(own).toHaveBeenCalledWith("/settings");
    },
  );

  it("names both host APIs when neither provides the member", async () => {
    const { client, host } = over("v1", "docker-desktop", undefined, ["extension.host"]);
    const failure = client.execHostCmd("ls");
    await expect(failure).rejects.toBeInstanceOf(HostApiMissingError);
    await expect(failure).rejects.toThrow("provides neither `ddClient.execHostCmd` nor `ddClient.extension.host.cli.exec`");
    expect(() => client.spawnHostCmd("ls", [], () => {})).toThrow(HostApiMissingError);
    expect(host.trace).toEqual([]);
  });

  it("throws a HostApiMissingError for a missing UI member", () => {
    const { client } = over("v1", "docker-desktop", undefined, ["desktopUI.toast"]);
    expect(() => client.toastSuccess("x")).toThrow("`ddClient.desktopUI.toast.success`");
  });

  it("keeps `backend` to what v1 can serve, and undefined when nothing can", async () => {
    const noVm = over("v1", "docker-desktop", undefined, ["extension.vm"]);
    await expect(noVm.client.backend!.get("/x")).rejects.toThrow("`ddClient.extension.vm.service.get`");
    await noVm.client.backend!.execInContainer("web", "ls");
    expect(noVm.host.trace).toEqual([{ type: "exec", target: "docker", cmd: "exec", args: ["web", "ls"], stream: false }]);

    const nothing = over("v1", "docker-desktop", undefined, ["extension.vm", "docker"]);
    expect(nothing.client.backend).toBeUndefined();
  });
});

describe("withLegacyApi", () => {
  it("serves v0 through v1 even where the client has v0", async () => {
    const host = createSimulatedHost({ api: "hybrid" });
    const execHostCmd = vi.fn();
    const client = withLegacyApi({ ...host.client, execHostCmd } as never);
    await client.execHostCmd("ls -l");
    expect(execHostCmd).not.toHaveBeenCalled();
    expect(host.trace).toEqual([{ type: "exec", target: "host", cmd: "ls", args: ["-l"], stream: false }]);
  });

  it("leaves the v1 client it wraps untouched", () => {
    const host = createSimulatedHost({ api: "v1" });
    const keys = Object.keys(host.client);
    const client = withLegacyApi(host.client);
    expect(Object.keys(host.client)).toEqual(keys);
    // v1's own members are routed through the client's call order (test/compat/call-order.test.ts), over the host's nodes.
    expect(Object.getPrototypeOf(client.extension)).toBe(host.client.extension);
    expect(client.extension.image).toBe("simulated/extension:latest");
    expect(client.host.platform).toBe("linux");
  });
});
