/**
 * Calls that run a command, v0 and v1, and the command-line pieces each one passes: what
 * `no-shell-operators` and `exec-args-array` inspect.
 *
 *   v0 execHostCmd(line), backend.execInVMExtension(line), backend.execInContainer(id, line)
 *   v0 execDockerCmd(cmd, ...args)                            (joined into one line by the shell)
 *   v1 extension.host.cli.exec(cmd, args), extension.vm.cli.exec(cmd, args), docker.cli.exec(cmd, args)
 */
import { DEPRECATIONS, type DeprecationKind } from "../deprecations/table.js";
import type { Node, TSESTree } from "./ast.js";
import { findV0CallSite, memberChain } from "./call-sites.js";
import { classifyClient } from "./clients.js";
import type { EngineFile } from "./file.js";

export type ExecCall =
  /** One shell command line: `lines` holds its one node, or (execDockerCmd) every argument, joined by blanks. */
  | { readonly api: "v0"; readonly member: string; readonly lines: readonly Node[] }
  /** `cmd` and the `args` argument as written (an array literal, a variable, or absent). */
  | { readonly api: "v1"; readonly member: string; readonly cmd: Node; readonly args: Node | undefined; readonly streamed: boolean };

/** Which argument of a v0 call is its command line, by the row's kind (`execDockerCmd` joins them all). */
const LINE_ARGUMENT: Partial<Record<DeprecationKind, number>> = { "command-line": 0, "container-exec": 1 };
const RUNS_A_COMMAND = new Set<DeprecationKind>(["command-line", "container-exec", "docker-rest", "spawn"]);

/** The v1 paths that run a command: every replacement of a row that runs one (`extension.host.cli.exec`, …). */
const V1_EXEC_PATHS = [...new Set(DEPRECATIONS.filter((row) => RUNS_A_COMMAND.has(row.kind)).map((row) => row.v1.replace(/\?/g, "")))].map((path) => path.split("."));

export function findExecCall(call: TSESTree.CallExpression, file: EngineFile): ExecCall | null {
  if (call.arguments.some((arg) => arg.type === "SpreadElement")) return null;
  const site = findV0CallSite(call, file);
  if (site) {
    const member = site.row.id;
    if (site.row.kind === "docker-rest") return call.arguments.length ? { api: "v0", member, lines: call.arguments } : null;
    const index = LINE_ARGUMENT[site.row.kind];
    const line = index === undefined ? undefined : call.arguments[index];
    return line ? { api: "v0", member, lines: [line] } : null;
  }
  const path = V1_EXEC_PATHS.find((names) => isV1Exec(call, names, file));
  const [cmd, args, options] = call.arguments;
  if (!path || !cmd) return null;
  const streamed = options?.type === "ObjectExpression" && options.properties.some((p) => p.type === "Property" && !p.computed && p.key.type === "Identifier" && p.key.name === "stream");
  return { api: "v1", member: path.join("."), cmd, args, streamed };
}

/** `R.extension.host!.cli.exec(…)` on any receiver not known to be something else, or on a piece destructured from one. */
function isV1Exec(call: TSESTree.CallExpression, names: readonly string[], file: EngineFile): boolean {
  let callee: Node = call.callee;
  while (callee.type === "TSNonNullExpression") callee = callee.expression;
  const chain = memberChain(callee, names.length);
  if (!chain || !chain.segments.every((segment, i) => segment.name === names[i] || (i === 0 && !chain.object))) return false;
  if (chain.object) return classifyClient(chain.object, file) !== "not-client";
  // Before: const { docker } = createDockerDesktopClient(); docker.cli.exec(…)
  const binding = file.resolve(call, chain.segments[0]!.name);
  return binding.kind === "destructured" && binding.property === names[0] && classifyClient(binding.init, file) !== "not-client";
}

const SHELLS = new Set(["sh", "bash", "dash", "ash", "zsh", "ksh"]);

export function isShell(value: string | undefined): boolean {
  return value !== undefined && SHELLS.has(value.slice(value.lastIndexOf("/") + 1));
}

/** `-c`, `-lc`, `-ec`: the option after which a shell reads its script. */
export function isScriptOption(value: string | undefined): boolean {
  return value !== undefined && /^-[a-z]*c[a-z]*$/.test(value);
}
