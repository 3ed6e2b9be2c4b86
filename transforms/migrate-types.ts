/** What the codemod takes and gives for one file (transforms/migrate, and transforms/embedded for markup). */
import type { StyleSettings } from "../core/call-site.js";
import type { ClientModules } from "../core/client-modules.js";
import type { TypingContext } from "../core/plan-typing.js";
import type { ProjectWrappers } from "../core/plan-wrapper.js";
import type { Finding } from "../core/report.js";

export interface MigrateOptions {
  /** Emit host-dependent words as raw values (hosts that pass args through, e.g. Podman Desktop) instead of keeping their quoting. */
  readonly rawArgs?: boolean;
  /** The project's modules that export the client (from `scanClientExports` over the tree, and `--client-module`). */
  readonly clientModules?: ClientModules;
  /** `keep` (default): rewritten calls keep their receiver; `import`: they use one module-level `createDockerDesktopClient()`. */
  readonly client?: "keep" | "import";
  /** Exported wrappers of the project and their callers' edits (transforms/project-wrappers). */
  readonly projectWrappers?: ProjectWrappers;
  /**
   * Apply only what `eslint --fix` applies: a rewrite that changes behaviour on some host
   * (core/report `changesBehaviour`, a suggestion in the lint rule) is left and reported.
   */
  readonly safeOnly?: boolean;
  /**
   * Changes to leave, reported `interactive-skipped` (cli --interactive): a call site's rewrite by
   * its v0 call's place in the file as read, `<absolute path>:<line>:<column>` (transforms/change-ids),
   * which also names a wrapper's rewrite with its callers' edits in other files.
   */
  readonly skip?: readonly string[];
  /** Called with each rewrite made, by the name `skip` takes, and its finding (at its place in its pass's text). */
  readonly onChange?: (name: string, finding: Finding) => void;
  /**
   * Migrate hand-written typings of the client (`interface Window { ddClient: { … } }`) with the
   * calls: what the run's other files migrated and still call, and whether the official types
   * are installed. Without it such a typing is only reported.
   */
  readonly typing?: TypingContext;
  /** The file's formatter settings (cli/style-config); without them the file shows its style. */
  readonly style?: StyleSettings;
  /**
   * Where findings point: `input` (default), in `source`, where the file stands before the run;
   * `output`, in the result's `output`, where a written file shows them (a migrated call at the
   * start of its v1 replacement, a call left where it now stands).
   */
  readonly positions?: "input" | "output";
}

export type MigrateResult =
  | { readonly status: "changed" | "unchanged"; readonly output: string; readonly findings: readonly Finding[] }
  /** The file did not parse: it is left as it was. `error` is the parser's message with line:column. */
  | { readonly status: "failed"; readonly error: string; readonly findings: readonly Finding[] };

/** The codemod of one script file, as markup hands it each of its pieces. */
export type MigrateScript = (source: string, filePath: string, options?: MigrateOptions) => MigrateResult;
