// Each API's own values, in both directions, as the table's `returns` says: the v0 facade gives
// v0's values (nothing from a spawn call or a void navigation), the v1 facade v1's.
import { describe, expect, it } from "vitest";
import { createCompatClient, withLegacyApi, withModernApi } from "../../compat/index.js";
import { REPLACEABLE, v0RuntimeValue, v1Segments, type Deprecation, type ReturnValue } from "../../deprecations/table.js";
import { readV0Declarations } from "../../scripts/v0-declarations.js";
import { createSimulatedHost } from "../simulated-host/index.js";
import { callAt, passThroughCalls } from "./helpers.js";

const declarations = readV0Declarations();

/** Arguments for a call of the row in either API. */
function argsOf(row: Deprecation, api: "v0" | "v1"): unknown[] {
  const lineRows: Partial<Record<Deprecation["kind"], unknown[]>> = { "command-line": ["ls"], "docker-rest": ["ps"], "container-exec": ["web", "ls"] };
  if (row.kind === "spawn") return api === "v0" ? ["ls", [], () => {}] : ["ls", [], { stream: {} }];
  if (lineRows[row.kind]) return api === "v0" ? lineRows[row.kind]! : ["ls", []];
  return passThroughCalls().find((call) => call.v0 === row.id)?.args.slice() ?? (declarations.get(row.id)?.parameters ?? []).map(() => "a");
}

/** What a call gave back, as the table names values: `Promise<void>` when a Promise resolved with nothing. */
async function valueOf(returned: unknown): Promise<string> {
  if (returned === undefined) return "void";
  if (returned instanceof Promise) return `Promise<${(await returned) === undefined ? "void" : "a value"}>`;
  if (typeof (returned as { close?: unknown }).close === "function") return "ExecProcess";
  return typeof returned;
}

/** The table's value as `valueOf` sees it on the simulated host, whose calls all resolve with something but navigations. */
const observable = (value: ReturnValue): string => (value.startsWith("Promise<") && value !== "Promise<void>" ? "Promise<a value>" : value);

const path = (row: Deprecation): string => v1Segments(row).map((segment) => segment.name).join(".");
const script = { http: () => ({ ok: true }), list: () => [] };

describe("the compat layer gives each API its own values", () => {
  it.each(REPLACEABLE.map((row) => [row.id, row] as const))("%s: v0's value through the v0 facade over a v1 host, as a v0 host gives it", async (_id, row) => {
    const host = createSimulatedHost({ api: "v1", script });
    const legacy = withLegacyApi(host.client);
    const native = createSimulatedHost({ api: "v0", script });
    const got = await valueOf(callAt(legacy, row.id, argsOf(row, "v0")));
    // navigateToContainer's `Promise<any>`: the simulated v0 host resolves it with nothing.
    expect(got).toBe(row.returns.v0 === "Promise<any>" ? "Promise<void>" : observable(v0RuntimeValue(row)));
    expect(got).toBe(await valueOf(callAt(native.client, row.id, argsOf(row, "v0"))));
    await host.settled();
    await native.settled();
  });

  it.each(REPLACEABLE.map((row) => [row.id, row] as const))("%s: v1's value through the v1 facade over a v0 host, as a v1 host gives it", async (_id, row) => {
    const host = createSimulatedHost({ api: "v0", script });
    const modern = withModernApi(host.client);
    const native = createSimulatedHost({ api: "v1", script });
    const got = await valueOf(callAt(modern, path(row), argsOf(row, "v1")));
    expect(got).toBe(observable(row.returns.v1));
    expect(got).toBe(await valueOf(callAt(native.client, path(row), argsOf(row, "v1"))));
    await host.settled();
    await native.settled();
  });

  it("resolves v1's navigations with nothing, whatever a v0 host resolved them with", async () => {
    const v0Host = { navigateToContainer: async () => "shown", navigateToContainers: () => undefined };
    const modern = withModernApi(v0Host as never);
    await expect(modern.desktopUI.navigate.viewContainer("web")).resolves.toBeUndefined();
    await expect(modern.desktopUI.navigate.viewContainers()).resolves.toBeUndefined();
    const compat = createCompatClient({ client: v0Host });
    await expect(compat.desktopUI.navigate.viewContainer("web")).resolves.toBeUndefined();
  });

  it("gives nothing from v0's void navigations served by v1, and throws, as a void member does, when the host has neither", () => {
    const legacy = withLegacyApi({ desktopUI: { navigate: { viewVolumes: async () => undefined } } } as never);
    expect(legacy.navigateToVolumes()).toBeUndefined();
    const bare = withLegacyApi({ desktopUI: { navigate: {} } } as never);
    expect(() => bare.navigateToVolumes()).toThrow("ddClient.navigateToVolumes");
  });
});
