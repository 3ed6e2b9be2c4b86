/**
 * Each row's `returns` is what `@docker/extension-api-client-types` declares, read with the
 * TypeScript compiler: v0's member at the row's id, v1's at its path (the streamed overload of
 * `cli.exec` for a spawn row). Nothing about what a call gives back is copied by hand.
 */
import { createRequire } from "node:module";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DEPRECATIONS, REPLACEABLE, sameValue, v1Segments, type Deprecation } from "../../deprecations/table.js";

const resolve = createRequire(import.meta.url).resolve;
const V0 = resolve("@docker/extension-api-client-types/dist/v0/index.d.ts");
const V1 = resolve("@docker/extension-api-client-types/dist/v1/index.d.ts");
const program = ts.createProgram([V0, V1], { noEmit: true, strict: true, types: ["node"] });
const checker = program.getTypeChecker();

function clientType(file: string): ts.Type {
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getDeclaredTypeOfSymbol(checker.getExportsOfModule(module).find((symbol) => symbol.name === "DockerDesktopClient")!);
}

/** The declared return type of the member at `path`, or undefined when the types do not declare it. */
function declaredReturn(client: ts.Type, path: readonly string[], streamed: boolean): string | undefined {
  let type = client;
  for (const name of path) {
    const property = type.getProperty(name);
    if (!property) return undefined;
    type = checker.getNonNullableType(checker.getTypeOfSymbol(property));
  }
  const signatures = type.getCallSignatures();
  const signature = streamed ? signatures.find((s) => /SpawnOptions/.test(checker.signatureToString(s))) : signatures[0];
  return signature && checker.typeToString(checker.getReturnTypeOfSignature(signature));
}

const v0 = clientType(V0);
const v1 = clientType(V1);

describe("what each row's call gives back", () => {
  it.each(DEPRECATIONS.map((row) => [row.id, row] as const))("%s: v0's value is the one v0's types declare", (_id, row: Deprecation) => {
    // navigateToRoute and navigateToDevEnvironments are not in the published types: Docker Desktop had them, returning nothing.
    expect(declaredReturn(v0, row.id.split("."), false) ?? "void").toBe(row.returns.v0);
  });

  it.each(REPLACEABLE.map((row) => [row.id, row] as const))("%s: v1's value is the one v1's types declare", (_id, row: Deprecation) => {
    expect(declaredReturn(v1, v1Segments(row).map((segment) => segment.name), row.kind === "spawn")).toBe(row.returns.v1);
  });

  it("differs between the APIs for the spawn calls and v0's void navigations only", () => {
    const differing = REPLACEABLE.filter((row) => !sameValue(row)).map((row) => row.id);
    expect(differing).toEqual(["backend.spawnInVMExtension", "spawnHostCmd", "spawnDockerCmd", "navigateToContainers", "navigateToImages", "navigateToVolumes", "navigateToVolume"]);
    // Awaited, a void navigation and v1's Promise<void> both give nothing; a process is no Promise.
    expect(REPLACEABLE.filter((row) => !sameValue(row, true)).map((row) => row.id)).toEqual(["backend.spawnInVMExtension", "spawnHostCmd", "spawnDockerCmd"]);
  });

  it("marks exactly the rows whose v0 value is void and v1's a Promise as void-to-promise", () => {
    for (const row of DEPRECATIONS) expect([row.id, row.kind === "void-to-promise"]).toEqual([row.id, row.returns.v0 === "void" && row.returns.v1 === "Promise<void>"]);
  });
});
