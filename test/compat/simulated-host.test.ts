// The simulated host is the oracle of the compat tests and of the codemod's differential
// test, so its own readers and semantics are pinned here, and cross-checked against core's splitter.
import { describe, expect, it } from "vitest";
import { splitPlainCommandLine } from "../../core/split-command-line.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { readV0Declarations } from "../../scripts/v0-declarations.js";
import { createSimulatedHost } from "../simulated-host/index.js";
import { rereadWords, shellWords } from "../simulated-host/shell.js";

const LINES: [string, string[] | undefined][] = [
  ["kubectl get pods", ["kubectl", "get", "pods"]],
  ["  a \t b  ", ["a", "b"]],
  [`psql -c "select name from users"`, ["psql", "-c", "select name from users"]],
  [`kubectl -o jsonpath='{.items}'`, ["kubectl", "-o", "jsonpath={.items}"]],
  [`jsonpath='{.items}'`, undefined],
  [`echo "" ''`, ["echo", "", ""]],
  [`echo "a\\"b" 'c\\d' e\\ f "g\\h"`, ["echo", 'a"b', "c\\d", "e f", "g\\h"]],
  [`echo 'cost $5' "x $ y"`, ["echo", "cost $5", "x $ y"]],
  [`docker ps --format "{{json .}}"`, ["docker", "ps", "--format", "{{json .}}"]],
  [`a b=c`, ["a", "b=c"]],
  [`"FOO=1" tool`, ["FOO=1", "tool"]],
  ["ps aux | grep x", undefined],
  ["a && b", undefined],
  ["a; b", undefined],
  ["a > f", undefined],
  ["echo $(date)", undefined],
  ["echo `date`", undefined],
  [`echo "$HOME"`, undefined],
  ["echo $HOME", undefined],
  ["ls *.txt", undefined],
  ["ls ~/x", undefined],
  ["echo {a,b}", undefined],
  ["# comment", undefined],
  ["FOO=1 tool", undefined],
  [`FOO="a b" tool`, undefined],
  ["if true", undefined],
  ["echo 'open", undefined],
  ["echo back\\", undefined],
];

describe("the simulated shell", () => {
  it.each(LINES)("reads %j", (line, words) => {
    expect(shellWords(line)).toEqual(words);
  });

  it.each(LINES)("agrees with core's splitter on %j", (line) => {
    const core = splitPlainCommandLine(line);
    expect(shellWords(line)).toEqual(core.ok ? core.words : undefined);
  });

  it("re-reads Docker Desktop's joined words without refusing anything", () => {
    expect(rereadWords(`ps --format "{{json .}}"`)).toEqual(["ps", "--format", "{{json .}}"]);
    expect(rereadWords("ps aux | grep $x")).toEqual(["ps", "aux", "|", "grep", "$x"]);
    expect(rereadWords("echo  '' x")).toEqual(["echo", "", "x"]);
  });
});

describe("the simulated host's argument semantics", () => {
  const args = ["-c", "select 1", '"quoted"'];

  it("re-reads a non-streamed v1 exec on Docker Desktop", async () => {
    const host = createSimulatedHost({ api: "v1" });
    await host.client.extension.host!.cli.exec("/app/tool up", args);
    expect(host.trace).toEqual([{ type: "exec", target: "host", cmd: "/app/tool", args: ["up", "-c", "select", "1", "quoted"], stream: false }]);
  });

  it("passes args through on a raw host and for streamed calls", async () => {
    const raw = createSimulatedHost({ api: "v1", args: "raw" });
    await raw.client.docker.cli.exec("run", args, { cwd: "/w" });
    const dd = createSimulatedHost({ api: "v1" });
    dd.client.extension.vm!.cli.exec("run", args, { stream: {} });
    await dd.settled();
    expect(raw.trace).toEqual([{ type: "exec", target: "docker", cmd: "run", args, stream: false, cwd: "/w" }]);
    expect(dd.trace).toEqual([{ type: "exec", target: "vm", cmd: "run", args, stream: true }]);
  });

  it("records a v0 line only a shell can run as `sh -c`", async () => {
    const host = createSimulatedHost({ api: "v0" });
    await host.client.execHostCmd("ps aux | grep x");
    await host.client.backend!.execInContainer("web", "ls *.log");
    expect(host.trace).toEqual([
      { type: "exec", target: "host", cmd: "sh", args: ["-c", "ps aux | grep x"], stream: false },
      { type: "exec", target: "docker", cmd: "exec", args: ["web", "sh", "-c", "ls *.log"], stream: false },
    ]);
  });

  it("offers only the API it was asked for", () => {
    expect(createSimulatedHost({ api: "v0" }).client.extension).toBeUndefined();
    expect(createSimulatedHost({ api: "v1" }).client.execHostCmd).toBeUndefined();
    const hybrid = createSimulatedHost({ api: "hybrid", without: ["extension.vm.service", "backend"] }).client;
    expect(hybrid.extension.vm!.service).toBeUndefined();
    expect(hybrid.backend).toBeUndefined();
    expect(typeof hybrid.execHostCmd).toBe("function");
  });
});

describe("the simulated host's navigation", () => {
  it("navigates with v0's members as the table names them, void where v0 declared them void", () => {
    const rows = DEPRECATIONS.filter((row) => row.v1.startsWith("desktopUI.navigate."));
    const v0 = createSimulatedHost({ api: "v0" }).client as unknown as Record<string, unknown>;
    expect(Object.keys(v0).filter((name) => name.startsWith("navigateTo"))).toEqual(rows.map((row) => row.id));
    const declarations = readV0Declarations();
    expect(rows.map((row) => [row.id, row.kind === "void-to-promise"])).toEqual(rows.map((row) => [row.id, declarations.get(row.id)?.returnsVoid]));
  });
});
