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
 * wrapper is reported with its callers listed.
 */
import path from "node:path";
import jscodeshift from "jscodeshift";
import { moduleKeyOf } from "../core/client-modules.js";
import { planCommandLine } from "../core/plan-command-line.js";
import type { ProjectWrapper, ProjectWrappers } from "../core/plan-wrapper.js";
import type { Edit, Review } from "../core/report.js";
import { wrapperParameter } from "./exec-command-line.js";
import { findV0CallSites } from "./lib/call-sites.js";
import { moduleKey, type ClientModules } from "./lib/client-modules.js";
import { describeCommandLine, type DescribeContext } from "./lib/describe-command-line.js";
import { functionUses } from "./lib/function-uses.js";
import { languageOf, parseSource } from "./lib/parse.js";
import { walkFile, type NodePath } from "./lib/scope.js";
import { markupKindOf } from "./embedded.js";
import { mayContainV0Call } from "./migrate.js";

interface ProjectFile {
  readonly path: string;
  readonly source: string;
}

interface Parsed {
  readonly root: any;
  readonly text: string;
  readonly ctx: DescribeContext & { root: any; j: any };
  readonly quote: '"' | "'";
  readonly calls: NodePath[];
}

function parseFile(file: ProjectFile): Parsed | null {
  if (markupKindOf(file.path)) return null;
  const text = file.source.replace(/^\uFEFF/, "");
  let root: any;
  try {
    root = parseSource(text, file.path).root;
  } catch {
    return null; // The migration reports the parse error.
  }
  const walk = walkFile(root.paths()[0], jscodeshift, text);
  const ctx = {
    source: text,
    reassignments: walk.reassignments,
    root,
    j: jscodeshift,
    callsOf: (fn: NodePath) => {
      const uses = functionUses(fn, root, jscodeshift);
      return uses && !uses.exported ? uses.calls : null;
    },
  };
  return { root, text, ctx, quote: walk.quotes.single > walk.quotes.double ? "'" : '"', calls: walk.calls };
}

interface Wrapper {
  readonly key: string;
  readonly name: string;
  readonly index: number;
  readonly file: ProjectFile;
  readonly inFileCalls: NodePath[];
  readonly parsed: Parsed;
}

/** `cwd`: caller paths in the report are relative to it. */
export function scanProjectWrappers(files: readonly ProjectFile[], options: { rawArgs?: boolean; clientModules?: ClientModules; cwd?: string } = {}): ProjectWrappers {
  const cwd = options.cwd ?? process.cwd();
  // A file is parsed once per scan, however many wrappers it defines or calls.
  const parsedFiles = new Map<ProjectFile, Parsed | null>();
  const parsedOnce = (file: ProjectFile): Parsed | null => {
    if (!parsedFiles.has(file)) parsedFiles.set(file, parseFile(file));
    return parsedFiles.get(file)!;
  };
  const wrappers: Wrapper[] = [];
  for (const file of files) {
    if (!mayContainV0Call(file.source)) continue;
    const parsed = parsedOnce(file);
    if (!parsed) continue;
    const clients = { filePath: file.path, ...(options.clientModules ? { clientModules: options.clientModules } : {}) };
    for (const site of findV0CallSites(parsed.calls, parsed.text, parsed.ctx.reassignments, clients)) {
      if (site.row.kind !== "command-line" || site.receiverKind !== "client" || site.call.node.arguments.length !== 1) continue;
      const found = wrapperParameter(site.call.get("arguments", 0), parsed.ctx);
      const uses = found && functionUses(found.fn, parsed.root, jscodeshift);
      if (!found || !uses?.exported || !uses.calls) continue;
      wrappers.push({ key: `${moduleKey(file.path)}#${uses.name}`, name: uses.name, index: found.index, file, inFileCalls: uses.calls, parsed });
    }
  }
  const result: Record<string, ProjectWrapper> = {};
  const callerEdits: Record<string, Edit[]> = {};
  for (const wrapper of wrappers) {
    const callers: string[] = [];
    const problems: string[] = [];
    const review: Review[] = [];
    const edits: [string, Edit][] = [];
    const check = (file: ProjectFile, parsed: Parsed, call: NodePath, external: boolean): void => {
      const where = `${path.relative(cwd, file.path)}:${call.node.loc.start.line}:${call.node.loc.start.column + 1}`;
      const arg = call.node.arguments[wrapper.index];
      const line = arg && arg.type !== "SpreadElement" ? describeCommandLine(call.get("arguments", wrapper.index), parsed.ctx) : ({ static: false } as const);
      const planned = planCommandLine(line, { quote: parsed.quote, typescript: languageOf(file.path) === "ts", rawArgs: options.rawArgs === true });
      if (!planned.ok) {
        problems.push(`${where} (${planned.reason})`);
        return;
      }
      callers.push(where);
      if (!external) return;
      review.push(...planned.review);
      edits.push([path.resolve(file.path), { start: arg.start, end: arg.end, text: `${planned.cmd}, [${planned.args.join(", ")}]` }]);
    };
    for (const call of wrapper.inFileCalls) check(wrapper.file, wrapper.parsed, call, false);
    for (const file of files) {
      if (file === wrapper.file || !file.source.includes(wrapper.name)) continue;
      const parsed = parsedOnce(file);
      if (!parsed) continue;
      const uses = importedUses(parsed, file.path, wrapper);
      for (const escape of uses.escapes) problems.push(`${path.relative(cwd, file.path)}:${escape} (used as a value)`);
      for (const call of uses.calls) check(file, parsed, call, true);
    }
    const rewrite = problems.length === 0 && callers.length > 0;
    result[wrapper.key] = { rewrite, callers: [...callers, ...problems].join(", "), review };
    if (rewrite) for (const [file, edit] of edits) (callerEdits[file] ??= []).push(edit);
  }
  return { wrappers: result, callerEdits };
}

/** Calls of the wrapper imported by name in another file, and places where it is used otherwise. */
function importedUses(parsed: Parsed, filePath: string, wrapper: Wrapper): { calls: NodePath[]; escapes: string[] } {
  const calls: NodePath[] = [];
  const escapes: string[] = [];
  const program = parsed.root.paths()[0].get("program");
  for (const statement of program.node.body as any[]) {
    const exportsIt = statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration";
    if ((statement.type !== "ImportDeclaration" && !exportsIt) || !statement.source) continue;
    const specifier: string = statement.source.value;
    if (!specifier.startsWith(".") || moduleKeyOf(`${path.dirname(path.resolve(filePath))}/${specifier}`) !== wrapper.key.split("#")[0]) continue;
    const at = `${statement.loc.start.line}:${statement.loc.start.column + 1}`;
    // `export { run } from "./cli"`, `export * from "./cli"`, `import * as cli`: callers beyond this file's view.
    if (exportsIt) {
      escapes.push(at);
      continue;
    }
    for (const spec of statement.specifiers as any[]) {
      if (spec.type === "ImportNamespaceSpecifier") escapes.push(at);
      if (spec.type !== "ImportSpecifier" || (spec.imported.name ?? spec.imported.value) !== wrapper.name) continue;
      const local: string = spec.local.name;
      parsed.root.find(jscodeshift.Identifier, { name: local }).forEach((ref: NodePath) => {
        if (ref.node === spec.local || ref.parent?.node.type === "ImportSpecifier") return;
        const owner = ref.parent!.node;
        // `x.run` and `{ run: 1 }` name something else.
        if (owner.type === "MemberExpression" && owner.property === ref.node && !owner.computed) return;
        if (owner.type === "ObjectProperty" && owner.key === ref.node && !owner.computed && !owner.shorthand) return;
        if (ref.scope?.lookup(local) !== program.scope) return;
        if (ref.name === "callee" && owner.type === "CallExpression") calls.push(ref.parent!);
        else escapes.push(`${ref.node.loc.start.line}:${ref.node.loc.start.column + 1}`);
      });
    }
  }
  return { calls, escapes };
}
