/** Per-file facts every transform reads: the source, its language and style, and scope helpers. */
import type { FileStyle } from "../../core/call-site.js";
import type { NodePath, Reassignments } from "./scope.js";

export interface FileContext extends FileStyle {
  readonly source: string;
  readonly j: any;
  readonly root: any;
  readonly reassignments: Reassignments;
  /** Every call of the function at `fn`, or null when it escapes the file's view (exported, passed as a value). */
  callsOf(fn: NodePath): NodePath[] | null;
}

export { detectIndentUnit, lineIndent } from "../../core/text.js";
