/**
 * Vue, Svelte and HTML files, which ESLint cannot parse without their framework's parser: the
 * codemod reads them (transforms/embedded.ts), so its findings are reported as the
 * `no-deprecated-api` rule reports the same calls, with the rule's own messages. The codemod
 * looks at v0 calls only: a v1 chained command in a component is not found here.
 */
import { changesBehaviour, type Finding } from "../core/report.js";
import { markupKindOf } from "../transforms/embedded.js";
import type { RuleMessage } from "./check-rules.js";
import { migrateSource } from "../transforms/migrate.js";

/** A finding placed and worded as the rules' own messages are (cli/check-rules). */
export type EmbeddedFinding = Omit<RuleMessage, "ruleId">;

/** The rule's messageId and sentence for one codemod finding (see no-deprecated-api's `reportOf`). */
export type DescribeFinding = (finding: Finding) => { readonly messageId: string; readonly message: string };

export function isEmbedded(file: string): boolean {
  return markupKindOf(file) !== undefined;
}

/** `allow`: table ids left unreported, as the rule's `allow` option. `eslint-disable` comments are not read in these files. */
export function checkEmbedded(source: string, file: string, describe: DescribeFinding, allow: readonly string[] = []): { findings: EmbeddedFinding[] } | { error: string } {
  let result: ReturnType<typeof migrateSource>;
  try {
    result = migrateSource(source, file);
  } catch (error) {
    return { error: `internal error in the codemod (please report): ${(error as Error).stack ?? error}` };
  }
  if (result.status === "failed") return { error: result.error };
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  return {
    findings: result.findings.filter((finding) => !allow.includes(finding.member)).map((finding) => {
      const { line, column } = finding.at;
      // The codemod gives a start only: the region is the identifier there (`backend` of `backend.get`).
      const word = /^[\p{ID_Continue}$]+/u.exec(lines[line - 1]?.slice(column - 1) ?? "")?.[0] ?? "";
      const rewrite = finding.kind === "manual" ? null : changesBehaviour(finding) ? "suggestion" : "fix";
      return { ...describe(finding), line, column, endLine: line, endColumn: column + Math.max(word.length, 1), rewrite };
    }),
  };
}
