/**
 * A v0 command line read with the codemod's splitter and word rules, without a shell: the
 * compat layer never starts one, so a line that needs one is refused with the reason.
 */
import { isPlainWordValue } from "../core/emit-words.js";
import { splitCommandLine, wordValue } from "../core/split-command-line.js";

/**
 * The line's words as v1 `cmd` + `args`. A plain value (no whitespace, quote, backslash, `$`)
 * passes as it is; any other word keeps its quoting, which Docker Desktop's non-streamed exec
 * re-reads into the same word, unless `rawArgs` (hosts that pass args through) asks for values.
 * Before: execHostCmd(`psql -c "select 1"`)  After: exec("psql", ["-c", '"select 1"'])
 */
export function commandWords(line: string, rawArgs: boolean, member: string): string[] {
  const split = splitCommandLine([{ kind: "text", text: line }]);
  // Short prose, not deprecations/messages.ts: that table of every report sentence would cost this browser bundle ~600 bytes.
  if (!split.ok) throw new Error(`\`ddClient.${member}(${JSON.stringify(line)})\` needs a shell (${split.reason} \`${split.operator}\`), and v1 runs none: call exec() once per command.`);
  if (!split.words.length) throw new Error(`\`ddClient.${member}\` got an empty command line.`);
  return split.words.map((word) => {
    const value = wordValue(word)!;
    return rawArgs || isPlainWordValue(value) ? value : word.pieces.map((piece) => (piece.kind == "text" ? piece.raw : "")).join("");
  });
}
