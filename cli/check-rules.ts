/**
 * The plugin's rules run without ESLint, for `ddclient-migrate check`: the same rule modules,
 * given the codemod's parse of the file (transforms/parse) through the small part of ESLint's
 * rule context they use. Every rule does its work on `Program`, from the engine's one walk,
 * so there is no traversal to reproduce. Messages are ESLint's: `{{ name }}` filled from data.
 */
import type { Node, TSESTree } from "../engine/ast.js";
import type { RuleContext, RuleModule } from "../eslint-plugin/util/create-rule.js";
import { releaseEngineFile } from "../eslint-plugin/lib/engine-file.js";
import { parseProgram, VISITOR_KEYS } from "../transforms/parse.js";
import { enterPass } from "../transforms/pass-log.js";
import { disabledByComments } from "./check-directives.js";

export interface RuleMessage {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  /** 1-based; columns count UTF-16 code units, end exclusive (ESLint's and SARIF's convention). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** What the rule offers: a fix `eslint --fix` applies, a suggestion, or nothing (a person's work). */
  readonly rewrite: "fix" | "suggestion" | null;
}

/**
 * Runs `rules` (id → module) over one file, each with its options in `options` (id → ESLint's
 * options array) or its defaults, and drops what the file's `eslint-disable` comments turn
 * off (cli/check-directives); throws the parser's error.
 */
export function runRules(
  source: string,
  filename: string,
  rules: Readonly<Record<string, RuleModule<string>>>,
  options: Readonly<Record<string, readonly unknown[]>> = {},
): RuleMessage[] {
  const text = source.replace(/^\uFEFF/, "");
  const ast = parseProgram(text, filename);
  const sourceCode = { text, ast, visitorKeys: VISITOR_KEYS };
  const messages: RuleMessage[] = [];
  // The modules the file imports are read with the same parser (eslint-plugin/lib/imported-modules).
  const languageOptions = { parser: { parse: parseImportedModule } };
  try {
    for (const [ruleId, rule] of Object.entries(rules)) {
      const context: RuleContext<string> = {
        sourceCode,
        filename,
        cwd: process.cwd(),
        settings: {},
        languageOptions,
        options: options[ruleId] ?? [],
        report({ node, messageId, data, fix, suggest }) {
          const template = rule.meta.messages[messageId] ?? messageId;
          const rewrite = fix ? "fix" : suggest?.length ? "suggestion" : null;
          messages.push({ ruleId, messageId, message: interpolate(template, data ?? {}), ...locationOf(node), rewrite });
        },
      };
      rule.create(context).Program?.(ast as never);
    }
  } finally {
    // Even when a rule throws: the file's tree is not kept past its rules.
    releaseEngineFile(sourceCode);
  }
  const disabled = disabledByComments(ast.comments ?? []);
  return messages.filter((message) => !disabled(message)).sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/**
 * The modules the linted files import, parsed once while their text is the same: a client
 * module or a wrapper module is imported by most files of its folder. The last few are kept
 * (the walk lists a folder's files together), so memory does not grow with the tree.
 */
const importedTrees = new Map<string, { readonly text: string; readonly program: TSESTree.Program }>();
const IMPORTED_TREES_KEPT = 64;

function parseImportedModule(text: string, parserOptions: Record<string, unknown>): TSESTree.Program {
  const file = String(parserOptions.filePath);
  const kept = importedTrees.get(file);
  importedTrees.delete(file);
  if (kept?.text === text) {
    // The most recently used last: a folder's client module stays while its files are checked.
    importedTrees.set(file, kept);
    return kept.program;
  }
  enterPass("check-imports");
  try {
    const program = parseProgram(text, file);
    if (importedTrees.size >= IMPORTED_TREES_KEPT) importedTrees.delete(importedTrees.keys().next().value!);
    importedTrees.set(file, { text, program });
    return program;
  } finally {
    enterPass("check");
  }
}

function locationOf(node: Node): Pick<RuleMessage, "line" | "column" | "endLine" | "endColumn"> {
  const { start, end } = node.loc;
  return { line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 };
}

/** ESLint's `{{ name }}` placeholders, filled as ESLint fills them. */
export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([^{}]+?)\}\}/g, (match, name: string) => data[name.trim()] ?? match);
}
