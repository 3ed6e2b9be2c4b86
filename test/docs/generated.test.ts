/** The docs' generated blocks match deprecations/table.ts, and a new row shows up in them with no other edit. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEPRECATIONS, type Deprecation } from "../../deprecations/table.js";
import { fillBlocks, renderDocs } from "../../scripts/docs/generated-docs.js";
import { renderMigratesTable, renderTransformRows } from "../../scripts/docs/tables.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("generated docs", () => {
  it.each(renderDocs(ROOT).map((doc) => [doc.file, doc] as const))("%s is up to date with the table", (file, doc) => {
    expect(doc.current, `${file} is out of date with its sources (deprecations/, bin/program.ts): run \`npm run docs\`.`).toBe(doc.rendered);
  });

  it("shows a new rename row in the README and on its transform's page", () => {
    const toastInfo: Deprecation = { id: "toastInfo", kind: "receiver", v1: "desktopUI.toast.info", transform: "member-rename", distinctive: true, returns: { v0: "void", v1: "void" } };
    const rows = [...DEPRECATIONS, toastInfo];
    expect(renderMigratesTable(rows)).toContain(
      "| `C.toastSuccess(msg)`, `toastWarning(msg)`, `toastError(msg)`, `toastInfo(…)` | `C.desktopUI.toast.success(msg)`, `warning`, `error`, `info` | The name. | [member-rename](docs/transforms/member-rename.md) |",
    );
    expect(renderTransformRows("member-rename", rows)).toContain("| `C.toastInfo(…)` | `C.desktopUI.toast.info(…)` |\n\nTable rows: ");
  });

  it("refuses a doc whose block is missing or unknown", () => {
    expect(() => fillBlocks("# Title\n", { table: "x" }, "a.md")).toThrow("a.md has no `generated:table` block to fill.");
    expect(() => fillBlocks("<!-- generated:other start -->\n<!-- generated:other end -->\n", {}, "a.md")).toThrow("nothing renders");
  });
});
