/**
 * The words the docs use for a row of deprecations/table.ts: its calls on each side, and what
 * its kind (and flags) change. Nothing here names a member: a new row of an existing kind is
 * documented as soon as it is in the table.
 */
import { sameValue, type Deprecation, type DeprecationKind, type TransformId } from "../../deprecations/table.js";
import { readV0Declarations } from "../v0-declarations.js";

interface KindText {
  /** The argument lists on each side where the kind rewrites them; absent where they pass through as v0 declared them. */
  readonly arguments?: { readonly v0: string; readonly v1: string };
  /** The README's "What changes" for rows of this kind shown on one line. */
  readonly changes: (rows: readonly Deprecation[]) => string;
  /** Said after the v1 call on the transform's page. */
  readonly pageNote?: string;
}

const KIND_TEXT: Record<DeprecationKind, KindText> = {
  receiver: {
    changes: (rows) => (rows.every((row) => lastName(row.id) === lastName(row.v1)) ? "The receiver only." : "The name."),
  },
  "command-line": {
    arguments: { v0: "line", v1: "cmd, args" },
    changes: () => "The command line is split into a command and an args array (see below).",
  },
  spawn: {
    arguments: { v0: "cmd, args, cb", v1: "cmd, args, { stream }" },
    changes: () =>
      "The args array is kept as it is. The callback becomes stream handlers. v1 returns the process where v0 returned nothing: " +
      "where the value is read (`useEffect(() => …)`), `void` keeps v0's.",
  },
  "docker-rest": {
    arguments: { v0: "cmd, ...args", v1: "cmd, [...args]" },
    changes: () => 'Rest arguments become an array, kept verbatim; a multi-word `cmd` (`"image ls"`) is split.',
  },
  "container-exec": {
    arguments: { v0: "container, line", v1: '"exec", [container, ...words]' },
    changes: () => "The command line is split after the container.",
  },
  "void-to-promise": {
    changes: ([first]) =>
      `v0 returned void, v1 a Promise: a discarded call gets \`void\` (\`void ${v1Call(first!)}\`); where the value is read ` +
      "(`onClick={() => …}`, `const shown = …`), `void` keeps v0's; an awaited one stays awaited; a chained `.then(…)` is listed for review.",
  },
  "no-counterpart": {
    changes: () => "Not rewritten: reported as `no-v1-counterpart`, with the reason.",
    pageNote: ": reported, not rewritten",
  },
};

/** What the `chainedResult` flag adds to a row's "What changes" and to its page. */
const chainedResultText = (row: Deprecation): string =>
  `v1 returns void: a chained or used result (\`${lastName(row.id)}(${v0Arguments(row)}).then(…)\`) is wrapped in \`Promise.resolve(…)\` so the chain keeps working.`;
const CHAINED_RESULT_PAGE_NOTE = " (v1 returns void: a chained or used result is wrapped in `Promise.resolve(…)`)";

/**
 * No transform rewrites a `no-counterpart` row (core reports it); member-rename's page documents
 * those reports, beside the navigations they resemble.
 */
const PAGE_OF_UNREWRITTEN_ROWS: TransformId = "member-rename";

export const pageOf = (row: Deprecation): TransformId => row.transform ?? PAGE_OF_UNREWRITTEN_ROWS;

/** `extension.vm?.service?.get` → `extension.vm.service.get`: the docs show plain paths. */
export const plainPath = (path: string): string => path.replace(/\?/g, "");

export const lastName = (path: string): string => plainPath(path).split(".").pop()!;

/** The path up to the member: `backend` for `backend.get`, `` for `execHostCmd`. */
export const receiverOf = (path: string): string => plainPath(path).split(".").slice(0, -1).join(".");

/** The kind's own argument list, else v0's declared parameters, else `…` for a member v0's types never declared. */
export function v0Arguments(row: Deprecation): string {
  return KIND_TEXT[row.kind].arguments?.v0 ?? readV0Declarations().get(row.id)?.parameters.join(", ") ?? "…";
}

export function v1Arguments(row: Deprecation): string {
  return KIND_TEXT[row.kind].arguments?.v1 ?? v0Arguments(row);
}

/** The arguments pass through unchanged, so rows differ only in their paths. */
export const passesArgumentsThrough = (row: Deprecation): boolean => KIND_TEXT[row.kind].arguments === undefined;

export const v0Call = (row: Deprecation): string => `C.${row.id}(${v0Arguments(row)})`;

/** Empty for a row v1 has no counterpart for. */
export const v1Call = (row: Deprecation): string => (row.v1 ? `C.${plainPath(row.v1)}(${v1Arguments(row)})` : "");

/** The README's "What changes" for rows shown on one line (same kind and flags). */
export function changesText(rows: readonly Deprecation[]): string {
  const text = KIND_TEXT[rows[0]!.kind].changes(rows);
  return rows[0]!.chainedResult ? `${text} ${chainedResultText(rows[0]!)}` : text;
}

/** What the transform's page says after the row's v1 call: the values each API gives, where they differ. */
export function pageNote(row: Deprecation): string {
  const values = row.v1 && !sameValue(row) ? ` (v0: \`${row.returns.v0}\`, v1: \`${row.returns.v1}\`)` : "";
  return (KIND_TEXT[row.kind].pageNote ?? "") + values + (row.chainedResult ? CHAINED_RESULT_PAGE_NOTE : "");
}
