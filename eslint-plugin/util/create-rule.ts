/**
 * Every rule of the plugin is built here, in typescript-eslint's `RuleCreator` shape (name,
 * meta, defaultOptions, create with the options merged over the defaults), with no runtime
 * dependency beyond ESLint itself: the docs link and metadata share one shape, and the CLI's
 * `check` runs the same modules without ESLint (cli/check-rules).
 */
import type { Node } from "../../engine/ast.js";
import type { LintContext } from "../lib/engine-file.js";
import { repositoryDocsUrl } from "./package.js";

export interface PluginDocs {
  readonly description: string;
  /** Severity in the `recommended` config (`strict` turns every rule to error). */
  readonly recommended: "error" | "warn";
  readonly url?: string;
}

export interface Fix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface RuleFixer {
  replaceTextRange(range: readonly [number, number], text: string): Fix;
  replaceText(node: Node, text: string): Fix;
  insertTextAfterRange(range: readonly [number, number], text: string): Fix;
  insertTextAfter(node: Node, text: string): Fix;
}

export type FixFunction = (fixer: RuleFixer) => Fix | Fix[] | null;

export interface ReportDescriptor<MessageIds extends string> {
  readonly node: Node;
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, string>>;
  readonly fix?: FixFunction | null;
  readonly suggest?: readonly { readonly messageId: MessageIds; readonly data?: Readonly<Record<string, string>>; readonly fix: FixFunction }[];
}

export interface RuleContext<MessageIds extends string> extends LintContext {
  readonly options: readonly unknown[];
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

export type RuleListener = { readonly [selector: string]: ((node: never) => void) | undefined };

export interface RuleMeta<MessageIds extends string> {
  readonly type: "problem" | "suggestion" | "layout";
  readonly docs: PluginDocs;
  readonly fixable?: "code" | "whitespace";
  readonly hasSuggestions?: boolean;
  readonly messages: Readonly<Record<MessageIds, string>>;
  /** JSON Schema, untyped data to ESLint as to us. */
  readonly schema: readonly { readonly [key: string]: any }[];
}

export interface RuleModule<MessageIds extends string, Options extends readonly unknown[] = readonly unknown[]> {
  readonly meta: RuleMeta<MessageIds> & { readonly docs: PluginDocs & { readonly url: string } };
  readonly defaultOptions: Options;
  create(context: RuleContext<MessageIds>): RuleListener;
}

/** The rule's page in the repository's docs (ESLint prints it; SARIF links it as `helpUri`). */
export function docsUrl(name: string): string {
  return repositoryDocsUrl(`docs/rules/${name}.md`);
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>(rule: {
  readonly name: string;
  readonly meta: RuleMeta<MessageIds>;
  readonly defaultOptions: Options;
  create(context: RuleContext<MessageIds>, options: Options): RuleListener;
}): RuleModule<MessageIds, Options> {
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: docsUrl(rule.name) } },
    defaultOptions: rule.defaultOptions,
    create: (context) => rule.create(context, withDefaults(rule.defaultOptions, context.options)),
  };
}

/** Each option object merged over its default, as typescript-eslint's `applyDefault` does one level deep. */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[] | undefined): Options {
  return defaults.map((value, i) => {
    const user = given?.[i];
    const isObject = (v: unknown): v is object => v !== null && typeof v === "object" && !Array.isArray(v);
    return isObject(value) && isObject(user) ? { ...value, ...user } : (user ?? value);
  }) as unknown as Options;
}
