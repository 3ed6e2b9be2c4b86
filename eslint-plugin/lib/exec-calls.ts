/**
 * Calls that run a command, v0 and v1, and the command-line pieces each one passes: what
 * `no-shell-operators` and `exec-args-array` inspect.
 *
 *   v0 execHostCmd(line), backend.execInVMExtension(line), backend.execInContainer(id, line)
 *   v0 execDockerCmd(cmd, ...args)                            (joined into one line by the shell)
 *   v1 extension.host.cli.exec(cmd, args), extension.vm.cli.exec(cmd, args), docker.cli.exec(cmd, args)
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { findV0CallSite, memberChain } from "./call-sites.js";
import { classifyClient } from "./clients.js";
import type { LintFile } from "./file.js";

type Node = TSESTree.Node;

export type ExecCall =
  /** One shell command line: `lines` holds its one node, or (execDockerCmd) every argument, joined by blanks. */
  | { readonly api: "v0"; readonly member: string; readonly lines: readonly Node[] }
  /** `cmd` and the `args` argument as written (an array literal, a variable, or absent). */
  | { readonly api: "v1"; readonly member: string; readonly cmd: Node; readonly args: Node | undefined; readonly streamed: boolean };

const V0_LINE_ARGUMENT: Record<string, number> = { execHostCmd: 0, "backend.execInVMExtension": 0, "backend.execInContainer": 1 };
const V1_EXEC_PATHS = ["extension.host.cli.exec", "extension.vm.cli.exec", "docker.cli.exec"].map((path) => path.split("."));

export function findExecCall(call: TSESTree.CallExpression, file: LintFile): ExecCall | null {
  if (call.arguments.some((arg) => arg.type === "SpreadElement")) return null;
  const site = findV0CallSite(call, file);
  if (site) {
    const member = site.row.id;
    if (member === "execDockerCmd") return call.arguments.length ? { api: "v0", member, lines: call.arguments } : null;
    const line = V0_LINE_ARGUMENT[member] === undefined ? undefined : call.arguments[V0_LINE_ARGUMENT[member]!];
    return line ? { api: "v0", member, lines: [line] } : null;
  }
  const path = V1_EXEC_PATHS.find((names) => isV1Exec(call, names, file));
  const [cmd, args, options] = call.arguments;
  if (!path || !cmd) return null;
  const streamed = options?.type === "ObjectExpression" && options.properties.some((p) => p.type === "Property" && !p.computed && p.key.type === "Identifier" && p.key.name === "stream");
  return { api: "v1", member: path.join("."), cmd, args, streamed };
}

/** `R.extension.host!.cli.exec(…)` on any receiver not known to be something else, or on a piece destructured from one. */
function isV1Exec(call: TSESTree.CallExpression, names: readonly string[], file: LintFile): boolean {
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
