/**
 * The v0 call shapes a generated statement is made of, each a leaf: one table row called the
 * way extension code calls it (HTTP, command lines, spawn callbacks, Docker CLI, toasts,
 * navigation, listings), plus lookalikes and shadowed clients that must stay as they are.
 */
import { leaf, type Leaf } from "./program-tree.js";
import type { Receiver } from "./receivers.js";
import type { Rng } from "./rng.js";

export interface ShapeContext {
  readonly rng: Rng;
  readonly ts: boolean;
  readonly receiver: Receiver;
  /** A name unique in the program, for locals a shape declares. */
  fresh(base: string): string;
  /** False when this scope already holds the declaration (`const props = …`), which is then shared. */
  declare(line: string): boolean;
}

type Shape = (c: ShapeContext) => Leaf;

const annotate = (c: ShapeContext, name: string, type = "any"): string => (c.ts ? `${name}: ${type}` : name);

/**
 * A leaf of the receiver's setup lines (each declared once a scope: a later leaf shares it) plus
 * `lines`, which hold `statements` statements; single only when that is one and there is no setup.
 */
function withReceiver(c: ShapeContext, lines: string[], tags: string[] = [], helpers: string[] = [], statements = lines.length): Leaf {
  const { tags: rTags, helpers: rHelpers } = c.receiver;
  const text = lines.join("\n");
  // `const { backend } = …` only where the leaf uses `backend`.
  const used = (line: string): boolean => new RegExp(`\\b${/const \{? ?(\w+)/.exec(line)![1]}\\b`).test(text);
  const setup = c.receiver.setup.filter((line) => used(line) && c.declare(line));
  // A declaration cannot be a brace-less body.
  const single = setup.length === 0 && statements === 1 && !/^(const|let) /.test(lines[0]!);
  return leaf([...setup, ...lines], [...tags, ...rTags], [...helpers, ...rHelpers], single);
}

/** How a statement uses a call's promise. */
function consume(c: ShapeContext, call: string): { line: string; tags: string[] } {
  switch (c.rng.int(0, 4)) {
    case 0:
      return { line: `console.log("result", await ${call});`, tags: [] };
    case 1:
      return c.ts ? { line: `const ${c.fresh("out")}: unknown = await ${call};`, tags: ["annotated-result"] } : { line: `await ${call};`, tags: [] };
    case 2:
      return { line: `${call}.then((${annotate(c, "value", "unknown")}) => console.log("then", value));`, tags: ["then-chain"] };
    default:
      return { line: `await ${call};`, tags: [] };
  }
}

/** A command line and the helpers and tags it brings. */
function commandLine(c: ShapeContext): { text: string; tags: string[]; helpers: string[]; setup: string[] } {
  const none = { tags: [], helpers: [], setup: [] };
  switch (c.rng.int(0, 9)) {
    case 0:
      return { text: `"ls -l /tmp"`, ...none };
    case 1:
      return { text: "`cat ${file}`", ...none };
    case 2:
      return { text: '"cat " + file', tags: ["concatenation"], helpers: [], setup: [] };
    case 3:
      return { text: "`${TOOL} status`", tags: ["multi-word-const"], helpers: ["tool"], setup: [] };
    case 4:
      return { text: "`serve --port ${PORT}`", tags: ["numeric-const"], helpers: ["port"], setup: [] };
    case 5:
      return { text: "`${flag ? TOOL : file} run`", tags: ["multi-word-conditional"], helpers: ["tool"], setup: [] };
    case 6:
      return { text: '`tool ${WORDS.join(" ")}`', tags: ["join-interpolation"], helpers: ["words"], setup: [] };
    case 7: {
      const name = c.fresh("line");
      return { text: name, tags: ["local-const-line"], helpers: [], setup: [`const ${name} = "docker ps -a";`] };
    }
    case 8:
      return { text: `"ps aux | grep tool"`, tags: ["shell-operator"], helpers: [], setup: [] };
    default:
      return { text: `"echo 'two words'"`, tags: ["quoted-word"], helpers: [], setup: [] };
  }
}

/** A spawn callback: inline arrows of several bodies, a `function` reading `arguments`, a named one. */
function spawnCallback(c: ShapeContext): { text: string; tags: string[]; helpers: string[] } {
  const data = annotate(c, "data");
  const err = annotate(c, "err");
  switch (c.rng.int(0, 6)) {
    case 0:
      return { text: `(${data}, ${err}) => {\n  if (err) {\n    console.error("failed", err);\n  } else {\n    console.log("event", data);\n  }\n}`, tags: ["callback-if-err-else"], helpers: [] };
    case 1:
      return { text: `(${data}, ${err}) => {\n  if (err) console.error("failed", err);\n  else if (data.stdout) console.log("out", data.stdout);\n}`, tags: ["callback-if-err-else"], helpers: [] };
    case 2:
      return { text: `(${data}) => console.log("event", data)`, tags: ["callback-expression"], helpers: [] };
    case 3:
      return { text: `function (${data}, ${err}) {\n  console.log("arguments", arguments.length, data, err);\n}`, tags: ["function-arguments"], helpers: [] };
    case 4:
      return c.rng.chance(0.5)
        ? { text: `(${data}) => {\n  if (data.code !== undefined) console.log("exit", data.code);\n}`, tags: ["callback-code"], helpers: [] }
        : { text: `(${data}) => console.log("event", file, data)`, tags: ["callback-closure"], helpers: [] };
    case 5:
      // A v0 call inside the callback: rewritten by a later pass over the output.
      return {
        text: `(${data}, ${err}) => {\n  if (err) {\n    ${c.receiver.root}.execHostCmd(\`logger failed \${file}\`);\n  } else if (data.stdout) {\n    console.log("out", data.stdout);\n  }\n}`,
        tags: ["nested-v0-call"],
        helpers: [],
      };
    default:
      return { text: "onEvent", tags: ["named-callback"], helpers: ["onEvent"] };
  }
}

const SPAWNS = [
  (r: Receiver) => `${r.root}.spawnHostCmd("tail", ["-f", file], `,
  (r: Receiver) => `${r.root}.spawnDockerCmd("logs", ["-f", "c1"], `,
  (r: Receiver) => `${r.backend}.spawnInVMExtension("worker", ["--watch"], `,
];

/** A command-line call (execHostCmd, execInVMExtension). */
const commandLineCall: Shape = (c) => {
  const line = commandLine(c);
  const call = c.rng.chance(0.5) ? `${c.receiver.root}.execHostCmd(${line.text})` : `${c.receiver.backend}.execInVMExtension(${line.text})`;
  const { line: statement, tags } = consume(c, call);
  return withReceiver(c, [...line.setup, statement], [...line.tags, ...tags], line.helpers);
};

/** A spawn call with a callback. */
const spawnCall: Shape = (c) => {
  const callback = spawnCallback(c);
  const lines = `${c.rng.pick(SPAWNS)(c.receiver)}${callback.text});`.split("\n");
  return withReceiver(c, lines, ["spawn", ...callback.tags], callback.helpers, 1);
};

/** Command lines and spawn callbacks twice: most of what can go wrong is in them. */
export const CALL_SHAPES: readonly Shape[] = [
  commandLineCall,
  commandLineCall,
  spawnCall,
  spawnCall,
  // backend HTTP
  (c) => {
    const method = c.rng.pick(["get", "post", "put", "patch", "delete", "head", "request"]);
    const args = method === "request" ? `{ url: "/r", method: "GET", headers: {}, data: null }` : ["post", "put", "patch"].includes(method) ? `"/items", { name: "x" }` : `"/items"`;
    const { line, tags } = consume(c, `${c.receiver.backend}.${method}(${args})`);
    return withReceiver(c, [line], tags);
  },
  (c) => {
    const { line, tags } = consume(c, c.rng.chance(0.5) ? `${c.receiver.root}.execDockerCmd("ps", "-a")` : `${c.receiver.backend}.execInContainer("c1", "ls -l")`);
    return withReceiver(c, [line], tags);
  },
  // the same named callback passed to two spawn calls in one block
  (c) => {
    const local = c.rng.chance(0.5);
    const name = local ? c.fresh("onLine") : "onEvent";
    const declaration = local ? [`const ${name} = (${annotate(c, "data")}, ${annotate(c, "err")}) => console.log("line", data, err);`] : [];
    const calls = [0, 1].map(() => `${c.rng.pick(SPAWNS)(c.receiver)}${name});`);
    return withReceiver(c, [...declaration, ...calls], ["shared-named-callback"], local ? [] : ["onEvent"]);
  },
  // toasts, navigation, listings, openExternal, a row with no counterpart
  (c) => {
    const call = c.rng.pick([`toastSuccess(\`done \${file}\`)`, `toastWarning("careful")`, `toastError("failed")`, `openExternal("https://docs.docker.com")`]);
    return withReceiver(c, [`${c.receiver.root}.${call};`]);
  },
  (c) => {
    const call = c.rng.pick([`navigateToContainers()`, `navigateToContainer("c1")`, `navigateToImages()`, `navigateToVolume("v1")`, `navigateToContainerLogs("c1")`]);
    return withReceiver(c, [`${c.receiver.root}.${call};`]);
  },
  (c) => {
    // v0 declares the options `never`: typed code casts them.
    const never = c.ts ? " as never" : "";
    const { line, tags } = consume(c, `${c.receiver.root}.${c.rng.pick([`listContainers({ all: true }${never})`, `listImages({ digests: true }${never})`])}`);
    return withReceiver(c, [line], tags);
  },
  // v1's types have no navigateToRoute: JavaScript only.
  (c) => withReceiver(c, [`${c.receiver.root}.${c.ts ? "navigateToContainers()" : 'navigateToRoute("/settings")'};`], c.ts ? [] : ["no-counterpart"]),
  // a ternary choosing between two calls
  (c) => withReceiver(c, [`await (flag ? ${c.receiver.backend}.get("/a") : ${c.receiver.root}.execHostCmd("ls -a"));`], ["ternary"]),
  // A wrapper of a fixed command: static callers, one of them passing it by value.
  () => leaf([`console.log(await runTool("status --json"));`, `console.log(await Promise.all(["list", "show all"].map(runTool)));`], ["wrapper-passed-by-value"], ["runTool"]),
];

/** Calls that are not the client's, which must come out exactly as they went in. */
export const LOOKALIKE_SHAPES: readonly Shape[] = [
  () => leaf([`console.log(await lookalike.backend.get("/lookalike"), await lookalike.execHostCmd("echo lookalike"));`], ["lookalike"], ["lookalike"]),
  (c) =>
    leaf(
      ["{", `  const window = { ddClient: { execHostCmd: async (${annotate(c, "line", "string")}) => "shadow " + line } };`, `  console.log(await window.ddClient.execHostCmd("echo shadow"));`, "}"],
      ["shadowed-window"],
      [],
      true,
    ),
  (c) =>
    leaf(
      ["{", `  const ddClient = { backend: { get: async (${annotate(c, "url", "string")}) => "shadow " + url } };`, `  console.log(await ddClient.backend.get("/shadow"));`, "}"],
      ["shadowed-ddclient"],
      [],
      true,
    ),
  (c) =>
    c.ts
      ? leaf([`console.log(await ownTool({ execHostCmd: async (line: string) => "own " + line }));`], ["ddclient-param-own-type"], ["ownClient"])
      : leaf([`console.log(await lookalike.execHostCmd("echo lookalike"));`], ["lookalike"], ["lookalike"]),
];
