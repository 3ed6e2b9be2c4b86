/**
 * Seeded generated programs drawn along four independent axes (axes/): the access form, the
 * value context, the receiver's provenance (with its lookalike) and the table row. A program
 * is a few scenarios, each an exported function that reaches one row's member one way, on
 * one receiver, in one value context, and returns what the code ends up holding. Program
 * `index` of `seed` is the same on every machine.
 *
 * Each axis is walked in shuffled rounds across a batch (each round of n scenarios takes the
 * axis's n values once, in an order of its own), so a batch of a few rounds reaches every value
 * and axes pair independently; a value a combination rules out (`.then` on a void, JSX in a
 * .ts file, a type in JavaScript) is redrawn at random.
 */
import { ACCESS_FORMS, type AccessForm } from "./axes/access-forms.js";
import { PROVENANCES, type Provenance } from "./axes/provenances.js";
import { ROWS, type RowValue } from "./axes/rows.js";
import { SURROUNDINGS, type Surrounding } from "./axes/surroundings.js";
import { VALUE_CONTEXTS, type ContextInput, type ValueContext } from "./axes/value-contexts.js";
import { renderHelpers } from "./helpers.js";
import { hasJsx, isTypeScript, leaf, nodesOf, renderNodes, type Block, type Lang, type Program } from "./program-tree.js";
import { rngFor, type Rng } from "./rng.js";

const LANGS: readonly Lang[] = ["ts", "tsx", "js", "jsx"];
export const SCENARIOS_PER_PROGRAM = 4;
const LOOKALIKE_CHANCE = 0.3;
/** Each provenance twice on the client and once on its lookalike. */
const PROVENANCE_CYCLE = PROVENANCES.flatMap((provenance) => [false, true, false].map((lookalike) => ({ provenance, lookalike })));

/** The axes as data, for the reach test and the failure summary: name → each value's name. */
export const AXES: Record<string, readonly string[]> = {
  access: ACCESS_FORMS.map((form) => form.name),
  context: VALUE_CONTEXTS.map((context) => context.name),
  provenance: PROVENANCES.flatMap((provenance) => [provenance.name, `${provenance.name}/lookalike`]),
  row: ROWS.map((row) => row.id),
  surrounding: SURROUNDINGS.map((surrounding) => surrounding.name),
};

/**
 * Value k of an axis walked in shuffled rounds: scenarios k·n … k·n+n−1 take each of the n
 * values once, in an order drawn for that round and axis alone, so every run of 2n scenarios
 * reaches every value while axes pair independently (a plain cycle would tie each value of
 * one axis to a few of another).
 */
function cycled<T>(list: readonly T[], k: number, seed: number, salt: number): T {
  const n = list.length;
  const round = Math.floor(k / n);
  const rng = rngFor(seed ^ Math.imul(salt, 0x2545f491), round);
  const order = list.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return list[order[k % n]!]!;
}

function redraw<T>(rng: Rng, first: T, list: readonly T[], ok: (value: T) => boolean): T {
  let value = first;
  for (let tries = 0; tries < 50 && !ok(value); tries++) value = rng.pick(list);
  if (!ok(value)) throw new Error("generator: no value fits");
  return value;
}

interface Drawn {
  readonly row: RowValue;
  readonly provenance: Provenance;
  readonly lookalike: boolean;
  readonly access: AccessForm;
  readonly context: ValueContext;
  readonly surrounding: Surrounding;
}

/** Axis values a shrink forces on a scenario (by name), the rest drawn as before. */
export interface Forced {
  readonly access?: string;
  readonly context?: string;
  readonly provenance?: string;
  readonly lookalike?: boolean;
  readonly surrounding?: string;
}

/** How to draw a scenario again: scenario k of the batch, its own random stream, in a program of `lang`. */
export interface Recipe {
  readonly seed: number;
  readonly k: number;
  readonly n: number;
  readonly lang: Lang;
  readonly forced: Forced;
}

/** Module-level names the program binds so far, each to one helper: a provenance binding one otherwise cannot join. */
function fits(bound: Map<string, string>, provenance: Provenance, lookalike: boolean): boolean {
  return Object.entries(provenance.binds?.(lookalike) ?? {}).every(([name, by]) => by === undefined || (bound.get(name) ?? by) === by);
}

const byName = <T extends { name: string }>(list: readonly T[], name: string | undefined): T | undefined => list.find((value) => value.name === name);

function scenario(recipe: Recipe, bound: Map<string, string>): Block {
  const { seed, k, n, lang, forced } = recipe;
  const rng = rngFor(seed ^ 0x5ce7a, k);
  const ts = isTypeScript(lang);
  const counter = { n: n * 100 };
  const fresh = (base: string): string => `${base}${++counter.n}`;
  const row = redraw(rng, cycled(ROWS, k, seed, 1), ROWS, (r) => r.typed || !ts);
  const first = cycled(PROVENANCE_CYCLE, k, seed, 2);
  let lookalike = forced.lookalike ?? first.lookalike;
  const provenanceOk = (p: Provenance): boolean => (!p.tsOnly || ts) && fits(bound, p, lookalike);
  let provenance = byName(PROVENANCES, forced.provenance) ?? first.provenance;
  for (let tries = 0; tries < 50 && !provenanceOk(provenance); tries++) {
    provenance = rng.pick(PROVENANCES);
    lookalike = forced.lookalike ?? rng.chance(LOOKALIKE_CHANCE);
  }
  if (!provenanceOk(provenance)) throw new Error("generator: no provenance fits");
  for (const [name, by] of Object.entries(provenance.binds?.(lookalike) ?? {})) if (by !== undefined) bound.set(name, by);

  const receiver = provenance.render({ ts, lookalike, fresh });
  const memberOwner = row.backend ? `${receiver.client}.backend${ts ? "!" : ""}` : receiver.client;
  const call = row.args({ rng, ts, root: receiver.client, fresh });
  const accessInput = { receiver: memberOwner, client: receiver.client, member: row.member, backend: row.backend, args: call.args, ts, chance: (p: number) => rng.chance(p), fresh };
  const access = redraw(rng, byName(ACCESS_FORMS, forced.access) ?? cycled(ACCESS_FORMS, k, seed, 3), ACCESS_FORMS, (form) => form.applies?.(accessInput) ?? true);
  const reached = access.render(accessInput);
  const contextInput = (expr: string): ContextInput => ({ expr, value: reached.value === "test" ? "test" : row.v0, ts, jsx: hasJsx(lang), usesThis: receiver.usesThis, fresh });
  const context = redraw(rng, byName(VALUE_CONTEXTS, forced.context) ?? cycled(VALUE_CONTEXTS, k, seed, 4), VALUE_CONTEXTS, (c) => c.applies?.(contextInput(reached.expr)) ?? true);
  const valued = context.render(contextInput(reached.expr));

  const surrounding = byName(SURROUNDINGS, forced.surrounding) ?? cycled(SURROUNDINGS, k, seed, 5);
  const statements = [...call.setup, ...reached.setup, ...valued.lines].flatMap((line) => line.split("\n"));
  const body = [...receiver.setup, ...surrounding.wrap(statements, fresh)];
  const lines = receiver.enclose ? receiver.enclose(body) : body;
  const params = [ts ? "file: string, flag: boolean" : "file, flag", ...receiver.params].join(", ");
  const drawn: Drawn = { row, provenance, lookalike, access, context, surrounding };
  return {
    kind: "block",
    parts: [{ head: `export async function scenario${n}(${params}) {`, children: [leaf(lines, [], [...receiver.helpers, ...call.helpers, ...reached.helpers, ...valued.helpers])] }],
    tail: ["}"],
    tags: tagsOfDrawn(drawn),
    helpers: [],
    braceless: false,
    recipe,
  };
}

const tagsOfDrawn = ({ row, provenance, lookalike, access, context, surrounding }: Drawn): string[] => [
  `access:${access.name}`,
  `context:${context.name}`,
  `provenance:${provenance.name}${lookalike ? "/lookalike" : ""}`,
  `row:${row.id}`,
  `surrounding:${surrounding.name}`,
  ...(lookalike ? ["lookalike"] : []),
];

/**
 * A program's language: the cycle's, switched to JavaScript when a scenario's row has no v1
 * type (`navigateToRoute`), and to JSX when a scenario's context is JSX, so the cycle's first
 * choices stand and every value is reached.
 */
function languageOf(seed: number, index: number): Lang {
  let lang = LANGS[(index + (seed >>> 0)) % LANGS.length]!;
  const ks = Array.from({ length: SCENARIOS_PER_PROGRAM }, (_, j) => index * SCENARIOS_PER_PROGRAM + j);
  if (ks.some((k) => !cycled(ROWS, k, seed, 1).typed)) lang = lang === "ts" ? "js" : lang === "tsx" ? "jsx" : lang;
  if (ks.some((k) => cycled(VALUE_CONTEXTS, k, seed, 4).applies?.({ expr: "", value: "promise", ts: false, jsx: false, usesThis: false, fresh: (b) => b }) === false)) {
    lang = lang === "ts" ? "tsx" : lang === "js" ? "jsx" : lang;
  }
  return lang;
}

export function generateProgram(seed: number, index: number): Program {
  const lang = languageOf(seed, index);
  const bound = new Map<string, string>();
  const units = Array.from({ length: SCENARIOS_PER_PROGRAM }, (_, j) => scenario({ seed, k: index * SCENARIOS_PER_PROGRAM + j, n: j + 1, lang, forced: {} }, bound));
  return { lang, seed, index, units };
}

/** The program with `unit` drawn again under `forced` (a shrink step towards the simplest axis values). */
export function redrawn(program: Program, unit: Block, forced: Forced): Program | undefined {
  const recipe = unit.recipe as Recipe | undefined;
  if (!recipe) return undefined;
  const bound = new Map<string, string>();
  const units = program.units.map((other) => {
    const r = other.recipe as Recipe;
    return scenario(other === unit ? { ...r, forced: { ...r.forced, ...forced } } : r, bound);
  });
  return { ...program, units };
}

/** The simplest value of each axis, which a shrink tries in place of the drawn one. */
export const SIMPLEST: Forced = { access: "call", context: "statement", provenance: "window", lookalike: false, surrounding: "none" };

export function renderProgram(program: Program): string {
  const helpers = renderHelpers(new Set(nodesOf(program).flatMap((node) => node.helpers)), program.lang);
  const units = program.units.map((u) => renderNodes([u], 0).join("\n"));
  return [`// generated program ${program.seed}/${program.index}`, ...helpers, ...units].join("\n\n") + "\n";
}

export const fileNameOf = (program: Program): string => `program-${program.seed}-${program.index}.${program.lang}`;
