/**
 * examples/legacy-extension, the input of `npm run demo`: it uses every row of the deprecation
 * table, typechecks under `strict` before and after the migration, migrates idempotently, and
 * its README states what the run really reports (each call site's file:line and outcome, and
 * the totals).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, type JsonReport } from "../../cli/report.js";
import { runMigration } from "../../cli/run.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { IO_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/legacy-extension");

// The example's dependencies are never installed: just enough of React, MUI and the theme
// package for its components, in the spirit of test/support/fixture-react.d.ts. A script (no
// import or export), so that its module declarations are ambient; under "jsx": "react-jsx" the
// JSX namespace comes from react/jsx-runtime.
const SHIM = `
declare module "react" {
  export function useState<T>(initial: T): [T, (next: T | ((previous: T) => T)) => void];
  export function useState<T = undefined>(): [T | undefined, (next: T | undefined | ((previous: T | undefined) => T | undefined)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useCallback<T extends (...args: any[]) => any>(fn: T, deps: readonly unknown[]): T;
  const React: { StrictMode: any };
  export default React;
}
declare module "react/jsx-runtime" {
  export const jsx: any;
  export const jsxs: any;
  export const Fragment: any;
  export namespace JSX {
    type Element = any;
    interface ElementChildrenAttribute { children: {} }
    interface IntrinsicAttributes { key?: string | number }
    interface IntrinsicElements { [name: string]: any }
  }
}
declare module "react-dom/client" {
  const ReactDOM: { createRoot(element: Element): { render(node: unknown): void } };
  export default ReactDOM;
}
declare module "@mui/material/*" {
  // Handlers are typed so that the components' inline arrows are contextually typed, as with MUI.
  const Component: (props: {
    [prop: string]: any;
    onChange?(event: any, value: any): void;
    onClick?(event: any): void;
    onKeyDown?(event: any): void;
    onClose?(event: any): void;
  }) => any;
  export default Component;
}
declare module "@docker/docker-mui-theme" {
  export const DockerMuiThemeProvider: any;
}
`;

/** The example's own tsconfig (strict), its files plus the shim, resolved against the repository's node_modules. */
function typecheckExample(dir: string): string[] {
  const shim = path.join(dir, "shim", "modules.d.ts");
  fs.mkdirSync(path.dirname(shim), { recursive: true });
  fs.writeFileSync(shim, SHIM);
  const config = ts.readConfigFile(path.join(dir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  expect(parsed.options.strict).toBe(true);
  const program = ts.createProgram([...parsed.fileNames, shim], parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

// src/global.d.ts as v0 extensions wrote it before the official types: the client typed by hand
// in a script. The report's advice for it, followed by the CLI itself, must end typechecking.
const HAND_WRITTEN_GLOBALS = `interface ExecOutput {
  stdout: string;
  stderr: string;
  parseJsonLines(): any[];
  parseJsonObject(): any;
}

type SpawnCallback = (data: any, err: any) => void;

interface Window {
  ddClient: {
    execHostCmd(cmd: string): Promise<ExecOutput>;
    toastError(message: string): void; // the backend health check
    listImages(): Promise<unknown>;
    backend?: {
      get(url: string): Promise<unknown>;
      post(url: string, data: unknown): Promise<unknown>;
      execInVMExtension(cmd: string): Promise<ExecOutput>;
      spawnInVMExtension(cmd: string, args: string[], callback: SpawnCallback): void;
    };
  };
}

declare var ddClient: {
  spawnHostCmd(cmd: string, args: string[], callback: SpawnCallback): void;
};
`;

/** A copy of the example (outside any git repository) that can resolve the repository's packages. */
function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-example-"));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) files[file] = fs.readFileSync(full, "utf8");
  }
  return files;
}

async function report(cwd: string, mode: "dry" | "write" | "check"): Promise<JsonReport> {
  return buildReport(await runMigration({ paths: ["src"], cwd, mode, allowDirty: true, runInBand: true }));
}

/** `| 12 | \`src/components/SyncPanel.tsx:21\` | … | **migrate** | … |` → one row per call site. */
function readmeRows(): { where: string; outcome: string }[] {
  const readme = fs.readFileSync(path.join(EXAMPLE, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| \d+ \| `(src\/[^`]+:\d+)` \|.*?\| \*\*([a-z +]+)\*\* \|/gm)];
  return rows.map(([, where, outcome]) => ({ where: where!, outcome: outcome! }));
}

function outcomeOf(finding: JsonReport["findings"][number]): string {
  if (finding.kind === "manual") return "manual";
  return finding.review.length > 0 ? "migrate + review" : "migrate";
}

describe("examples/legacy-extension", () => {
  let dry: JsonReport;
  let copy: string;

  beforeAll(async () => {
    dry = await report(EXAMPLE, "dry");
    copy = copyExample();
  }, SLOW_IO_TIMEOUT);
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }), IO_TIMEOUT);

  it("uses every row of the deprecation table", () => {
    expect(dry.exitCode).toBe(0);
    const found = new Set(dry.findings.map((f) => f.member));
    expect(DEPRECATIONS.map((row) => row.id).filter((id) => !found.has(id))).toEqual([]);
  });

  it("leaves exactly the pipe, the dynamic command line and the two rows without a v1 counterpart", () => {
    expect(dry.summary.manualByReason).toEqual({ "dynamic-command-line": 1, "no-v1-counterpart": 2, "shell-operator": 1 });
  });

  it("typechecks under strict before and after the migration, which changes nothing a second time", async () => {
    expect(typecheckExample(copy)).toEqual([]);

    const first = await report(copy, "write");
    expect(first.exitCode).toBe(0);
    expect(first.summary.callSites).toEqual(dry.summary.callSites);
    expect(first.summary.files).toEqual(dry.summary.files);
    expect(typecheckExample(copy)).toEqual([]);

    const migrated = readTree(path.join(copy, "src"));
    const second = await report(copy, "write");
    expect(second.summary.files.changed).toBe(0);
    expect(second.summary.callSites.migrated).toBe(0);
    expect(second.findings.map((f) => `${f.file} ${f.member} ${f.reason}`)).toEqual(
      dry.findings.filter((f) => f.kind === "manual").map((f) => `${f.file} ${f.member} ${f.reason}`),
    );
    expect(readTree(path.join(copy, "src"))).toEqual(migrated);
  }, SLOW_IO_TIMEOUT);

  it("typechecks after migration when it typed the client by hand, the typing migrated with the calls", async () => {
    const handTyped = copyExample();
    try {
      fs.writeFileSync(path.join(handTyped, "src/global.d.ts"), HAND_WRITTEN_GLOBALS);
      expect(typecheckExample(handTyped)).toEqual([]);
      const migrated = await report(handTyped, "write");
      expect(migrated.exitCode).toBe(0);
      expect(migrated.findings.filter((f) => f.member === "ddClient").map((f) => `${f.file} ${f.kind}`)).toEqual(["src/global.d.ts migrated", "src/global.d.ts migrated"]);
      expect(typecheckExample(handTyped)).toEqual([]);
      // execHostCmd is still called (a pipe, a dynamic line): its v0 member stays, next to the v1 one.
      const typing = fs.readFileSync(path.join(handTyped, "src/global.d.ts"), "utf8");
      expect(typing).toContain("    execHostCmd(cmd: string): Promise<ExecOutput>;");
      expect(typing).toContain("          exec(cmd: string, args: string[]): Promise<ExecOutput>;");
      expect(typing).not.toContain("spawnInVMExtension");
      // The bare global's only member migrated and the official types are installed: it takes them.
      expect(typing).toContain('declare var ddClient: import("@docker/extension-api-client-types").v1.DockerDesktopClient;');
    } finally {
      fs.rmSync(handTyped, { recursive: true, force: true });
    }
  }, SLOW_IO_TIMEOUT);

  it("states in its README each call site's outcome and the run's totals", async () => {
    // The README's lines are those of the example as it is, where `--check` reports (a dry run reports the file as it would be written).
    const check = await report(EXAMPLE, "check");
    expect(check.findings.map(outcomeOf)).toEqual(dry.findings.map(outcomeOf));
    const rows = readmeRows().filter((row) => row.outcome !== "untouched");
    expect(rows).toEqual(check.findings.map((f) => ({ where: `${f.file}:${f.line}`, outcome: outcomeOf(f) })));

    const readme = fs.readFileSync(path.join(EXAMPLE, "README.md"), "utf8");
    const sentence = "(\\d+) files scanned, (\\d+) would be changed; (\\d+) call sites migrated, with (\\d+) review notes; (\\d+) left for manual work";
    const totals = new RegExp(sentence.replaceAll(" ", "\\s+")).exec(readme);
    expect(totals, "the README's totals sentence").not.toBeNull();
    const [, scanned, changed, migrated, review, manual] = totals!.map(Number);
    expect({ scanned, changed, migrated, review, manual }).toEqual({
      scanned: dry.summary.files.scanned,
      changed: dry.summary.files.changed,
      migrated: dry.summary.callSites.migrated,
      review: dry.summary.callSites.review,
      manual: dry.summary.callSites.manual,
    });
  });
});
