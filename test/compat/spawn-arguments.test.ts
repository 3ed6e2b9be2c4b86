// A `function` callback that reads `arguments` sees exactly the argument list its own API
// passes: v0 called `cb(data, err)` with two arguments for every event, v1 calls each stream
// handler with one.
import { describe, expect, it } from "vitest";
import { withLegacyApi, withModernApi, type CompatClient } from "../../compat/index.js";
import { DEPRECATIONS, v1Segments } from "../../deprecations/table.js";
import { createSimulatedHost, type Script, type StreamEvent } from "../simulated-host/index.js";
import { argumentLists, callAt } from "../support/calling.js";

const SPAWN_ROWS = DEPRECATIONS.filter((row) => row.kind === "spawn");

const RUNS: [string, StreamEvent[]][] = [
  ["output then close", [{ stdout: "one\ntw" }, { stderr: "warn\n" }, { stdout: "o\n" }, { close: 3 }]],
  ["output then an error", [{ stdout: "x" }, { error: new Error("lost") }]],
];

describe("v0 spawn callbacks on a v1 host", () => {
  describe.each(RUNS)("%s", (_name, events) => {
    const script: Script = { exec: () => ({ events }) };

    it.each(SPAWN_ROWS.map((row) => row.id))("%s calls the callback with v0's two arguments, as a v0 host does", async (id) => {
      const run = async (client: CompatClient, host: { settled(): Promise<void> }): Promise<unknown[][]> => {
        const { lists, cb } = argumentLists();
        callAt(client, id, ["tool", ["--watch"], cb]);
        await host.settled();
        return lists;
      };
      const v1 = createSimulatedHost({ api: "v1", script });
      const v0 = createSimulatedHost({ api: "v0", script });
      const got = await run(withLegacyApi(v1.client), v1);
      expect(got.length).toBe(events.length);
      expect(got.map((list) => list.length)).toEqual(events.map(() => 2));
      expect(got).toStrictEqual(await run(v0.client, v0));
    });
  });

  it("passes undefined as err with output and close, and undefined as data with an error", async () => {
    const host = createSimulatedHost({ api: "v1", script: { exec: () => ({ events: [{ stdout: "a" }, { close: 0 }] }) } });
    const failing = createSimulatedHost({ api: "v1", script: { exec: () => ({ events: [{ error: "boom" }] }) } });
    const { lists, cb } = argumentLists();
    withLegacyApi(host.client).spawnHostCmd("ls", [], cb);
    withLegacyApi(failing.client).spawnHostCmd("ls", [], cb);
    await Promise.all([host.settled(), failing.settled()]);
    expect(lists).toStrictEqual([[{ stdout: "a" }, undefined], [undefined, "boom"], [{ close: true, code: 0 }, undefined]]);
  });
});

describe("v1 stream handlers on a v0 host", () => {
  const EXECS = [...new Set(SPAWN_ROWS.map((row) => v1Segments(row).map((segment) => segment.name).join(".")))];

  describe.each(RUNS)("%s", (_name, events) => {
    const script: Script = { exec: () => ({ events }) };

    it.each(EXECS.flatMap((exec) => [[exec, false] as const, [exec, true] as const]))("%s (splitOutputLines %s) calls each handler with one argument, as a v1 host does", async (exec, splitOutputLines) => {
      const run = async (client: CompatClient, host: { settled(): Promise<void> }): Promise<unknown[][]> => {
        const lists: unknown[][] = [];
        const handler = (name: string) =>
          function () {
            lists.push([name, ...Array.from(arguments)]);
          };
        callAt(client, exec, ["tool", ["--watch"], { stream: { splitOutputLines, onOutput: handler("output"), onError: handler("error"), onClose: handler("close") } }]);
        await host.settled();
        return lists;
      };
      const v0 = createSimulatedHost({ api: "v0", script });
      const v1 = createSimulatedHost({ api: "v1", script });
      const got = await run(withModernApi(v0.client), v0);
      expect(got.length).toBeGreaterThanOrEqual(1);
      expect(got.every((list) => list.length === 2)).toBe(true);
      expect(got).toStrictEqual(await run(v1.client, v1));
    });
  });
});
