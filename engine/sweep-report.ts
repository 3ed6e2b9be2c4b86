/**
 * The sweep's uses (engine/sweep) that no finding accounts for, each made a finding of its own:
 * the codemod and the lint rule add them to what the describers said, so that no v0 use is left
 * without a word, and both say the same.
 *
 *   const run = window.ddClient.execHostCmd.bind(window.ddClient)
 *   → manual execHostCmd unrecognised-use { form: "bind" }
 */
import type { Finding } from "../core/report.js";
import { findDeprecation } from "../deprecations/table.js";
import type { Node } from "./ast.js";
import type { EngineFile } from "./file.js";
import { sweepV0Uses, type V0Use } from "./sweep.js";

export interface UnreportedUse {
  readonly use: V0Use;
  readonly finding: Finding;
}

/**
 * `reported`: the findings made so far, at their places in this file's text. A finding of the
 * member at the use (or, for a member taken into a local, at one of its references) accounts
 * for it. `gone`: a use the caller's own edits take out of the text (an unused destructuring
 * the codemod removes).
 */
export function unreportedV0Uses(file: EngineFile, reported: readonly Finding[], gone: (use: V0Use) => boolean = () => false): UnreportedUse[] {
  const uses = sweepV0Uses(file);
  if (uses.length === 0) return [];
  const exact = new Set(reported.map((finding) => `${finding.member} ${finding.at.line}:${finding.at.column}`));
  // `backend` alone (no method reached in view) is accounted for by a finding of any of its methods.
  const byRoot = new Set(reported.map((finding) => `${finding.member.split(".")[0]} ${finding.at.line}:${finding.at.column}`));
  const found = (use: V0Use, node: Node): boolean => (use.member.includes(".") ? exact : byRoot).has(`${use.member} ${where(node)}`);
  return uses.filter((use) => !found(use, use.node) && !use.related.some((node) => found(use, node)) && !gone(use)).map((use) => ({ use, finding: findingOf(use) }));
}

function findingOf(use: V0Use): Finding {
  const at = { line: use.node.loc.start.line, column: use.node.loc.start.column + 1 };
  const manual = (reason: Extract<Finding, { kind: "manual" }>["reason"], data: Record<string, string>): Finding => ({ kind: "manual", member: use.member, at, reason, data });
  // The describers' ambiguity rule: a distinctive name on a receiver not proven the client.
  if (use.receiver.kind === "unknown") return manual("unknown-client", { receiver: use.receiver.text, form: use.form });
  const row = findDeprecation(use.member);
  if (row?.kind === "no-counterpart") return manual("no-v1-counterpart", { note: row.note ?? "", form: use.form });
  return manual("unrecognised-use", { form: use.form });
}

function where(node: Node): string {
  return `${node.loc.start.line}:${node.loc.start.column + 1}`;
}
