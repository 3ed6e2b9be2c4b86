/** typescript-eslint's RuleTester on vitest, parsing JS, TS and TSX alike. */
import type { TSESLint } from "@typescript-eslint/utils";
import type { RuleModule } from "../../eslint-plugin/util/create-rule.js";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";

/* eslint-disable no-restricted-properties -- RuleTester's own hooks for its skip and only options, which no test here uses */
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** Our rule modules, typed as the RuleTester's: the same shape, without a runtime dependency on @typescript-eslint/utils. */
export function tested<M extends string, O extends readonly unknown[]>(rule: RuleModule<M, O>): TSESLint.RuleModule<M, O> {
  return rule as unknown as TSESLint.RuleModule<M, O>;
}
