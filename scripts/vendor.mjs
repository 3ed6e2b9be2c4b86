// Copies the parser the codemod uses into dist/vendor at build time, so that installing the
// package adds no @babel/* package to a user's tree: @babel/parser's one file needs nothing
// at run time, but its package depends on @babel/types, and npm would move a project's own
// @babel/types (Create React App's) to the version it asks for. The visitor keys of
// typescript-estree are written out as JSON for the same reason.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, "package.json"));
const out = path.join(root, "dist", "vendor");
fs.mkdirSync(out, { recursive: true });

const parserDir = path.dirname(require.resolve("@babel/parser/package.json"));
const parserVersion = JSON.parse(fs.readFileSync(path.join(parserDir, "package.json"), "utf8")).version;
const license = fs.readFileSync(path.join(parserDir, "LICENSE"), "utf8");
const original = fs.readFileSync(path.join(parserDir, "lib", "index.js"), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
// The estree plugin hides `loc.start.index` and `loc.end.index` of every node with
// Object.defineProperty, which took a third of the parse time in a profile of the CLI (and
// turns each position into a slow dictionary object). The engine never enumerates positions,
// so the vendored copy leaves them as they are. A Babel whose code differs fails the build here.
const HIDE_INDEX = `function toESTreeLocation(node) {
  toUnenumerable(node.loc.start, "index");
  toUnenumerable(node.loc.end, "index");
  return node;
}`;
if (original.split(HIDE_INDEX).length !== 2) throw new Error(`scripts/vendor.mjs: @babel/parser ${JSON.parse(fs.readFileSync(path.join(parserDir, "package.json"), "utf8")).version} no longer has the estree location code this build patches: review the patch`);
// The estree plugin then deletes `extra` from every literal (and directive) it turns into a
// `Literal`: deleting a property other than the last one turns the node into a slow dictionary
// object, which costs the parse and every later read of the node. Setting it to undefined
// keeps the node's shape; nothing reads `extra` of a Literal but Babel's own `addExtra`,
// which makes a new object when it finds none.
const DELETE_EXTRA = /^( +)delete (node|expression)\.extra;$/gm;
if ((original.match(DELETE_EXTRA) ?? []).length !== 2) throw new Error(`scripts/vendor.mjs: @babel/parser ${parserVersion} no longer deletes \`extra\` of estree literals in the two places this build patches: review the patch`);
const code = original.replace(HIDE_INDEX, "function toESTreeLocation(node) {\n  return node;\n}").replace(DELETE_EXTRA, "$1$2.extra = undefined;");
fs.writeFileSync(path.join(out, "babel-parser.cjs"), `/* @babel/parser ${parserVersion}, vendored by ddclient-migrate (scripts/vendor.mjs), with estree positions left enumerable and literals' \`extra\` set to undefined, not deleted.\n${license.replace(/\*\//g, "* /")}*/\n${code}`);

// V8's code cache of the parser (transforms/code-cache.ts), written after a warm-up parse of the
// example extension so that it holds the bytecode of the functions a parse runs, not only the
// top level's. Which files warm it up changes only how much a run saves, never what it parses.
const { cacheFileContents, cacheFileOf, loadCommonJs } = await import("../dist/transforms/code-cache.js");
const parserFile = path.join(out, "babel-parser.cjs");
const loaded = loadCommonJs(parserFile, null);
const parser = loaded.exports;
const examples = path.join(root, "examples", "legacy-extension", "src");
const COMMON = [["estree", { classFeatures: true }], "decorators-legacy", "explicitResourceManagement"];
for (const file of fs.readdirSync(examples, { recursive: true }).filter((name) => /\.[jt]sx?$/.test(name)).sort()) {
  const plugins = [...COMMON, ...(/\.[jt]sx$|\.js$/.test(file) ? ["jsx"] : []), ...(/\.tsx?$/.test(file) ? ["typescript"] : [])];
  parser.parse(fs.readFileSync(path.join(examples, file), "utf8"), { sourceType: "unambiguous", ranges: true, attachComment: false, plugins });
}
fs.writeFileSync(cacheFileOf(parserFile), cacheFileContents(loaded, fs.readFileSync(parserFile, "utf8")));

const { visitorKeys } = require("@typescript-eslint/visitor-keys");
fs.writeFileSync(path.join(out, "visitor-keys.json"), JSON.stringify(visitorKeys));
