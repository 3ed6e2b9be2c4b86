/**
 * The table is the single source of truth: a new simple rename is one row (plus its fixtures),
 * and nothing else needs an edit. Here a row v0 never had, `toastInfo` → `desktopUI.toast.info`,
 * is added to the table module itself, and the codemod, the lint rule (its fix and its `allow`
 * option), the compat layer both ways, and the generated docs all pick it up.
 */
import { Linter } from "eslint";
import { describe, expect, it, vi } from "vitest";
import type { Deprecation } from "../../deprecations/table.js";

const TOAST_INFO: Deprecation = { id: "toastInfo", kind: "receiver", v1: "desktopUI.toast.info", transform: "member-rename", distinctive: true, returns: { v0: "void", v1: "void" } };

vi.mock("../../deprecations/table.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../deprecations/table.js")>();
  return { ...original, ...original.tableOf([...original.DEPRECATIONS, TOAST_INFO]) };
});

const { migrateSource } = await import("../../transforms/migrate.js");
const { default: plugin } = await import("../../eslint-plugin/index.js");
const { withLegacyApi, withModernApi } = await import("../../compat/index.js");
const { renderMigratesTable, renderTransformRows } = await import("../../scripts/docs/tables.js");

const INPUT = 'window.ddClient.toastInfo("Pulled");\n';
const OUTPUT = 'window.ddClient.desktopUI.toast.info("Pulled");\n';

describe("a row added to the table", () => {
  it("is migrated by the codemod", () => {
    const result = migrateSource(INPUT, "src/app.ts");
    expect(result).toMatchObject({ status: "changed", output: OUTPUT });
    expect(result.findings).toEqual([{ kind: "migrated", member: "toastInfo", at: { line: 1, column: 17 }, review: [] }]);
  });

  it("is reported and fixed by the lint rule, and can be allowed", () => {
    const config = (options: object): Linter.Config[] => [{ plugins: { "ddclient-migrate": plugin as never }, rules: { "ddclient-migrate/no-deprecated-api": ["error", options] } }];
    const fixed = new Linter().verifyAndFix(INPUT, config({}), { filename: "app.js" });
    expect(fixed.output).toBe(OUTPUT);
    const messages = new Linter().verify(INPUT, config({}), { filename: "app.js" });
    expect(messages.map((m) => m.message)).toEqual(["`toastInfo` is deprecated. Use `desktopUI.toast.info`."]);
    expect(new Linter().verify(INPUT, config({ allow: ["toastInfo"] }), { filename: "app.js" })).toEqual([]);
  });

  it("is served by the compat layer on a host that has only the other API", () => {
    const v1Info = vi.fn();
    (withLegacyApi({ desktopUI: { toast: { info: v1Info } } } as never) as unknown as { toastInfo(m: string): void }).toastInfo("a");
    expect(v1Info).toHaveBeenCalledWith("a");
    const v0Info = vi.fn();
    (withModernApi({ toastInfo: v0Info } as never) as unknown as { desktopUI: { toast: { info(m: string): void } } }).desktopUI.toast.info("b");
    expect(v0Info).toHaveBeenCalledWith("b");
  });

  it("appears in the generated docs", () => {
    expect(renderMigratesTable()).toContain("`toastInfo(…)`");
    expect(renderTransformRows("member-rename")).toContain("| `C.toastInfo(…)` | `C.desktopUI.toast.info(…)` |");
  });
});
