/**
 * The built bin and the worker it forks are one file each (scripts/bundle.mjs): Node loads them
 * without resolving or reading another module of the package or of its dependencies, and the
 * bin carries the license notice of every package it inlines. workers.test.ts runs the workers.
 */
import { parse } from "@babel/parser";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers.js";

const root = path.dirname(path.dirname(BIN));
const manifest = JSON.parse(readFileSync(path.join(root, "..", "package.json"), "utf8")) as { dependencies: Record<string, string> };
const bundle = readFileSync(BIN, "utf8");
const WORKER = path.join(root, "cli", "worker.js");

/** Every module specifier a file loads by a string: import/export … from, import(), require(). */
function specifiersOf(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; source?: { type: string; value: unknown }; callee?: { type: string; name?: string }; arguments?: { type: string; value: unknown }[] };
    if (n.source?.type === "StringLiteral" && /Import|Export/.test(n.type ?? "")) found.push(String(n.source.value));
    const isLoad = n.type === "CallExpression" && (n.callee?.type === "Import" || (n.callee?.type === "Identifier" && /^(?:__)?require\d*$/.test(n.callee.name ?? "")));
    if (isLoad && n.arguments?.[0]?.type === "StringLiteral") found.push(String(n.arguments[0].value));
    for (const [key, value] of Object.entries(node)) if (key !== "loc" && key !== "extra") visit(value);
  };
  visit(parse(code, { sourceType: "module", createImportExpressions: false }).program);
  return found;
}

/** The built modules of the CLI (the bin's sources), as paths below dist/. */
function cliModules(): string[] {
  const below = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = path.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) return below(rel);
      return rel.endsWith(".js") && path.join(root, rel) !== BIN && path.join(root, rel) !== WORKER ? [rel] : [];
    });
  return ["bin", "cli", "core", "deprecations", "engine", "transforms", "eslint-plugin"].flatMap(below);
}

const packageOf = (specifier: string): string => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

describe("the bundled bin and worker", () => {
  // transforms/vendored.ts requires the parser's packages only when dist/vendor is missing (unbuilt sources).
  it.each([
    ["bin", BIN],
    ["worker", WORKER],
  ])("the %s loads only Node's built-in modules, and the parser's packages only as vendored.ts's fallback", (_name, file) => {
    const builtins = new Set(builtinModules);
    const fallbacks = new Set(specifiersOf(readFileSync(path.join(root, "transforms", "vendored.js"), "utf8")));
    const loaded = [...new Set(specifiersOf(readFileSync(file, "utf8")))];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((specifier) => !builtins.has(specifier.replace(/^node:/, "")) && !fallbacks.has(specifier))).toEqual([]);
  });

  it("names each runtime dependency the CLI's modules import, with its version and license", () => {
    const imported = new Set(cliModules().flatMap((file) => specifiersOf(readFileSync(path.join(root, file), "utf8"))).filter((s) => !s.startsWith(".") && !s.startsWith("node:")).map(packageOf));
    const inlined = Object.keys(manifest.dependencies).filter((name) => imported.has(name));
    expect(inlined.length).toBeGreaterThan(0);
    const header = bundle.slice(0, bundle.indexOf("*/"));
    for (const name of inlined) {
      const { version } = JSON.parse(readFileSync(path.join(root, "..", "node_modules", name, "package.json"), "utf8")) as { version: string };
      expect(header).toMatch(new RegExp(`^${name.replace(/[/@.]/g, "\\$&")} ${version.replace(/\./g, "\\.")}:\\n.*(?:MIT|BSD|Copyright)`, "m"));
    }
  });
});
