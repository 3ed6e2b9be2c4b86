/**
 * Hand-written typings beyond the fixtures (test/fixtures/clients/hand-written-typing-*): a
 * typing file alone, told by the run what the other files migrated; one-line literals; CRLF; a
 * v1 member already typed by hand; and the run's context when a file failed.
 */
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typingContextFor } from "../../cli/typings.js";
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

  it("changes nothing when the run migrated nothing: it did not see the calls (the typing scanned alone, a second run)", () => {
    const result = migrateSource(GLOBALS, "globals.d.ts", { typing: { typesPackage: false } });
    expect(result).toMatchObject({ status: "unchanged", findings: [] });
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

describe("the run's typing context", () => {
  const typing = path.join(os.tmpdir(), "no-package-here", "globals.d.ts");

  it("counts a migrated and a manual finding of the same member in both lists", () => {
    const context = typingContextFor(typing, [
      { path: "a.ts", status: "changed", findings: [{ kind: "migrated", member: "execHostCmd", at: { line: 1, column: 1 }, review: [] }] },
      { path: "b.ts", status: "unchanged", findings: [{ kind: "manual", member: "execHostCmd", at: { line: 1, column: 1 }, reason: "shell-operator", data: { operator: "|" } }] },
    ]);
    expect(context).toEqual({ typesPackage: false, migrated: ["execHostCmd"], remaining: ["execHostCmd"] });
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
