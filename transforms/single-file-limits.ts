/**
 * What a migration of one file alone (the jscodeshift entry) cannot do as the CLI does: an
 * exported wrapper of a command line is rewritten by the CLI together with its callers in
 * other files (transforms/project-wrappers), so both the wrapper's module and each caller's
 * file come out differently when each is seen alone. The entry reports these places and points
 * to the CLI rather than write another rewrite silently.
 *
 * Before: src/api/cli.ts  export function run(cmd: string) { return ddClient.execHostCmd(cmd); }
 *         src/Pods.tsx    import { run } from "./api/cli"; run("kubectl get pods")
 * The CLI writes run(cmd, args) and run("kubectl", ["get", "pods"]); one file alone cannot.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findProjectWrappers, mayDefineWrapper, wrapperCallsIn } from "./project-wrappers.js";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export interface SingleFileLimit {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `./api/cli` from `src/Pods.tsx` → `src/api/cli.ts` as TypeScript and bundlers resolve it (`./cli.js` names `cli.ts` too). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.[mc]?jsx?$/, "");
  const candidates = [base, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

const RELATIVE_IMPORT = /\bfrom\s*["'](\.{1,2}\/[^"']*)["']/g;

export function singleFileLimits(source: string, filePath: string, cwd = process.cwd()): SingleFileLimit[] {
  const file = path.resolve(filePath);
  const relative = (target: string): string => path.relative(cwd, target) || target;
  const limits: SingleFileLimit[] = [];
  // Its own exported wrappers: the CLI rewrites them with callers this file does not show.
  if (mayDefineWrapper(source)) {
    for (const wrapper of findProjectWrappers([{ path: file, source }], { cwd })) {
      const [line, column] = wrapperPosition(source, wrapper.name);
      limits.push({ line, column, message: `\`${wrapper.name}\` is an exported command-line wrapper: the CLI rewrites it together with its callers in other files where it sees them all, which a transform of one file cannot; run \`ddclient-migrate\` over the whole tree.` });
    }
  }
  // Its calls of wrappers exported by the modules it imports: the CLI rewrites them from there.
  const modules = [...new Set([...source.matchAll(RELATIVE_IMPORT)].map((match) => resolveRelative(file, match[1]!)))].flatMap((module) => {
    if (!module || module === file) return [];
    try {
      return [{ path: module, source: readFileSync(module, "utf8") }];
    } catch {
      return [];
    }
  });
  const wrappers = findProjectWrappers(modules, { cwd });
  for (const call of wrapperCallsIn({ path: file, source }, wrappers, { cwd })) {
    limits.push({
      line: call.line,
      column: call.column,
      message: `\`${call.name}\` is a command-line wrapper exported by ${relative(call.module)}: the CLI rewrites this call together with it when it sees all its callers, which a transform of one file cannot; run \`ddclient-migrate\` over the whole tree.`,
    });
  }
  return limits;
}

/** Where the wrapper's name is declared, for the report: its first occurrence after `export`. */
function wrapperPosition(source: string, name: string): [number, number] {
  const at = new RegExp(`\\bexport\\b[^\\n]*?\\b${name.replace(/\$/g, "\\$")}\\b`).exec(source);
  const offset = at ? at.index + at[0].length - name.length : 0;
  const before = source.slice(0, offset).split("\n");
  return [before.length, before.at(-1)!.length + 1];
}
