/**
 * Seeded generated programs: v0 call shapes (call-shapes.ts) in random surroundings — nested
 * functions and arrows, classes and methods, loops and brace-less bodies, `try`, JSX
 * attributes, a parameter typed as the client — with fillers (`console.log("keep-3");`) whose
 * lines must come out untouched. Program `index` of `seed` is the same on every machine.
 */
import { CALL_SHAPES, LOOKALIKE_SHAPES, type ShapeContext } from "./call-shapes.js";
import { renderHelpers } from "./helpers.js";
import { hasJsx, isTypeScript, leaf, nodesOf, renderNodes, type Block, type BlockPart, type Lang, type Leaf, type Node, type Program } from "./program-tree.js";
import { parameterReceiver, plain, RECEIVERS, type Receiver } from "./receivers.js";
import { rngFor, type Rng } from "./rng.js";

const LANGS: readonly Lang[] = ["ts", "ts", "tsx", "js", "jsx"];
const MAX_DEPTH = 3;

interface Scope {
  readonly rng: Rng;
  readonly lang: Lang;
  readonly ts: boolean;
  readonly receivers: readonly ((rng: Rng, ts: boolean) => Receiver)[];
  readonly inClass: boolean;
  /** Declarations of this block and the blocks around it, shared by later leaves. */
  readonly declared: readonly Set<string>[];
  readonly counter: { n: number };
}

const block = (parts: BlockPart[], tail: string[], tags: string[] = [], helpers: string[] = [], braceless = false): Block => ({ kind: "block", parts, tail, tags, helpers, braceless });

function fresh(scope: Scope, base: string): string {
  return `${base}${++scope.counter.n}`;
}

/** The name a setup line declares: `backend` of `const { backend } = …` and of `const backend = …`. */
const declaredName = (line: string): string | undefined => /const \{? ?(\w+)/.exec(line)?.[1];

/** A receiver none of whose setup lines would declare, in this scope, a name already declared otherwise (input that does not parse). */
function pickReceiver(scope: Scope): Receiver {
  const clashes = (receiver: Receiver): boolean =>
    receiver.setup.some((line) => scope.declared.some((set) => [...set].some((other) => other !== line && declaredName(other) === declaredName(line))));
  let receiver = scope.rng.pick(scope.receivers)(scope.rng, scope.ts);
  for (let tries = 0; tries < 20 && clashes(receiver); tries++) receiver = scope.rng.pick(scope.receivers)(scope.rng, scope.ts);
  return clashes(receiver) ? plain("window.ddClient", scope.ts) : receiver;
}

function shapeContext(scope: Scope): ShapeContext {
  const inner = scope.declared[scope.declared.length - 1]!;
  return {
    rng: scope.rng,
    ts: scope.ts,
    receiver: pickReceiver(scope),
    fresh: (base) => fresh(scope, base),
    declare: (line) => (scope.declared.some((set) => set.has(line)) ? false : (inner.add(line), true)),
  };
}

function statementLeaf(scope: Scope): Leaf {
  const { rng } = scope;
  const roll = rng.next();
  if (roll < 0.15) return leaf([`console.log("keep-${++scope.counter.n}");`], ["filler"]);
  if (roll < 0.27) return rng.pick(LOOKALIKE_SHAPES)(shapeContext(scope));
  if (scope.inClass && roll < 0.35) {
    const root = rng.pick(["window.ddClient", "ddClient"]);
    return leaf([`${root}.spawnHostCmd("tail", ["-f", file], this.onData);`], ["spawn", "method-callback"]);
  }
  return rng.pick(CALL_SHAPES)(shapeContext(scope));
}

/** A leaf that can stand as a brace-less body (one statement, no setup); a filler if none comes. */
function singleLeaf(scope: Scope): Leaf {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = statementLeaf({ ...scope, declared: [...scope.declared, new Set()] });
    if (candidate.single) return candidate;
  }
  return leaf([`console.log("keep-${++scope.counter.n}");`], ["filler"]);
}

function children(scope: Scope, depth: number, extra: Partial<Scope> = {}): Node[] {
  const inner: Scope = { ...scope, ...extra, declared: [...scope.declared, new Set()] };
  const nodes = Array.from({ length: scope.rng.int(1, depth === 0 ? 4 : 3) }, () => statement(inner, depth + 1));
  return markSpawnsInOneScope(nodes);
}

/**
 * Two spawn statements in one block, brace-less bodies included (the codemod hoists their
 * callbacks before the `if`/`for`): what it declares before each shares that scope.
 */
function markSpawnsInOneScope(nodes: Node[]): Node[] {
  const isSpawn = (node: Node): boolean => node.kind === "leaf" && node.tags.includes("spawn");
  const spawnsIn = (node: Node): number =>
    isSpawn(node) ? 1 : node.kind === "block" && node.braceless ? node.parts.reduce((sum, part) => sum + part.children.reduce((n, child) => n + spawnsIn(child), 0), 0) : 0;
  if (nodes.reduce((sum, node) => sum + spawnsIn(node), 0) < 2) return nodes;
  const mark = (node: Node): Node => {
    if (isSpawn(node)) return { ...node, tags: [...node.tags, "spawns-in-one-scope"] };
    if (node.kind === "block" && node.braceless) return { ...node, parts: node.parts.map((part) => ({ ...part, children: part.children.map(mark) })) };
    return node;
  };
  return nodes.map(mark);
}

/** The surroundings a statement may stand in; each returns a block around generated children. */
function surrounding(scope: Scope, depth: number): Block {
  const { rng, ts } = scope;
  const name = (base: string): string => fresh(scope, base);
  const kinds: (() => Block)[] = [
    () => block([{ head: "if (flag) {", children: children(scope, depth) }], ["}"]),
    () => block([{ head: "if (flag) {", children: children(scope, depth) }, { head: "} else {", children: children(scope, depth) }], ["}"]),
    () => block([{ head: "if (flag)", children: [singleLeaf(scope)] }, { head: "else", children: [singleLeaf(scope)] }], [], ["braceless"], [], true),
    () => block([{ head: "if (flag)", children: [singleLeaf(scope)] }], [], ["braceless"], [], true),
    // The loop variable shadows the parameter `file`: a callback hoisted out of the body would read the wrong one.
    () => block([{ head: 'for (const file of ["a.log", "b.log"])', children: [singleLeaf(scope)] }], [], ["braceless", "loop"], [], true),
    () => block([{ head: "for (let i = 0; i < 2; i++) {", children: children(scope, depth) }], ["}"], ["loop"]),
    () =>
      block(
        [
          { head: "try {", children: children(scope, depth) },
          { head: "} catch (error) {", children: [leaf([`console.error("caught", String(error));`], ["filler"])] },
        ],
        ["}"],
        ["try"],
      ),
    () => {
      const inner = name("inner");
      return block([{ head: `const ${inner} = async () => {`, children: children(scope, depth) }], ["};", `await ${inner}();`], ["nested-arrow"]);
    },
    () => {
      const inner = name("nested");
      // A function declaration has its own `this`: no `this.onData` inside.
      return block([{ head: `async function ${inner}() {`, children: children(scope, depth, { inClass: false }) }], ["}", `await ${inner}();`], ["nested-function"]);
    },
    () => {
      const inner = name("withClient");
      const param = ts ? "client: v1Hybrid.DockerDesktopClient" : "ddClient";
      const body = children(scope, depth, { receivers: [...scope.receivers, () => parameterReceiver(ts)] });
      return block([{ head: `const ${inner} = async (${param}) => {`, children: body }], ["};", `await ${inner}(window.ddClient);`], ["client-parameter"], ts ? ["typesImport"] : []);
    },
  ];
  const jsxAttribute = (): Block => {
    const element = name("element");
    const head = `const ${element}${ts ? ": any" : ""} = (<button onClick={async () => {`;
    return block([{ head, children: children(scope, depth) }], ["}}>go</button>);", `await ${element}.props.onClick();`], ["jsx-attribute"]);
  };
  // Twice: a JSX file is two in five, and its attribute one surrounding among many.
  if (hasJsx(scope.lang)) kinds.push(jsxAttribute, jsxAttribute);
  return rng.pick(kinds)();
}

function statement(scope: Scope, depth: number): Node {
  return depth < MAX_DEPTH && scope.rng.chance(0.45) ? surrounding(scope, depth) : statementLeaf(scope);
}

function unit(scope: Scope, i: number): Block {
  const params = scope.ts ? "file: string, flag: boolean" : "file, flag";
  if (!scope.rng.chance(0.25)) {
    return block([{ head: `export async function run${i}(${params}) {`, children: children(scope, 0) }], ["}"]);
  }
  // A class: its public `start` is what the simulated host calls; `onData` is private so it is not called on its own.
  const method = block([{ head: `async start(${params}) {`, children: children(scope, 1, { inClass: true }) }], ["}"], ["class-method"]);
  const onData = scope.ts ? ["  private onData(data: any, err?: any) {"] : ["  onData(data, err) {"];
  return block([{ head: `export class Panel${i} {`, children: [method] }], [...onData, `    console.log("onData", data, err);`, "  }", "}"], ["class"]);
}

export function generateProgram(seed: number, index: number): Program {
  const rng = rngFor(seed, index);
  const lang = rng.pick(LANGS);
  const scope: Scope = { rng, lang, ts: isTypeScript(lang), receivers: RECEIVERS, inClass: false, declared: [], counter: { n: 0 } };
  const units = Array.from({ length: rng.int(1, 3) }, (_, i) => unit(scope, i + 1));
  return { lang, seed, index, units };
}

export function renderProgram(program: Program): string {
  const helpers = renderHelpers(new Set(nodesOf(program).flatMap((node) => node.helpers)), program.lang);
  const units = program.units.map((u) => renderNodes([u], 0).join("\n"));
  return [`// generated program ${program.seed}/${program.index}`, ...helpers, ...units].join("\n\n") + "\n";
}

export const fileNameOf = (program: Program): string => `program-${program.seed}-${program.index}.${program.lang}`;
