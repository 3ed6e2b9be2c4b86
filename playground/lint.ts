/**
 * The lint findings of one file as `ddclient-migrate check` reports them (cli/check.ts): the
 * plugin's rules run without ESLint through cli/check-rules' context shim, and for Vue, Svelte
 * and HTML the codemod's findings in `no-deprecated-api`'s words (cli/check-embedded.ts).
 */
import { checkEmbedded, isEmbedded, type DescribeFinding } from "../cli/check-embedded.js";
import { interpolate, runRules, type RuleMessage } from "../cli/check-rules.js";
import plugin from "../eslint-plugin/index.js";
import { reportOf } from "../eslint-plugin/rules/no-deprecated-api.js";
import { ParseError } from "../transforms/parse.js";

export type LintMessage = RuleMessage;
export type LintResult = { readonly findings: readonly LintMessage[] } | { readonly error: string };

const NAMESPACE = plugin.meta.name;
const RULES = Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [`${NAMESPACE}/${name}`, rule]));

const describeV0: DescribeFinding = (finding) => {
  const { messageId, data } = reportOf(finding);
  return { messageId, message: interpolate(plugin.rules["no-deprecated-api"].meta.messages[messageId] ?? messageId, data) };
};

export function lintFile(source: string, absolute: string): LintResult {
  if (isEmbedded(absolute)) {
    const checked = checkEmbedded(source, absolute, describeV0);
    return "error" in checked ? checked : { findings: checked.findings.map((f) => ({ ...f, ruleId: `${NAMESPACE}/no-deprecated-api` })) };
  }
  try {
    return { findings: runRules(source, absolute, RULES) };
  } catch (error) {
    if (error instanceof ParseError) return { error: error.message };
    throw error;
  }
}
