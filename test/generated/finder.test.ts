/**
 * The independent finder (test/support/v0-calls.ts) the generated programs are checked with
 * sees the v0 use in every access form, on a root row and a backend row, and nothing in v1
 * code or in the lookalike object's own definition: a form it missed would let a silent
 * leftover pass.
 */
import { describe, expect, it } from "vitest";
import { parseForV0Calls } from "../support/v0-calls.js";
import { findV0UseSites } from "../support/v0-use-sites.js";
import { ACCESS_FORMS } from "./axes/access-forms.js";
import { generateProgram, redrawn, renderProgram } from "./program-generator.js";

const SEED = 20261130;

describe("the independent finder sees every access form", () => {
  const program = generateProgram(SEED, 0);
  const unit = program.units[0]!;
  for (const form of ACCESS_FORMS) {
    for (const row of ["execHostCmd", "backend.get"]) {
      it(`${form.name} on ${row}`, () => {
        let drawn = redrawn(program, unit, { access: form.name, context: "statement", provenance: "window", lookalike: false, surrounding: "none" })!;
        // Draw again until the scenario holds the row (its row follows the cycle, not the recipe).
        for (let index = 0; !drawn.units[0]!.tags.includes(`row:${row}`) && index < 400; index++) {
          const other = generateProgram(SEED, index);
          drawn = redrawn(other, other.units[0]!, { access: form.name, context: "statement", provenance: "window", lookalike: false, surrounding: "none" })!;
        }
        expect(drawn.units[0]!.tags).toContain(`row:${row}`);
        const text = renderProgram({ ...drawn, units: [drawn.units[0]!] });
        const uses = findV0UseSites(parseForV0Calls(text, `finder.${drawn.lang}`)).map((use) => use.member);
        expect(uses.filter((member) => member === row || (form.name === "feature-in" && member === "backend"))).not.toEqual([]);
      });
    }
  }

  it("finds nothing in v1 calls or in an object literal's own members", () => {
    const text = [
      "const offline = { execHostCmd: async () => 1, backend: { get: async () => 2 } };",
      'window.ddClient.extension.host?.cli.exec("ls", ["-l"]);',
      "window.ddClient.docker.listContainers();",
      'window.ddClient.host.openExternal("https://docs.docker.com");',
      "const { openExternal } = window.ddClient.host;",
      'window.ddClient.desktopUI.toast.success("done");',
    ].join("\n");
    expect(findV0UseSites(parseForV0Calls(text, "v1.ts"))).toEqual([]);
  });

  // A finding for a member taken into a local stands at the local's calls (the engine migrates them
  // and drops the pattern), or at the value a parameter takes apart on the spot.
  it("places a pattern's use also where its local is read in scope, and at the argument a parameter takes apart", () => {
    const text = [
      "function a() {",
      "  const { toastError } = window.ddClient;",
      '  toastError("x");',
      "}",
      "function b(toastError: unknown) {",
      "  return toastError;",
      "}",
      '(({ get: read }: any) => read("/x"))(window.ddClient.backend);',
    ].join("\n");
    const file = parseForV0Calls(text, "also.ts");
    const places = findV0UseSites(file).map((use) => [use.member, use.also.map((range) => `${file.getLineAndCharacterOfPosition(range.start).line + 1}:${text.slice(range.start, range.end)}`)]);
    expect(places).toEqual([
      ["toastError", ["2:toastError", "3:toastError"]],
      ["backend.get", ["8:read", "8:read", "8:window.ddClient.backend"]],
    ]);
  });
});
