/**
 * The engine's view of the file ESLint is linting (engine/file), built once per file and
 * shared by every rule: ESLint's tree, text and visitor keys, and the shared setting
 * `settings["ddclient-migrate"].clientModules` (the CLI's `--client-module`). ESLint 8's
 * `context.getSourceCode()` and 9/10's `context.sourceCode` alike.
 */
import { namedClientModules, type ClientModules } from "../../core/client-modules.js";
import type { TSESTree } from "../../engine/ast.js";
import { createEngineFile, type EngineFile } from "../../engine/file.js";
import type { VisitorKeys } from "../../engine/walk.js";

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
}

export function sourceCodeOf(context: LintContext): LintSourceCode {
  return context.sourceCode ?? context.getSourceCode!();
}

const cache = new WeakMap<object, Map<string, EngineFile>>();

export function engineFileOf(context: LintContext, options: { rawArgs?: boolean } = {}): EngineFile {
  const sourceCode = sourceCodeOf(context);
  const key = options.rawArgs ? "raw" : "";
  let byOptions = cache.get(sourceCode);
  if (!byOptions) cache.set(sourceCode, (byOptions = new Map()));
  let file = byOptions.get(key);
  if (!file) {
    const cwd = context.cwd ?? context.getCwd?.() ?? process.cwd();
    const filename = context.filename ?? context.getFilename?.() ?? "<input>";
    file = createEngineFile(sourceCode.ast as TSESTree.Program, sourceCode.text, sourceCode.visitorKeys ?? {}, {
      // ESLint may hand over a path relative to its working directory; imports resolve from the absolute one.
      filename: /^(?:\/|[A-Za-z]:[\\/])/.test(filename) ? filename : `${cwd}/${filename}`,
      rawArgs: options.rawArgs === true,
      clientModules: clientModulesSetting(context, cwd),
    });
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
