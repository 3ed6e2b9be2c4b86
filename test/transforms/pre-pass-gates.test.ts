/**
 * What the project pre-passes decide without parsing, and what they hand the migration: which
 * files may import a wrapper's module (transforms/project-wrappers mayImportWrapper, along the
 * import forms a bundler resolves), and the programs a pre-pass parsed, taken by the next
 * parse of the same file and text (transforms/parse keepPrograms).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dropKeptPrograms, keepPrograms, parseProgram, stopKeepingPrograms } from "../../transforms/parse.js";
import { takePassLog } from "../../transforms/pass-log.js";
import { IO_TIMEOUT } from "../support/timeouts.js";
import { mayImportWrapper, relativeSpecifiersOf, type FoundWrapper } from "../../transforms/project-wrappers.js";

const root = path.resolve("/project/src");
const wrapperIn = (file: string, name = "run"): FoundWrapper => ({ key: `${path.join(root, file).replace(/\.[jt]sx?$/, "")}#${name}`, name, path: path.join(root, file) }) as FoundWrapper;
const mayImport = (file: string, source: string, wrappers: readonly FoundWrapper[]): boolean => mayImportWrapper(path.join(root, file), relativeSpecifiersOf(source), wrappers);

describe("which files may import a wrapper's module", () => {
  // Several wrapper modules, as a tree with one wrapper module per extension has.
  const wrappers = [wrapperIn("api/shell.ts"), wrapperIn("tools/index.ts", "exec"), wrapperIn("deep/a/b/cli.js", "cli")];

  it.each([
    ["a named import", "Pods.tsx", 'import { run } from "./api/shell";'],
    ["a renamed import with the extension", "Pods.tsx", 'import { run as go } from "./api/shell.ts";'],
    ["a namespace import", "Pods.tsx", 'import * as shell from "./api/shell";'],
    ["a default import", "Pods.tsx", "import shell from './api/shell';"],
    ["a re-export", "index.ts", 'export { run } from "./api/shell";'],
    ["a re-export of everything", "index.ts", 'export * from "./api/shell";'],
    ["a dynamic import", "Pods.tsx", 'const shell = await import("./api/shell");'],
    ["a require", "pods.js", 'const { run } = require("./api/shell");'],
    ["a path up and down again", "pages/Pods.tsx", 'import { run } from "../api/../api/shell";'],
    ["a folder's index module", "pages/Pods.tsx", 'import { exec } from "../tools";'],
    ["a folder's index module named", "pages/Pods.tsx", 'import { exec } from "../tools/index";'],
    ["the third of three wrapper modules", "deep/a/Use.ts", 'import { cli } from "./b/cli";'],
  ])("%s", (_form, file, source) => {
    expect(mayImport(file, source, wrappers)).toBe(true);
  });

  it.each([
    ["a same-named module elsewhere", "pages/Pods.tsx", 'import { run } from "./api/shell";'],
    ["a package of the same name", "Pods.tsx", 'import { run } from "shell";'],
    ["an alias, which the pre-pass does not resolve", "Pods.tsx", 'import { run } from "@/api/shell";'],
    ["a sibling of the wrapper's folder", "Pods.tsx", 'import { run } from "./api/shell-extra";'],
  ])("not %s", (_form, file, source) => {
    expect(mayImport(file, source, wrappers)).toBe(false);
  });

  it("reads every markup file, and none when there is no wrapper", () => {
    expect(mayImport("Pods.vue", "<template />", wrappers)).toBe(true);
    expect(mayImport("Pods.tsx", 'import { run } from "./api/shell";', [])).toBe(false);
  });

  describe("a folder beside a module of its name", () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }, IO_TIMEOUT);

    it("names the module, not the folder's index, as a bundler resolves it", () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-pre-pass-gates-"));
      fs.mkdirSync(path.join(dir, "tools"));
      const indexWrapper = { key: `${path.join(dir, "tools/index")}#exec`, name: "exec", path: path.join(dir, "tools/index.ts") } as FoundWrapper;
      const importer = path.join(dir, "Pods.tsx");
      expect(mayImportWrapper(importer, ["./tools"], [indexWrapper])).toBe(true);
      fs.writeFileSync(path.join(dir, "tools.ts"), "export const exec = 1;\n");
      expect(mayImportWrapper(importer, ["./tools"], [indexWrapper])).toBe(false);
    });
  });
});

describe("programs kept between the pre-passes and the migration", () => {
  const file = path.join(root, "api/shell.ts");
  const source = "export const a = 1;\n";
  const parses = (): number => takePassLog().parsed[file] ?? 0;
  afterEach(() => {
    dropKeptPrograms();
    takePassLog();
  }, IO_TIMEOUT);

  it("hands the program out again for the same file and text, while keeping, then once more", () => {
    takePassLog();
    keepPrograms(1_000);
    const first = parseProgram(source, file);
    expect(parseProgram(source, file)).toBe(first);
    stopKeepingPrograms();
    expect(parseProgram(source, file)).toBe(first);
    expect(parses()).toBe(1);
    // Handed out once after keeping stopped: the next parse is a parse.
    expect(parseProgram(source, file)).not.toBe(first);
    expect(parses()).toBe(1);
  });

  it("parses a changed text, or another file of the same text, anew", () => {
    takePassLog();
    keepPrograms(1_000);
    const first = parseProgram(source, file);
    stopKeepingPrograms();
    expect(parseProgram("export const a = 2;\n", file)).not.toBe(first);
    keepPrograms(1_000);
    const kept = parseProgram(source, file);
    expect(parseProgram(source, path.join(root, "api/other.ts"))).not.toBe(kept);
    // The first text, the changed one, the first again.
    expect(parses()).toBe(3);
  });

  it("keeps nothing beyond its budget of source characters, and nothing once dropped", () => {
    takePassLog();
    keepPrograms(source.length * 2 - 1);
    const first = parseProgram(source, file);
    const second = parseProgram(source, path.join(root, "api/other.ts"));
    expect(parseProgram(source, file)).toBe(first);
    expect(parseProgram(source, path.join(root, "api/other.ts"))).not.toBe(second);
    dropKeptPrograms();
    expect(parseProgram(source, file)).not.toBe(first);
  });
});
