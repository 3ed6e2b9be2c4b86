/**
 * API.md's word rules: how one shell word of a v0 command line becomes one element of the
 * v1 `args` array (or the `cmd`), and what the report must say about it.
 */
import type { Review } from "./report.js";
import { escapeTemplateText, quoteString, type QuoteChar } from "./js-literals.js";
import type { Word, WordPiece } from "./split-command-line.js";

export interface EmitContext {
  readonly quote: QuoteChar;
  readonly typescript: boolean;
  /** Emit values instead of quoting-kept text, for hosts that pass args through. */
  readonly rawArgs: boolean;
  /** Source text of interpolation `id`. */
  exprText(id: number): string;
  /** The file shows every value of interpolation `id` is one plain word: no review needed. */
  isKnownPlainWord(id: number): boolean;
  /** `list` when interpolation `id` is `list.join(" ")`. */
  joinedArrayText(id: number): string | undefined;
  /** The file shows interpolation `id` may not be a string. */
  isNonString(id: number): boolean;
  /** The file shows interpolation `id` is built with literal quote characters (`"${path}"`). */
  hasQuoteCharacters?(id: number): boolean;
}

export interface EmittedWord {
  readonly text: string;
  readonly review: readonly Review[];
}

/**
 * A value means the same on every host only without whitespace, quotes, backslashes or `$`
 * (Docker Desktop's non-streamed exec re-reads them), and when not empty (it would vanish).
 */
export function isPlainWordValue(value: string): boolean {
  return value !== "" && !/[\s'"\\$`]/.test(value);
}

function rawText(pieces: readonly WordPiece[], ctx: EmitContext): string {
  return pieces.map((piece) => (piece.kind === "text" ? piece.raw : `\${${ctx.exprText(piece.id)}}`)).join("");
}

export function emitWord(word: Word, ctx: EmitContext): EmittedWord {
  const pieces = word.pieces;
  const review: Review[] = [];
  const exprs = pieces.filter((piece): piece is Extract<WordPiece, { kind: "expr" }> => piece.kind === "expr");
  // Before: `ls ${files.join(" ")}`  After: "ls", [...files]   (the shell made one word of each element)
  const joined = pieces.length === 1 && exprs[0]?.quoting === "none" ? ctx.joinedArrayText(exprs[0].id) : undefined;
  if (joined !== undefined) return { text: `...${joined}`, review: [{ reason: "joined-array-spread", data: { expression: ctx.exprText(exprs[0]!.id), array: joined } }] };
  // Before: `Test-Path -Path '${path}'`  After (--raw-args): "Test-Path", ["-Path", path]
  // Inside quotes the shell did not split the value: the word was the value, its quotes gone.
  // A value the file shows is only left in the quotes when it cannot end them (core/plan-command-line);
  // a value it does not show is taken the same way, as `${x}` is taken as one word outside
  // quotes (a value holding the quote broke v0's line too). Where the file shows every value is
  // a plain word, the value alone means the same on every host. Otherwise it is a word like
  // any other that only some hosts read as one (API.md): its quoting is kept, which Docker
  // Desktop's non-streamed exec reads as one word, unless raw values are asked for.
  const quotedAlone = exprs.length === 1 && exprs[0]!.quoting !== "none" && pieces.every((piece) => piece.kind === "expr" || piece.value === "");
  if (quotedAlone && (ctx.isKnownPlainWord(exprs[0]!.id) || ctx.rawArgs)) {
    const { id } = exprs[0]!;
    const text = ctx.exprText(id);
    return {
      text: ctx.typescript && !ctx.isNonString(id) ? text : `String(${text})`,
      review: ctx.isKnownPlainWord(id) ? [] : [{ reason: "host-dependent-word", data: { word: rawText(pieces, ctx), emitted: "raw" } }],
    };
  }
  for (const expr of exprs) {
    if (expr.quoting === "none" && !ctx.isKnownPlainWord(expr.id)) {
      // Before: const target = `"${path}"`; `ls ${target}`: the shell stripped the quotes, the program now gets them.
      const expression = ctx.exprText(expr.id);
      review.push({ reason: "interpolation-not-resplit", data: ctx.hasQuoteCharacters?.(expr.id) ? { expression, quotes: "kept" } : { expression } });
    }
  }
  const plain = pieces.every((piece) => (piece.kind === "text" ? piece.value === "" || isPlainWordValue(piece.value) : piece.quoting === "none"));
  const value = pieces.map((piece) => (piece.kind === "text" ? piece.value : "\0")).join("");
  const hostDependent = !plain || value === "" || (exprs.length === 0 && !isPlainWordValue(value));
  const keepQuoting = hostDependent && !ctx.rawArgs;
  if (hostDependent) review.push({ reason: "host-dependent-word", data: { word: rawText(pieces, ctx), emitted: ctx.rawArgs ? "raw" : "quoted" } });

  if (exprs.length === 0) {
    return { text: quoteString(keepQuoting ? rawText(pieces, ctx) : value, ctx.quote), review };
  }
  // Before: `logs ${id}`  After: "logs", id   (a lone interpolation stays a bare expression;
  // in JavaScript String() keeps the value a string, as the shell line made it)
  if (!keepQuoting && pieces.length === 1) {
    const text = ctx.exprText(exprs[0]!.id);
    return { text: ctx.typescript && !ctx.isNonString(exprs[0]!.id) ? text : `String(${text})`, review };
  }
  const body = pieces
    .map((piece) => {
      if (piece.kind === "expr") return `\${${ctx.exprText(piece.id)}}`;
      return escapeTemplateText(keepQuoting ? piece.raw : piece.value);
    })
    .join("");
  return { text: "`" + body + "`", review };
}
