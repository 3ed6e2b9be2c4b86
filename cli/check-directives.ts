/**
 * The `eslint-disable` comments of a file, read as ESLint reads them, so that `check` keeps
 * quiet where `eslint` would: a project keeps a call on purpose and its CI stays green.
 *
 *   navigateToRoute("/x"); // eslint-disable-line ddclient-migrate/no-deprecated-api -- no v1 counterpart
 *
 * `eslint-disable` / `eslint-enable` count in block comments only, `eslint-disable-line` and
 * `eslint-disable-next-line` in both kinds; without rule names a directive covers every rule;
 * text after ` -- ` is a description.
 */
import type { TSESTree } from "../engine/ast.js";

/** Where a finding starts: 1-based line and column, as the rules report it. */
export interface DirectiveTarget {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
}

type Directive =
  | { readonly kind: "eslint-disable" | "eslint-enable"; readonly rules: readonly string[] | null; readonly line: number; readonly column: number }
  | { readonly kind: "line"; readonly rules: readonly string[] | null; readonly line: number };

const DIRECTIVE = /^(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s+([\s\S]*))?$/;

/** A predicate that is true for the findings the file's comments turn off. */
export function disabledByComments(comments: readonly TSESTree.Comment[]): (finding: DirectiveTarget) => boolean {
  const directives = comments.flatMap((comment) => directiveOf(comment) ?? []);
  if (directives.length === 0) return () => false;
  return (finding) => directives.some((d) => d.kind === "line" && d.line === finding.line && covers(d.rules, finding.ruleId)) || disabledInBlock(directives, finding);
}

function directiveOf(comment: TSESTree.Comment): Directive | undefined {
  // ESLint's description separator: `eslint-disable-line rule -- why`.
  const [text = ""] = comment.value.trim().split(/\s-{2,}\s/);
  const match = DIRECTIVE.exec(text.trim());
  if (!match) return undefined;
  const kind = match[1]!;
  const names = (match[2] ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  const rules = names.length > 0 ? names : null;
  const { start, end } = comment.loc;
  // As ESLint: a -line directive over several lines is ignored, a -next-line one counts from its end.
  if (kind === "eslint-disable-line") return start.line === end.line ? { kind: "line", rules, line: start.line } : undefined;
  if (kind === "eslint-disable-next-line") return { kind: "line", rules, line: end.line + 1 };
  if (comment.type !== "Block") return undefined;
  return { kind: kind as "eslint-disable" | "eslint-enable", rules, line: start.line, column: start.column + 1 };
}

function covers(rules: readonly string[] | null, ruleId: string): boolean {
  return rules === null || rules.includes(ruleId);
}

/** Replays the block directives before the finding, in order, as ESLint does. */
function disabledInBlock(directives: readonly Directive[], finding: DirectiveTarget): boolean {
  // `all`: an `eslint-disable` without rules is in force; `enabled` holds the rules enabled again since.
  let all = false;
  const disabled = new Set<string>();
  const enabled = new Set<string>();
  for (const d of directives) {
    if (d.kind === "line" || d.line > finding.line || (d.line === finding.line && d.column > finding.column)) continue;
    if (d.rules === null) {
      all = d.kind === "eslint-disable";
      disabled.clear();
      enabled.clear();
      continue;
    }
    for (const rule of d.rules) {
      if (d.kind === "eslint-disable") {
        disabled.add(rule);
        enabled.delete(rule);
      } else {
        disabled.delete(rule);
        enabled.add(rule);
      }
    }
  }
  return disabled.has(finding.ruleId) || (all && !enabled.has(finding.ruleId));
}
