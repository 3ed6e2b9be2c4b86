/**
 * Every v0 call of the table, through every client form. The fix is the codemod's rewrite:
 * the call is described as core's CallSiteDescription and core/plan-call-site plans the
 * edits, so `eslint --fix` and `ddclient-migrate` write the same text.
 *
 * Before: window.ddClient.execHostCmd("docker ps -a")
 * After:  window.ddClient.extension.host!.cli.exec("docker", ["ps", "-a"])
 *
 * A rewrite the report lists for review (an interpolation no longer re-split, a word whose
 * meaning depends on the host) is offered as a suggestion, never applied by `--fix`.
 */
import { planCallSite } from "../../core/plan-call-site.js";
import { mayContainV0Call, mayTypeClient } from "../../core/precheck.js";
import { changesBehaviour, type Edit, type Finding, type ManualReason } from "../../core/report.js";
import { describeManual, describeReview, replacementOf } from "../../deprecations/messages.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { findV0CallSite } from "../../engine/call-sites.js";
import { describeCallSite } from "../../engine/describe-call-site.js";
import type { V0Use } from "../../engine/sweep.js";
import { unreportedV0Uses } from "../../engine/sweep-report.js";
import { handWrittenTypings } from "../../engine/typings.js";
import { unusedDestructuring } from "../../engine/unused-destructuring.js";
import { engineFileOf, sourceCodeOf } from "../lib/engine-file.js";
import { createRule, type FixFunction } from "../util/create-rule.js";
import { projectAllow } from "../util/project-allow.js";

const ALLOWABLE: ReadonlySet<string> = new Set(DEPRECATIONS.map((row) => row.id));

/** One messageId per reason a call is left for a person; the reason's sentence goes in `data`. */
const MANUAL_MESSAGE_IDS = {
  "shell-operator": "shellOperator",
  "shell-expansion": "shellExpansion",
  "shell-variable": "shellVariable",
  "env-assignment": "envAssignment",
  "shell-syntax-error": "shellSyntaxError",
  "dynamic-command-line": "dynamicCommandLine",
  "multi-word-value": "multiWordValue",
  "shared-command-line": "sharedCommandLine",
  "empty-command-line": "emptyCommandLine",
  "unexpected-arguments": "unexpectedArguments",
  "unknown-client": "unknownClient",
  "not-yet-supported": "notYetSupported",
  "detached-member": "detachedMember",
  "no-v1-counterpart": "noV1Counterpart",
  "hand-written-v0-typing": "handWrittenV0Typing",
  "callback-not-hoistable": "callbackNotHoistable",
  "wrapper-command-line": "wrapperCommandLine",
  "markup-syntax": "markupSyntax",
  "ambiguous-escape": "ambiguousEscape",
  "unrecognised-use": "unrecognisedUse",
  "v0-value-read": "v0ValueRead",
  // The codemod's --safe-only only: the rule offers these rewrites as suggestions instead.
  "safe-only-skipped": "safeOnlySkipped",
  // The codemod's --interactive only: a rewrite the person answered no to.
  "interactive-skipped": "interactiveSkipped",
} as const satisfies Record<ManualReason, string>;

type ManualMessageId = (typeof MANUAL_MESSAGE_IDS)[ManualReason];
export type MessageIds = "deprecated" | "deprecatedNeedsReview" | "deprecatedWithNote" | "unusedV0Member" | "migrate" | ManualMessageId;

export interface Options {
  /** Table ids (`backend.get`, `execHostCmd`) this project keeps calling on purpose. */
  readonly allow?: readonly string[];
  /** Rewrite host-dependent words as raw values (hosts that pass args through), as the codemod's `--raw-args`. */
  readonly rawArgs?: boolean;
}

const MANUAL_MESSAGE = "`{{member}}` is deprecated and needs a manual migration to `{{replacement}}`: {{reason}}.";
const manualMessages = {
  ...(Object.fromEntries(Object.values(MANUAL_MESSAGE_IDS).map((id) => [id, MANUAL_MESSAGE])) as Record<ManualMessageId, string>),
  noV1Counterpart: "`{{member}}` is deprecated, and v1 has no counterpart: {{note}}.",
};

/** `Capitalized sentence.` → `capitalized sentence`, to join reasons into one sentence. */
function clause(sentence: string): string {
  return sentence[0]!.toLowerCase() + sentence.slice(1, sentence.endsWith(".") ? -1 : undefined);
}

/** The messageId and data that report one planner finding. */
export function reportOf(finding: Finding): { messageId: MessageIds; data: Record<string, string> } {
  const data = { member: finding.member, replacement: replacementOf(finding.member) };
  if (finding.kind === "manual") {
    return { messageId: MANUAL_MESSAGE_IDS[finding.reason], data: { ...data, ...finding.data, reason: clause(describeManual(finding.reason, finding.data)) } };
  }
  if (finding.review.length === 0) return { messageId: "deprecated", data };
  const review = finding.review.map((r) => clause(describeReview(r))).join("; ");
  return { messageId: changesBehaviour(finding) ? "deprecatedNeedsReview" : "deprecatedWithNote", data: { ...data, review } };
}

/** `backend` alone is allowed when each of its rows is. */
function isAllowed(member: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(member)) return true;
  const rows = DEPRECATIONS.filter((row) => row.id.startsWith(`${member}.`));
  return rows.length > 0 && rows.every((row) => allowed.has(row.id));
}

export default createRule<[Options], MessageIds>({
  name: "no-deprecated-api",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the deprecated v0 `ddClient` API, and rewrite it to v1",
      recommended: "warn",
    },
    fixable: "code",
    hasSuggestions: true,
    messages: {
      deprecated: "`{{member}}` is deprecated. Use `{{replacement}}`.",
      deprecatedNeedsReview: "`{{member}}` is deprecated. Use `{{replacement}}`, and review the suggested rewrite: {{review}}.",
      unusedV0Member: "`{{member}}` is taken off the client but no longer used.",
      deprecatedWithNote: "`{{member}}` is deprecated. Use `{{replacement}}`. Note: {{review}}.",
      migrate: "Rewrite the call to `{{replacement}}`.",
      ...manualMessages,
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string", enum: DEPRECATIONS.map((row) => row.id) },
            uniqueItems: true,
            description: "Table ids of v0 members to leave unreported.",
          },
          rawArgs: { type: "boolean", description: "Rewrite host-dependent words as raw values instead of keeping their quoting." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allow: [], rawArgs: false }],
  create(context, [options]) {
    // Most files name no v0 member and type no client: no setup, no listener.
    const text = sourceCodeOf(context).text;
    if (!mayContainV0Call(text) && !mayTypeClient(text)) return {};
    return {
      Program() {
        const file = engineFileOf(context, { rawArgs: options.rawArgs === true });
        // The option, and the project's package.json `"ddclient-migrate": { "allow": [...] }` that `check` reads.
        const allowed = new Set([...(options.allow ?? []), ...projectAllow(file.filename, ALLOWABLE)]);
        const fixOf = (edits: readonly Edit[]): FixFunction => (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text.replace(/\r?\n/g, file.eol)));
        // What the call sites say, so that the closing sweep below adds only the uses nothing accounts for.
        const reported: Finding[] = [];
        for (const call of file.index.calls) {
          const site = findV0CallSite(call, file);
          if (!site || allowed.has(site.row.id)) continue;
          const plan = planCallSite(describeCallSite(site, file), file.style);
          reported.push(plan.finding);
          const { messageId, data } = reportOf(plan.finding);
          const report = { node: site.segments[0]!, messageId, data };
          if (plan.finding.kind === "manual") context.report(report);
          // Advice (a `@ts-ignore` that may go) keeps the fix; a change of behaviour makes it a suggestion.
          else if (!changesBehaviour(plan.finding)) context.report({ ...report, fix: fixOf(plan.edits) });
          else context.report({ ...report, suggest: [{ messageId: "migrate", data, fix: fixOf(plan.edits) }] });
        }
        // const { backend } = window.ddClient, once no call uses `backend` (after the fixes above).
        const unused: Edit[] = [];
        for (const declarator of file.index.declarators) {
          const found = unusedDestructuring(declarator, file);
          if (!found) continue;
          context.report({ node: found.node, messageId: "unusedV0Member", data: { member: found.member }, fix: fixOf(found.edits) });
          unused.push(...found.edits);
        }
        // Every other v0 use, in any form (`c["execHostCmd"](…)`, `.bind`, `typeof`, a destructuring…): engine/sweep.
        const removed = (use: V0Use): boolean => unused.some((edit) => edit.start <= use.node.range[0] && use.node.range[1] <= edit.end);
        for (const { use, finding } of unreportedV0Uses(file, reported, removed)) {
          if (!isAllowed(use.member, allowed)) context.report({ node: use.node, ...reportOf(finding) });
        }
        // interface Window { ddClient: { execHostCmd(…): … } }: migrated calls will not typecheck against it.
        for (const { node, finding } of handWrittenTypings(file)) context.report({ node, ...reportOf(finding) });
      },
    };
  },
});
