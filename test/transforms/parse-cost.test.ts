/**
 * What each parsed file costs, checked by what the parse leaves behind rather than by time:
 * the codemod's parse (transforms/parse) attaches no comments to nodes, the vendored parser
 * (scripts/vendor.mjs) leaves literals with fast properties, and the engine's reference lookup
 * (engine/file) answers as a lookup of every identifier of the file would.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import type { Identifier, Node } from "../../engine/ast.js";
import { findDeclaration, isValueReference } from "../../engine/scope.js";
import { forEachDescendant } from "../../engine/walk.js";
import { parseEngineFile, parseProgram, VISITOR_KEYS } from "../../transforms/parse.js";
import { listFixtures } from "../support/fixtures.js";

const root = path.resolve(import.meta.dirname, "../..");

function nodesOf(program: Node): Node[] {
  const nodes: Node[] = [program];
  forEachDescendant(program, VISITOR_KEYS, (node) => nodes.push(node));
  return nodes;
}

describe("the codemod's parse", () => {
  it("attaches no comments to nodes, and keeps the file's comments as ESLint's parsers give them", () => {
    const program = parseProgram("// leading\nconst x = /* inner */ 1; // trailing\nfunction f() {\n  /* only */\n}\n", "a.ts");
    const withComments = nodesOf(program).filter((node) => ["leadingComments", "trailingComments", "innerComments"].some((key) => key in node));
    expect(withComments.map((node) => node.type)).toEqual([]);
    expect(program.comments?.map((comment) => [comment.type, comment.value, comment.range])).toEqual([
      ["Line", " leading", [0, 10]],
      ["Block", " inner ", [21, 32]],
      ["Line", " trailing", [36, 47]],
      ["Block", " only ", [65, 75]],
    ]);
  });

  it("gives literals of the vendored parser fast properties: it does not delete `extra` from them", () => {
    // The built copy (npm run build), which the CLI loads; sources under test fall back to @babel/parser.
    const parser = createRequire(import.meta.url)(path.join(root, "dist/vendor/babel-parser.cjs")) as typeof import("@babel/parser");
    v8.setFlagsFromString("--allow-natives-syntax");
    const hasFastProperties = new Function("object", "return %HasFastProperties(object)") as (object: object) => boolean;
    v8.setFlagsFromString("--no-allow-natives-syntax");
    const file = parser.parse('"use strict";\nconst a = "s", b = 1, c = null, d = true, e = /r/, g = 1n;\n', { plugins: [["estree", { classFeatures: true }]], ranges: true });
    const literals = nodesOf(file.program as unknown as Node).filter((node) => node.type === "Literal");
    expect(literals).toHaveLength(7);
    expect(literals.filter((node) => !hasFastProperties(node)).map((node) => (node as { raw?: string }).raw)).toEqual([]);
  });
});

describe("the width a file shows", () => {
  // A break after `(` shows the file keeps a width; its longest line picks it: code points, a tab as 2, `\r\n` not counted.
  const widthOf = (line: string): number => parseEngineFile(`f(\r\n  ${line}\r\n);\r\n`, "a.ts").style.printWidth;

  it("counts a character outside the BMP once, a tab as the tab width, and no line break", () => {
    expect(widthOf(`"${"a".repeat(72)}\u{1F600}",\t`)).toBe(80);
    expect(widthOf(`"${"a".repeat(73)}\u{1F600}",\t`)).toBe(100);
  });
});

describe("references of a declaration", () => {
  const sources = [
    ...listFixtures()
      .filter((fixture) => /^[mc]?[jt]sx?$/.test(fixture.extension))
      .map((fixture) => ({ name: fixture.name, file: `case.${fixture.extension}`, text: fs.readFileSync(fixture.inputPath, "utf8") })),
    {
      name: "names declared in several scopes",
      file: "scopes.ts",
      text: [
        "class A { m() { return A; } }",
        "new A();",
        "const B = class A { n() { return A; } };",
        "function f(x: number) { var y = x; { let x = 2; y += x; } for (var i of [x]) y += i; return function g() { return g, y; }; }",
        "try { f(1); } catch (x) { x = 2; }",
        "export default function h() { return h; }",
        "export { B };",
        "label: for (const k in {}) { if (k) break label; }",
        "enum E { a } namespace N { export const v = E.a; } N.v;",
      ].join("\n"),
    },
  ];

  it.each(sources)("are every identifier that resolves to it: $name", ({ file, text }) => {
    const engineFile = parseEngineFile(text, file);
    const identifiers = engineFile.index.identifiers;
    const declarations = new Set<Identifier>();
    for (const id of identifiers) {
      const declaration = findDeclaration(id, id.name);
      if (declaration) declarations.add(declaration);
    }
    expect(declarations.size).toBeGreaterThan(0);
    for (const declaration of declarations) {
      const expected = identifiers.filter((id) => id !== declaration && isValueReference(id) && findDeclaration(id, id.name) === declaration);
      expect(engineFile.references(declaration).map((ref) => ref.identifier)).toEqual(expected);
    }
  });
});
