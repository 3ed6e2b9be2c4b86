/**
 * Answers about a node that every rule, and each codemod pass, asks of the same file: computed
 * once per file and node, kept in the file's `answers` as long as the file is.
 *
 *   const findSite = perFile((call, file) => …);   findSite(call, file) twice → one computation
 */
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";

export function perFile<N extends Node, T>(compute: (node: N, file: EngineFile) => T): (node: N, file: EngineFile) => T {
  const key = Symbol("per-file answers");
  return (node, file) => {
    let known = file.answers.get(key) as Map<N, T> | undefined;
    if (!known) file.answers.set(key, (known = new Map()));
    if (known.has(node)) return known.get(node)!;
    const value = compute(node, file);
    known.set(node, value);
    return value;
  };
}

/** One answer per file: `const sweepOf = oncePerFile((file) => …)`. */
export function oncePerFile<T>(compute: (file: EngineFile) => T): (file: EngineFile) => T {
  const key = Symbol("per-file answer");
  return (file) => {
    if (file.answers.has(key)) return file.answers.get(key) as T;
    const value = compute(file);
    file.answers.set(key, value);
    return value;
  };
}
