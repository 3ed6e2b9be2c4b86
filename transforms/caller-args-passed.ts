/**
 * A wrapper's caller already in the shape the project rewrite gives it, while the wrapper is
 * still v0: a run stopped between writing the caller's file and the wrapper's module, which goes
 * last (cli/run). Rewriting such a call again would nest its args (`run("helm", [], ["repo", "list"])`).
 *
 * Before (prefix `run(sub: string)`): run(["repo", "list"])
 * Before (line `run(cmd: string)`):   run("helm", ["repo", "list"])
 */
import type { TSESTree } from "../engine/ast.js";
import { languageOf } from "./parse.js";

export interface CalledWrapper {
  /** `line`: the parameter is the whole command line; `prefix`: its last words. */
  readonly kind: "line" | "prefix";
  readonly index: number;
  /** How many arguments the wrapper takes (Infinity with a rest parameter). */
  readonly arity: number;
  /** A TypeScript module whose parameter is declared `string` (a prefix wrapper) or any (a line wrapper). */
  readonly typed: boolean;
}

/**
 * `rewritten`: only the rewrite can have written the call (in TypeScript it does not typecheck
 * against the v0 wrapper: an array for `sub: string`, an argument too many, all string
 * literals), so the wrapper can be finished around it; `unsure`: the shape, but it may be the
 * project's own code, to report; undefined: not that shape.
 */
export function argsPassedAlready(filename: string, call: TSESTree.CallExpression, wrapper: CalledWrapper): "rewritten" | "unsure" | undefined {
  const args = wrapper.kind === "prefix" ? call.arguments[wrapper.index] : call.arguments[wrapper.index + 1];
  const shaped = wrapper.kind === "prefix" ? args?.type === "ArrayExpression" : args !== undefined && (args.type === "ArrayExpression" || call.arguments.length > wrapper.arity);
  if (!shaped) return undefined;
  const typeError = wrapper.typed && languageOf(filename) === "ts" && (wrapper.kind === "prefix" || call.arguments.length > wrapper.arity);
  const words = args?.type === "ArrayExpression" && args.elements.every(isString);
  const command = wrapper.kind === "prefix" || isString(call.arguments[wrapper.index] ?? null);
  return typeError && words && command ? "rewritten" : "unsure";
}

const isString = (node: TSESTree.Node | null): boolean => node?.type === "Literal" && typeof node.value === "string";
