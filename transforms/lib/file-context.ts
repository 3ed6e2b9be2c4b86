/** Per-file facts every transform reads: the source, its language and style, and scope helpers. */
import type { FileStyle } from "../../core/call-site.js";
import type { ProjectWrappers } from "../../core/plan-wrapper.js";
import type { DescribeContext } from "./describe-command-line.js";
import type { NodePath, Reassignments } from "./scope.js";

export interface FunctionUses {
  readonly name: string;
  readonly exported: boolean;
  /** Its calls in this file; null when it is used otherwise (passed as a value, re-exported by name). */
  readonly calls: NodePath[] | null;
}

export interface FileContext extends FileStyle, Pick<DescribeContext, "removeConstant"> {
  readonly filePath: string;
  readonly source: string;
  /** The project pre-pass's exported wrappers (transforms/project-wrappers). */
  readonly projectWrappers?: ProjectWrappers;
  /** The uses in this file of the function at `fn`, when it is named. */
  functionUses(fn: NodePath): FunctionUses | null;
  readonly j: any;
  readonly root: any;
  readonly reassignments: Reassignments;
  /** Every call of the function at `fn`, or null when it escapes the file's view (exported, passed as a value). */
  callsOf(fn: NodePath): NodePath[] | null;
}

export { detectIndentUnit, lineIndent } from "../../core/text.js";
