/**
 * The engine's view of the file ESLint is linting (engine/file), built once per file and
 * shared by every rule: ESLint's tree, text and visitor keys, the shared setting
 * `settings["ddclient-migrate"].clientModules` (the CLI's `--client-module`), and the project
 * modules the file imports, read as the CLI's pre-pass reads them (lib/imported-modules).
 * ESLint 8's `context.getSourceCode()` and 9/10's `context.sourceCode` alike.
 */
import { namedClientModules, type ClientModules } from "../../core/client-modules.js";
import { mayContainV0Call } from "../../core/precheck.js";
import type { TSESTree } from "../../engine/ast.js";
import { createEngineFile, type EngineFile } from "../../engine/file.js";
import type { VisitorKeys } from "../../engine/walk.js";
import { readImportedModules, type ModuleParser } from "./imported-modules.js";

/** The part of ESLint's SourceCode the engine reads. */
export interface LintSourceCode {
  readonly text: string;
  readonly ast: unknown;
  readonly visitorKeys?: VisitorKeys;
}

/** The part of ESLint's rule context the rules read, in ESLint 8, 9 and 10. */
export interface LintContext {
  readonly sourceCode?: LintSourceCode;
  getSourceCode?(): LintSourceCode;
  readonly filename?: string;
  getFilename?(): string;
  readonly cwd?: string;
  getCwd?(): string;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** ESLint 9/10's, and ESLint 8's under a flat config: the parser that gave the file's tree. */
  readonly languageOptions?: { readonly parser?: unknown; readonly parserOptions?: Readonly<Record<string, unknown>> };
}

export function sourceCodeOf(context: LintContext): LintSourceCode {
  return context.sourceCode ?? context.getSourceCode!();
}

/**
 * Each file's engine file, by its SourceCode. Not one entry for "the file being linted": oxlint
 * may come back to a file's rules after it began another file, and then rebuilding from that
 * SourceCode read the other file's text (fixes at the wrong offsets). A host that knows when a
 * file is done releases it (`releaseEngineFile`), since a WeakMap's entries keep their trees
 * through the scavenges until a full GC (docs/performance.md).
 */
const cache = new WeakMap<object, { readonly ast: unknown; readonly text: string; readonly byOptions: Map<string, EngineFile> }>();

/** Forgets `sourceCode`'s engine files once the caller has run every rule over it (cli/check-rules). */
export function releaseEngineFile(sourceCode: object): void {
  cache.delete(sourceCode);
}

export function engineFileOf(context: LintContext, options: { rawArgs?: boolean } = {}): EngineFile {
  const sourceCode = sourceCodeOf(context);
  const key = options.rawArgs ? "raw" : "";
  let entry = cache.get(sourceCode);
  // A host may reuse one SourceCode object for another file: the entry is for its tree and text.
  if (!entry || entry.ast !== sourceCode.ast || entry.text !== sourceCode.text) {
    entry = { ast: sourceCode.ast, text: sourceCode.text, byOptions: new Map() };
    cache.set(sourceCode, entry);
  }
  const { byOptions } = entry;
  let file = byOptions.get(key);
  if (!file) {
    const cwd = context.cwd ?? context.getCwd?.() ?? process.cwd();
    const given = context.filename ?? context.getFilename?.() ?? "<input>";
    // ESLint may hand over a path relative to its working directory; imports resolve from the absolute one.
    const filename = /^(?:\/|[A-Za-z]:[\\/])/.test(given) ? given : `${cwd}/${given}`;
    const program = sourceCode.ast as TSESTree.Program;
    const keys = sourceCode.visitorKeys ?? {};
    const setting = clientModulesSetting(context, cwd);
    // Only a file that may call a v0 member asks what its imports are.
    const parser = mayContainV0Call(sourceCode.text) ? moduleParserOf(context, keys) : null;
    const clientModules = parser ? readImportedModules(program, filename, parser, setting) : setting;
    file = createEngineFile(program, sourceCode.text, keys, { filename, rawArgs: options.rawArgs === true, clientModules });
    byOptions.set(key, file);
  }
  return file;
}

/**
 * `settings: { "ddclient-migrate": { clientModules: ["@acme/dd-client", "./src/lib/client"] } }`:
 * package names, or paths relative to ESLint's working directory.
 */
function clientModulesSetting(context: LintContext, cwd: string): ClientModules {
  const specs = (context.settings?.["ddclient-migrate"] as { clientModules?: unknown } | undefined)?.clientModules;
  return Array.isArray(specs) ? namedClientModules(specs.filter((spec): spec is string => typeof spec === "string"), cwd) : {};
}

interface EslintParser {
  parse?(text: string, options: Record<string, unknown>): unknown;
  parseForESLint?(text: string, options: Record<string, unknown>): { ast: unknown; visitorKeys?: VisitorKeys };
}

/** The linted file's parser, for the modules it imports; null where ESLint does not expose it (ESLint 8's eslintrc). */
function moduleParserOf(context: LintContext, keys: VisitorKeys): ModuleParser | null {
  const parser = context.languageOptions?.parser as EslintParser | undefined;
  if (!parser || (typeof parser.parse !== "function" && typeof parser.parseForESLint !== "function")) return null;
  const parserOptions = context.languageOptions?.parserOptions ?? {};
  return (text, filePath) => {
    // No type information: a module outside the project's tsconfig must parse all the same.
    const options = { ecmaVersion: "latest", sourceType: "module", ...parserOptions, project: undefined, projectService: false, programs: undefined, filePath, range: true, loc: true, comment: false, tokens: false };
    try {
      if (parser.parseForESLint) {
        const result = parser.parseForESLint(text, options);
        return { ast: result.ast as TSESTree.Program, visitorKeys: result.visitorKeys ?? keys };
      }
      return { ast: parser.parse!(text, options) as TSESTree.Program, visitorKeys: keys };
    } catch {
      // A module the linted file's parser cannot read stays unread: its imports are unknown.
      return null;
    }
  };
}
