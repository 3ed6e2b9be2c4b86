/**
 * The project pre-pass for exported wrappers whose parameter is a whole v0 command line:
 *
 * Before: src/api/cli.ts   export function run(cmd: string) { return ddClient.execHostCmd(cmd); }
 *         src/Pods.tsx     run("kubectl get pods")
 * After:  src/api/cli.ts   export function run(cmd: string, args: string[]) { return ddClient.extension.host!.cli.exec(cmd, args); }
 *         src/Pods.tsx     run("kubectl", ["get", "pods"])
 *
 * Rewritten together only when every caller in the project passes a static, splittable line
 * and the wrapper is used nowhere else (not passed around, not re-exported); otherwise the
 * wrapper is reported with its callers listed. Only files whose text can define a wrapper, or
 * names one, are parsed, each once, and only facts are kept: no tree outlives its file.
 */
import path from "node:path";
import type { StyleSettings } from "../core/call-site.js";
import { moduleKeyOf, type ClientModules } from "../core/client-modules.js";
import { layoutArguments } from "../core/layout-arguments.js";
import { planCommandLine, type CommandLinePlanOptions } from "../core/plan-command-line.js";
import { passesSeveralWords, planCallerWords, planPrefixExec } from "../core/plan-prefix-wrapper.js";
import type { CallerEdit, ProjectWrapper, ProjectWrappers } from "../core/plan-wrapper.js";
import type { Edit, Review } from "../core/report.js";
import { DEPRECATIONS } from "../deprecations/table.js";
import type { Node, TSESTree } from "../engine/ast.js";
import { findV0CallSite, positionOf } from "../engine/call-sites.js";
import { describeCommandLine } from "../engine/describe-command-line.js";
import { prefixParameter, wrapperParameter, type WrapperParameter } from "../engine/families/exec-command-line.js";
import type { EngineFile } from "../engine/file.js";
import { argsPassedAlready, type CalledWrapper } from "./caller-args-passed.js";
import { markupKindOf } from "./embedded.js";
import { importNamesAnyModule, importNamesModule } from "./lib/client-modules.js";
import { languageOf, parseEngineFile } from "./parse.js";

interface ProjectFile {
  readonly path: string;
  readonly source: string;
}

interface Options {
  readonly rawArgs?: boolean;
  readonly clientModules?: ClientModules;
  /** Caller paths in the report are relative to it. */
  readonly cwd?: string;
  /** A file's formatter settings (cli/style-config), for the callers' new arguments. */
  readonly styleOf?: (file: string) => StyleSettings | undefined;
}

/** One call of a wrapper, planned: where it is, and its edit or why it cannot be rewritten. */
interface CallerFact {
  readonly where: string;
  readonly plan: { readonly ok: true; readonly review: readonly Review[]; readonly severalWords?: boolean; readonly value?: string; readonly argsPassed?: boolean } | { readonly ok: false; readonly reason: string };
  readonly edit?: readonly [file: string, edit: Edit];
}

interface WrapperFacts {
  /** `line`: the parameter is the whole command line (core/plan-wrapper); `prefix`: its last words (core/plan-prefix-wrapper). */
  readonly kind: "line" | "prefix";
  readonly key: string;
  readonly name: string;
  readonly index: number;
  readonly arity: number;
  readonly typed: boolean;
  readonly path: string;
  readonly callers: CallerFact[];
  /** Uses in other files that are not calls: `(used as a value)`. */
  readonly escapes: string[];
  /** The wrapper's v0 call, `line:column`: its callers' edits elsewhere go with that call's rewrite. */
  readonly at: string;
}

/**
 * A command-line member called with a bare name (`execHostCmd(cmd)`), an interpolating template
 * (`` execHostCmd(`/app/tool ${sub}`) ``) or a concatenation (`execHostCmd("tool " + sub)`):
 * where a wrapper's parameter can be.
 */
const LINE_MEMBERS = DEPRECATIONS.filter((row) => row.kind === "command-line").map((row) => row.id.split(".").at(-1)!);
const PASSES_A_NAME = new RegExp(
  `\\b(?:${LINE_MEMBERS.join("|")})\\s*(?:\\?\\.\\s*)?\\(\\s*(?:[\\p{ID_Start}$_][\\p{ID_Continue}$]*\\s*\\)|\`[^\`]*\\$\\{|(?:"[^"\\n]*"|'[^'\\n]*')\\s*\\+)`,
  "u",
);

/** What an exported wrapper's module must hold: `export`, and a command-line call given a parameter. */
export function mayDefineWrapper(source: string): boolean {
  return /\bexport\b/.test(source) && PASSES_A_NAME.test(source);
}

/** Every exported wrapper of `files` and its callers among them. */
export function scanProjectWrappers(files: readonly ProjectFile[], options: Options = {}): ProjectWrappers {
  return planProjectWrappers(findProjectWrappers(files, options), files, options);
}

/** A wrapper found in its module, with its in-file callers planned; callers elsewhere come later. */
export type FoundWrapper = WrapperFacts;

function engineFileOf(file: ProjectFile, options: Options): EngineFile | null {
  if (markupKindOf(file.path)) return null;
  const text = file.source.replace(/^\uFEFF/, "");
  try {
    const style = options.styleOf?.(file.path);
    return parseEngineFile(text, file.path, { ...(options.clientModules ? { clientModules: options.clientModules } : {}), ...(style ? { style } : {}) });
  } catch {
    return null; // The migration reports the parse error.
  }
}

function planCaller(file: EngineFile, call: TSESTree.CallExpression, wrapper: CalledWrapper, options: Options): CallerFact {
  const where = `${path.relative(options.cwd ?? process.cwd(), file.filename)}:${call.loc.start.line}:${call.loc.start.column + 1}`;
  // A run stopped before the wrapper's module: finish the wrapper around this call, or report it.
  const passed = argsPassedAlready(file.filename, call, wrapper);
  if (passed === "unsure") return { where, plan: { ok: false, reason: ARGS_ALREADY_PASSED } };
  if (passed === "rewritten") return { where: `${where} (${ARGS_ALREADY_PASSED})`, plan: { ok: true, review: [], argsPassed: true } };
  const arg = call.arguments[wrapper.index];
  const usable = arg && arg.type !== "SpreadElement" ? arg : undefined;
  const line = usable ? describeCommandLine(usable, file) : ({ static: false } as const);
  const lineOptions = lineOptionsOf(file, options);
  const at = usable ? { start: usable.range[0], end: usable.range[1] } : null;
  // Before: run("status --json")   After: run(["status", "--json"])
  if (wrapper.kind === "prefix") {
    const words = planCallerWords({ argument: at, line, at: { line: call.loc.start.line, column: call.loc.start.column + 1 } }, lineOptions);
    if (!words.ok) return { where, plan: words };
    return { where, plan: { ok: true, review: words.review, severalWords: passesSeveralWords(words), value: words.value }, edit: [file.filename, { ...at!, text: words.text }] };
  }
  const planned = planCommandLine(line, lineOptions);
  const edit = planned.ok && at ? ([file.filename, { ...at, text: layoutArguments([planned.cmd], planned.args, at, file.style) }] as const) : undefined;
  return { where, plan: planned, ...(edit ? { edit } : {}) };
}

const ARGS_ALREADY_PASSED = "args-already-passed";

const lineOptionsOf = (file: EngineFile, options: Options): CommandLinePlanOptions => ({ quote: file.style.quote, typescript: languageOf(file.filename) === "ts", rawArgs: options.rawArgs === true, layout: file.style });

/** Step one: the modules that may define a wrapper (text check), parsed once each. */
export function findProjectWrappers(files: Iterable<ProjectFile>, options: Options = {}): FoundWrapper[] {
  const wrappers: FoundWrapper[] = [];
  for (const project of files) {
    if (!mayDefineWrapper(project.source)) continue;
    const file = engineFileOf(project, options);
    if (file) wrappers.push(...exportedWrappers(file, options).map((found) => ({ ...found, callers: found.calls.map((call) => planCaller(file, call, found, options)), escapes: [] })));
  }
  return wrappers;
}

/**
 * Which of the wrappers the text can call from their modules: it names a wrapper as a word and
 * its module (`from "../api/cli"`, or the folder of an `index` module). One scan of the text
 * for all the wrappers' names, since a tree may export hundreds of them.
 */
export function wrappersNamedIn(source: string, wrappers: readonly FoundWrapper[]): FoundWrapper[] {
  if (wrappers.length === 0) return [];
  const matcher = indexOf(wrappers);
  const named = new Set<FoundWrapper>();
  for (const [name] of source.matchAll(matcher.names)) {
    for (const wrapper of matcher.byName.get(name) ?? []) if (source.includes(moduleWordOf(wrapper))) named.add(wrapper);
  }
  return [...named];
}

/** Strings that may name a relative module: a superset of a text's relative imports (`from "../api/shell"`, `import("./cli")`), found without parsing. */
const RELATIVE_SPECIFIER = /["'](\.[^"'\n]*)["']/g;

export function relativeSpecifiersOf(source: string): string[] {
  // Copied out of the text: V8 keeps a longer match as a slice that holds the whole file's text
  // alive, and the CLI keeps these for every file of the tree (about 25 MB on 10,000 files).
  return [...source.matchAll(RELATIVE_SPECIFIER)].map((match) => JSON.parse(JSON.stringify(match[1]!)) as string);
}

/**
 * Can `file`, whose text names `specifiers` (relativeSpecifiersOf), call a wrapper from another
 * file? Only through an import or re-export of its module (importedUses), so only a file naming
 * that module is read again and parsed; a Vue, Svelte or HTML file, which is never parsed, is
 * read as before, since naming a wrapper at all keeps it from being rewritten.
 */
export function mayImportWrapper(file: string, specifiers: readonly string[], wrappers: readonly FoundWrapper[]): boolean {
  if (wrappers.length === 0) return false;
  if (markupKindOf(file)) return true;
  const directory = path.dirname(path.resolve(file));
  const { modules } = indexOf(wrappers);
  return specifiers.some((specifier) => importNamesAnyModule(directory, specifier, modules));
}

interface WrappersIndex {
  /** Their module keys (moduleOf). */
  readonly modules: ReadonlySet<string>;
  /** Any of their names, as a whole word. */
  readonly names: RegExp;
  readonly byName: ReadonlyMap<string, FoundWrapper[]>;
}

/** Built once per list of wrappers: mayImportWrapper and wrappersNamedIn run for every file of the tree. */
const indexes = new WeakMap<readonly FoundWrapper[], WrappersIndex>();

function indexOf(wrappers: readonly FoundWrapper[]): WrappersIndex {
  let index = indexes.get(wrappers);
  if (!index) {
    const byName = new Map<string, FoundWrapper[]>();
    for (const wrapper of wrappers) byName.set(wrapper.name, [...(byName.get(wrapper.name) ?? []), wrapper]);
    const names = new RegExp(`(?<![\\p{ID_Continue}$])(?:${[...byName.keys()].map((name) => name.replace(/\$/g, "\\$")).join("|")})(?![\\p{ID_Continue}$])`, "gu");
    indexes.set(wrappers, (index = { modules: new Set(wrappers.map(moduleOf)), names, byName }));
  }
  return index;
}

/** The module key of the wrapper's file: its key without `#name`. */
function moduleOf(wrapper: Pick<FoundWrapper, "key">): string {
  return wrapper.key.slice(0, wrapper.key.lastIndexOf("#"));
}

/** The word an import of the wrapper's module names: its file name, or the folder of an `index` module. */
function moduleWordOf(wrapper: FoundWrapper): string {
  const segments = moduleOf(wrapper).split("/");
  return (segments.at(-1) === "index" ? segments.at(-2) : segments.at(-1)) ?? "";
}

/** Step two: every other file that names a wrapper, parsed once for all the wrappers it names; then the verdicts. */
export function planProjectWrappers(wrappers: readonly FoundWrapper[], files: Iterable<ProjectFile>, options: Options = {}): ProjectWrappers {
  if (wrappers.length === 0) return { wrappers: {}, callerEdits: {} };
  for (const project of files) {
    const named = wrappersNamedIn(project.source, wrappers).filter((wrapper) => wrapper.path !== path.resolve(project.path));
    if (named.length === 0) continue;
    const file = engineFileOf(project, options);
    // A Vue, Svelte or HTML file, or one that does not parse: callers the rewrite would not reach.
    if (!file) {
      for (const wrapper of named) wrapper.escapes.push(`${path.relative(options.cwd ?? process.cwd(), path.resolve(project.path))} (not read)`);
      continue;
    }
    for (const wrapper of named) {
      const uses = importedUses(file, wrapper);
      wrapper.escapes.push(...uses.escapes.map((at) => `${path.relative(options.cwd ?? process.cwd(), file.filename)}:${at} (used as a value)`));
      wrapper.callers.push(...uses.calls.map((call) => planCaller(file, call, wrapper, options)));
    }
  }

  const result: Record<string, ProjectWrapper> = {};
  const callerEdits: Record<string, CallerEdit[]> = {};
  for (const wrapper of wrappers) {
    const problems = [...wrapper.callers.flatMap((caller) => (caller.plan.ok ? [] : [`${caller.where} (${caller.plan.reason})`])), ...wrapper.escapes];
    const good = wrapper.callers.filter((caller) => caller.plan.ok);
    // One word at every call keeps the prefix wrapper's parameter one argument (core/plan-prefix-wrapper);
    // a caller passing an args array already (a stopped run) means the args array: rewritten around it, or reported.
    const passesArgs = wrapper.callers.some((caller) => (caller.plan.ok ? caller.plan.argsPassed : caller.plan.reason === ARGS_ALREADY_PASSED));
    const multiWord = wrapper.kind === "prefix" && (passesArgs || good.some((caller) => caller.plan.ok && caller.plan.severalWords));
    const rewrite = problems.length === 0 && good.length > 0 && (wrapper.kind === "line" || multiWord);
    // The wrapper's own file rewrites its in-file callers itself (core/plan-wrapper).
    const external = good.filter((caller) => caller.edit && caller.edit[0] !== wrapper.path);
    const review: Review[] = external.flatMap((caller) => (caller.plan.ok ? caller.plan.review : []));
    const callers = [...good.map((caller) => caller.where), ...problems].join(", ");
    const values = wrapper.kind === "prefix" && problems.length === 0 && good.length > 0 ? good.map((caller) => (caller.plan.ok ? caller.plan.value! : "")) : undefined;
    result[wrapper.key] = { rewrite, callers, review, ...(multiWord ? { multiWord } : {}), ...(values ? { values } : {}) };
    if (rewrite) for (const { edit } of external) (callerEdits[edit![0]] ??= []).push({ ...edit![1], change: `${wrapper.path}:${wrapper.at}` });
  }
  return { wrappers: result, callerEdits };
}

/** The exported functions of a file whose parameter is the command line of a v0 call in them, or its last words. */
function exportedWrappers(file: EngineFile, options: Options): (Omit<WrapperFacts, "callers" | "escapes"> & { calls: TSESTree.CallExpression[] })[] {
  const found: (Omit<WrapperFacts, "callers" | "escapes"> & { calls: TSESTree.CallExpression[] })[] = [];
  for (const call of file.index.calls) {
    const site = findV0CallSite(call, file);
    if (!site || site.row.kind !== "command-line" || site.receiverKind !== "client" || call.arguments.length !== 1) continue;
    const argument = call.arguments[0]!;
    const whole = wrapperParameter(argument, file);
    const prefix = whole ? undefined : prefixWrapperOf(argument, file, options);
    const wrapper = whole ?? prefix;
    const uses = wrapper && file.functionUses(wrapper.fn);
    if (!wrapper || !uses?.exported || !uses.calls) continue;
    const { line, column } = positionOf(site);
    const at = `${line}:${column}`;
    const arity = wrapper.fn.params.some((param) => param.type === "RestElement") ? Infinity : wrapper.fn.params.length;
    const typed = languageOf(file.filename) === "ts" && (whole !== undefined || wrapper.param.typeAnnotation?.typeAnnotation.type === "TSStringKeyword");
    const kind = whole ? "line" : "prefix";
    found.push({ kind, key: `${moduleKeyOf(file.filename)}#${uses.name}`, name: uses.name, index: wrapper.index, arity, typed, path: file.filename, at, calls: uses.calls });
  }
  return found;
}

/** A wrapper whose parameter is a whole word after a fixed command: the same test as its own file's (core/plan-prefix-wrapper). */
function prefixWrapperOf(argument: Node, file: EngineFile, options: Options): WrapperParameter | undefined {
  const line = describeCommandLine(argument, file);
  const found = line.static ? prefixParameter(argument, line, file) : undefined;
  return found && line.static && planPrefixExec(line, found.expression, lineOptionsOf(file, options)) ? found : undefined;
}

/** Calls of the wrapper imported by name in another file, and places where it is used otherwise. */
function importedUses(file: EngineFile, wrapper: WrapperFacts): { calls: TSESTree.CallExpression[]; escapes: string[] } {
  const calls: TSESTree.CallExpression[] = [];
  const escapes: string[] = [];
  const moduleOfWrapper = moduleOf(wrapper);
  for (const statement of file.program.body) {
    const exportsIt = statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration";
    if ((statement.type !== "ImportDeclaration" && !exportsIt) || !statement.source) continue;
    const specifier = String(statement.source.value);
    if (!specifier.startsWith(".") || !importNamesModule(path.dirname(file.filename), specifier, moduleOfWrapper)) continue;
    const at = `${statement.loc.start.line}:${statement.loc.start.column + 1}`;
    // `export { run } from "./cli"`, `export * from "./cli"`, `import * as cli`: callers beyond this file's view.
    if (exportsIt) {
      escapes.push(at);
      continue;
    }
    for (const spec of statement.specifiers) {
      if (spec.type === "ImportNamespaceSpecifier") escapes.push(at);
      if (spec.type !== "ImportSpecifier") continue;
      const imported = spec.imported.type === "Identifier" ? spec.imported.name : String(spec.imported.value);
      if (imported !== wrapper.name) continue;
      for (const ref of file.references(spec.local)) {
        const owner = ref.identifier.parent;
        if (owner?.type === "CallExpression" && owner.callee === ref.identifier) calls.push(owner);
        else escapes.push(`${ref.identifier.loc.start.line}:${ref.identifier.loc.start.column + 1}`);
      }
    }
  }
  return { calls, escapes };
}

/**
 * The calls `project` makes of the wrappers, imported by name from their modules, at their
 * positions: what the CLI would rewrite in this file from the wrapper's module (the jscodeshift
 * entry, which sees one file, says so instead of writing another rewrite).
 */
export function wrapperCallsIn(project: ProjectFile, wrappers: readonly FoundWrapper[], options: Options = {}): { name: string; module: string; line: number; column: number }[] {
  const named = wrappersNamedIn(project.source, wrappers).filter((wrapper) => wrapper.path !== path.resolve(project.path));
  const file = named.length > 0 ? engineFileOf(project, options) : null;
  if (!file) return [];
  return named.flatMap((wrapper) => importedUses(file, wrapper).calls.map((call) => ({ name: wrapper.name, module: wrapper.path, line: call.loc.start.line, column: call.loc.start.column + 1 })));
}
