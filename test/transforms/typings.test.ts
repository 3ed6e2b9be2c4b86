/**
 * Hand-written typings beyond the fixtures (test/fixtures/clients/hand-written-typing-*): a
 * typing file alone, told by the run what the other files migrated; one-line literals; CRLF; a
 * v1 member already typed by hand; and the run's context when a file failed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { typingContextFor } from "../../cli/typings.js";
import { describeFinding } from "../../deprecations/messages.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { migrateSource } from "../../transforms/migrate.js";

const GLOBALS = `interface Window {
  ddClient: {
    listContainers(): Promise<string[]>
    execHostCmd(command: string): Promise<{ stdout: string }>
    navigateToRoute(path: string): void
  }
}
`;

function migrated(source: string, migratedIds: string[], remaining: string[] = []): string {
  const result = migrateSource(source, "globals.d.ts", { typing: { typesPackage: false, migrated: migratedIds, remaining } });
  if (result.status === "failed") throw new Error(result.error);
  return result.output;
}

describe("hand-written typings migrated with the run's calls", () => {
  it("rewrites a typing file that holds no call from what the other files migrated and still call", () => {
    expect(migrated(GLOBALS, ["listContainers"], ["navigateToRoute"])).toBe(`interface Window {
  ddClient: {
    docker: {
      listContainers(): Promise<string[]>
    }
    navigateToRoute(path: string): void
  }
}
`);
  });

  it("leaves, and reports, a typing whose calls the run did not see (the typing scanned alone)", () => {
    const result = migrateSource(GLOBALS, "globals.d.ts", { typing: { typesPackage: false } });
    expect(result.status).toBe("unchanged");
    expect(result.findings.map((f) => (f.kind === "manual" ? f.reason : f.kind))).toEqual(["hand-written-v0-typing"]);
  });

  it("drops the v0 members nothing calls on any run that saw the project, not only on the run that migrated the calls (issue 17)", () => {
    // A second run: the calls of listContainers were migrated by the first, execHostCmd's by hand; navigateToRoute is still called.
    // They take their v1 shape, which calls migrated by hand need.
    expect(migrateSource(GLOBALS, "globals.d.ts", { typing: { typesPackage: false, migrated: [], remaining: ["navigateToRoute"], complete: true } })).toMatchObject({
      status: "changed",
      output: `interface Window {
  ddClient: {
    docker: {
      listContainers(): Promise<string[]>
    }
    extension: {
      host?: {
        cli: {
          exec(cmd: string, args: string[]): Promise<{ stdout: string }>
        }
      }
    }
    navigateToRoute(path: string): void
  }
}
`,
      findings: [{ kind: "migrated", member: "ddClient" }],
    });
    // Where an earlier run already typed v1 members by hand, a member no call uses any more only goes.
    const earlier = "interface Window {\n  ddClient: {\n    extension: { vm?: { service?: { get(url: string): Promise<unknown> } } }\n    execHostCmd(command: string): Promise<{ stdout: string }>\n  }\n}\n";
    expect(migrateSource(earlier, "globals.d.ts", { typing: { typesPackage: false, migrated: [], remaining: [], complete: true } })).toMatchObject({
      status: "changed",
      output: "interface Window {\n  ddClient: {\n    extension: { vm?: { service?: { get(url: string): Promise<unknown> } } }\n  }\n}\n",
    });
    // Every v0 member still called: nothing to do, and the calls are what the report lists.
    expect(migrateSource(GLOBALS, "globals.d.ts", { typing: { typesPackage: false, migrated: [], remaining: ["listContainers", "execHostCmd", "navigateToRoute"], complete: true } })).toMatchObject({ status: "unchanged", findings: [] });
  });

  it("writes a one-line literal on one line", () => {
    const source = 'declare const ddClient: { execHostCmd(c: string): Promise<string>; toastSuccess(m: string): void };\nexport const done = () => ddClient.toastSuccess("x");\n';
    expect(migrated(source, [])).toBe('declare const ddClient: { desktopUI: { toast: { success(m: string): void } }; };\nexport const done = () => ddClient.desktopUI.toast.success("x");\n');
  });

  it("keeps CRLF line ends, and a moved member's comment", () => {
    const source = "interface Window {\r\n  ddClient: {\r\n    toastError(m: string): void; // shown on failures\r\n    listImages(): Promise<unknown>;\r\n  };\r\n}\r\n";
    expect(migrated(source, ["toastError"])).toBe(
      "interface Window {\r\n  ddClient: {\r\n    desktopUI: {\r\n      toast: {\r\n        error(m: string): void; // shown on failures\r\n      };\r\n    };\r\n  };\r\n}\r\n",
    );
  });

  it("reports, and leaves as it is, a typing that already types a v1 member the migration needs", () => {
    const source = "interface Window {\n  ddClient: {\n    extension: { image: string }\n    execHostCmd(command: string): Promise<string>\n  }\n}\n";
    const result = migrateSource(source, "globals.d.ts", { typing: { typesPackage: false, migrated: ["execHostCmd"] } });
    expect(result.status).toBe("unchanged");
    expect(result.findings.map((f) => (f.kind === "manual" ? f.reason : f.kind))).toEqual(["hand-written-v0-typing"]);
  });
});

describe("a typing reported as it is", () => {
  it("says what to install and gives a one-line declaration of the global that typechecks migrated and leftover calls", () => {
    const finding = migrateSource(GLOBALS, "globals.d.ts").findings[0]!;
    expect(finding).toMatchObject({ kind: "manual", reason: "hand-written-v0-typing" });
    expect(describeFinding(finding)).toContain("`npm install --save-dev @docker/extension-api-client-types`");
    if (finding.kind !== "manual") return;
    expect(finding.data.weaker).toBe("`listContainers` (`Promise<string[]>`)");

    // The declaration as the report gives it, next to a migrated call and one left as v0, resolving
    // the official types from this repository, under strict.
    const dir = fs.mkdtempSync(path.join(import.meta.dirname, ".declaration-"));
    try {
      fs.writeFileSync(path.join(dir, "globals.d.ts"), `${finding.data.declaration}\n`);
      fs.writeFileSync(
        path.join(dir, "app.ts"),
        'export const migrated = window.ddClient.extension.host!.cli.exec("ls", ["-l"]);\nexport const leftover = window.ddClient.execHostCmd("ls | wc -l");\n',
      );
      const program = ts.createProgram([path.join(dir, "globals.d.ts"), path.join(dir, "app.ts")], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
      });
      expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the run's typing context", () => {
  const typing = path.join(os.tmpdir(), "no-package-here", "globals.d.ts");

  it("counts a migrated and a manual finding of the same member in both lists", () => {
    const context = typingContextFor(typing, [
      { path: "a.ts", status: "changed", findings: [{ kind: "migrated", member: "execHostCmd", at: { line: 1, column: 1 }, review: [] }] },
      { path: "b.ts", status: "unchanged", findings: [{ kind: "manual", member: "execHostCmd", at: { line: 1, column: 1 }, reason: "shell-operator", data: { operator: "|" } }] },
    ]);
    expect(context).toEqual({ typesPackage: false, migrated: ["execHostCmd"], remaining: ["execHostCmd"], complete: true });
  });

  it("keeps every v0 member when a file failed, since its calls were not seen", () => {
    const context = typingContextFor(typing, [{ path: "broken.ts", status: "failed", error: "Unexpected token (1:1)", findings: [] }]);
    expect(context.remaining).toEqual(DEPRECATIONS.map((row) => row.id));
  });

  it("finds the official types where they resolve from the typing's folder", () => {
    expect(typingContextFor(path.resolve(import.meta.dirname, "globals.d.ts"), []).typesPackage).toBe(true);
    expect(typingContextFor(typing, []).typesPackage).toBe(false);
  });
});
