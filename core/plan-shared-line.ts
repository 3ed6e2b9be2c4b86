/**
 * A command line held in a constant that other code reads too (a log, a v1 call). Its words
 * written at the call would be a copy: the log would no longer show what runs, and a later
 * edit of the constant would change nothing. So the words are built once, in a constant of
 * their own right before it, and the line becomes their join: one source for both.
 *
 * Before: const line = `run --rm ${image}`;
 *         console.log(line);  execHostCmd(line)
 * After:  const [lineCommand, ...lineArgs] = ["run", "--rm", image];
 *         const line = [lineCommand, ...lineArgs].join(" ");
 *         console.log(line);  …exec(lineCommand, lineArgs)
 *
 * Only where the join gives back the very same string: words one space apart, unquoted, with
 * no escape and no value the shell re-split (`${TOOL}` holding two words). Otherwise the line
 * the other code reads would change, and the call is reported as `shared-command-line`.
 */
import { planWords, type CommandLineDescription, type CommandLinePlanOptions, type SharedConstant } from "./plan-command-line.js";
import type { Edit, ManualReason, Review } from "./report.js";
import type { Word } from "./split-command-line.js";

export type SharedLinePlan =
  | { readonly ok: true; readonly edits: readonly Edit[]; readonly argumentText: string; readonly review: readonly Review[] }
  | { readonly ok: false; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

type StaticLine = Extract<CommandLineDescription, { static: true }>;

export function planSharedLine(line: StaticLine, shared: SharedConstant, options: CommandLinePlanOptions): SharedLinePlan {
  const planned = planWords(line, options);
  if (!planned.ok) return planned;
  const declaration = shared.declaration;
  if (!declaration || !joinsBack(line, planned.words) || planned.emitted.some((word) => word.text.startsWith("..."))) {
    return { ok: false, reason: "shared-command-line", data: { constant: shared.name } };
  }
  const { command, args } = declaration;
  const elements = planned.emitted.map((word) => word.text).join(", ");
  const end = declaration.semicolon ? ";" : "";
  return {
    ok: true,
    edits: [
      { start: declaration.statementStart, end: declaration.statementStart, text: `const [${command}, ...${args}] = [${elements}]${end}\n${declaration.indent}` },
      { ...declaration.init, text: `[${command}, ...${args}].join(" ")` },
    ],
    argumentText: `${command}, ${args}`,
    review: planned.emitted.flatMap((word) => word.review),
  };
}

/** The words joined by one space give back the line, whatever values its interpolations hold. */
function joinsBack(line: StaticLine, words: readonly Word[]): boolean {
  const marker = (id: number): string => `\0${id}\0`;
  const original = line.segments.map((segment) => (segment.kind === "text" ? segment.text : marker(segment.id))).join("");
  let rebuilt = "";
  for (const [i, word] of words.entries()) {
    if (i > 0) rebuilt += " ";
    for (const piece of word.pieces) {
      // A quote, an escape or a value the shell re-split is text the join would not give back.
      if (piece.kind === "expr" ? piece.quoting !== "none" : piece.raw !== piece.value || piece.fromExpansion !== undefined) return false;
      rebuilt += piece.kind === "expr" ? marker(piece.id) : piece.raw;
    }
  }
  return rebuilt === original;
}
