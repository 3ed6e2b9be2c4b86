/**
 * The pieces of command line an exec call passes, split by core's shell word rules: a v0
 * line, each `execDockerCmd` argument, a v1 `cmd` and each `args` element.
 */
import { splitCommandLine, wordValue, type LineSegment, type SplitResult } from "../core/split-command-line.js";
import type { Node, TSESTree } from "./ast.js";
import { describeCommandLine } from "./describe-command-line.js";
import { findExecCall, isScriptOption, isShell, type ExecCall } from "./exec-calls.js";
import type { EngineFile } from "./file.js";
import { perFile } from "./per-file.js";

export interface CommandPiece {
  readonly node: Node;
  /** The split, or null when the piece is not known statically. */
  readonly split: SplitResult | null;
  /** The piece's value when it is a literal (no interpolation of unknown value). */
  readonly value: string | undefined;
  /** Holds a value only known at run time. */
  readonly dynamic: boolean;
}

/**
 * An interpolation whose one value the file shows was pasted into the line before the shell
 * read it: split it as text. Before: const PIPE = "| wc -l"; `ls ${PIPE}`   (a pipe to the shell)
 */
export function describePiece(node: Node, file: EngineFile): CommandPiece {
  const line = describeCommandLine(node, file);
  if (!line.static) return { node, split: null, value: undefined, dynamic: true };
  const known = new Map(line.expressions.map((expression) => [expression.id, expression.knownValues]));
  const segments: LineSegment[] = line.segments.map((segment) => {
    const values = segment.kind === "expr" ? known.get(segment.id) : undefined;
    return segment.kind === "expr" && values?.length === 1 ? { kind: "expansion", id: segment.id, text: values[0]! } : segment;
  });
  const dynamic = segments.some((segment) => segment.kind === "expr");
  const value = dynamic ? undefined : segments.map((segment) => (segment.kind === "expr" ? "" : segment.text)).join("");
  return { node, split: splitCommandLine(segments), value, dynamic };
}

/** One entry per shell word the command passes, as far as it is known: to spot `sh -c <script>`. */
export interface CommandWord {
  readonly node: Node;
  readonly value: string | undefined;
  readonly dynamic: boolean;
}

export function commandWords(exec: ExecCall, pieces: readonly CommandPiece[]): CommandWord[] {
  // A v0 line is one piece holding every word; elsewhere each piece is one word.
  if (exec.api === "v0" && exec.lines.length === 1) {
    const [piece] = pieces;
    if (!piece?.split?.ok) return [];
    return piece.split.words.map((word) => ({ node: piece.node, value: wordValue(word), dynamic: word.pieces.some((p) => p.kind === "expr") }));
  }
  return pieces.map(({ node, value, dynamic }) => ({ node, value, dynamic }));
}

/** The pieces of an exec call, in order. */
export function commandPieces(exec: ExecCall, file: EngineFile): CommandPiece[] {
  const nodes = exec.api === "v0" ? exec.lines : [exec.cmd, ...(exec.args?.type === "ArrayExpression" ? exec.args.elements : [])];
  return nodes.filter((node): node is Node => node !== null && node.type !== "SpreadElement").map((node) => describePiece(node, file));
}

/** A `sh -c <script>`: the script's node, the shell's name, and whether run-time values build it. */
export interface ShellScript {
  readonly node: Node;
  readonly shell: string;
  readonly dynamic: boolean;
}

export interface ExecCommand {
  readonly exec: ExecCall;
  readonly pieces: readonly CommandPiece[];
  readonly words: readonly CommandWord[];
  /** Before: exec("sh", ["-c", `tar czf ${name}.tgz /data`]) — the word after a shell's `-c`. */
  readonly scripts: readonly ShellScript[];
}

/** An exec call's command as the shell and args rules read it, once per file for both. */
export const describeExecCommand = perFile((call: TSESTree.CallExpression, file: EngineFile): ExecCommand | null => {
  const exec = findExecCall(call, file);
  if (!exec) return null;
  const pieces = commandPieces(exec, file);
  const words = commandWords(exec, pieces);
  const scripts: ShellScript[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    if (isShell(words[i]!.value) && isScriptOption(words[i + 1]!.value)) scripts.push({ node: words[i + 2]!.node, shell: words[i]!.value!, dynamic: words[i + 2]!.dynamic });
  }
  return { exec, pieces, words, scripts };
});
