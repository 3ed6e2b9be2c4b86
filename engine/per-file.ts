/**
 * Answers about a node that every rule, and each codemod pass, asks of the same file: computed
 * once per file and node, kept as long as the file is.
 *
 *   const findSite = perFile((call, file) => …);   findSite(call, file) twice → one computation
 */
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";

export function perFile<N extends Node, T>(compute: (node: N, file: EngineFile) => T): (node: N, file: EngineFile) => T {
  const byFile = new WeakMap<EngineFile, Map<N, T>>();
  return (node, file) => {
    let known = byFile.get(file);
    if (!known) byFile.set(file, (known = new Map()));
    if (known.has(node)) return known.get(node)!;
    const value = compute(node, file);
    known.set(node, value);
    return value;
  };
}
