/**
 * The Markdown tables rendered from deprecations/table.ts: the README's "What it migrates" and
 * each transform page's list of the rows it rewrites.
 */
import { DEPRECATIONS, type Deprecation, type TransformId } from "../../deprecations/table.js";
import { changesText, lastName, pageNote, pageOf, passesArgumentsThrough, plainPath, receiverOf, v0Arguments, v0Call, v1Call } from "./row-text.js";

const code = (text: string): string => `\`${text}\``;

/**
 * Rows the README shows on one line: same page, kind and flags, and, where the arguments pass
 * through, the same receivers on both sides (the toasts apart from the listing calls).
 */
function groupKey(row: Deprecation): string {
  const receivers = passesArgumentsThrough(row) ? `${receiverOf(row.id)} ${receiverOf(row.v1)}` : "";
  return [pageOf(row), row.kind, row.chainedResult === true, receivers].join("|");
}

/** Groups in the table's order, each where its first row is. */
function groupRows(rows: readonly Deprecation[]): Deprecation[][] {
  const groups = new Map<string, Deprecation[]>();
  for (const row of rows) {
    const key = groupKey(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/**
 * One line's calls: rows sharing a receiver name the first call in full and the others by
 * member (`C.toastSuccess(msg)`, `toastWarning(msg)`); rows whose arguments change show every
 * path, the argument lists once (`C.spawnHostCmd(cmd, args, cb)`, `C.spawnDockerCmd(…)`).
 */
function groupCells(rows: readonly Deprecation[]): [v0: string, v1: string] {
  const [first, ...rest] = rows as [Deprecation, ...Deprecation[]];
  if (!first.v1) return [rows.map((row) => code(v0Call(row))).join(", "), "none"];
  if (passesArgumentsThrough(first)) {
    return [
      [v0Call(first), ...rest.map((row) => `${lastName(row.id)}(${v0Arguments(row)})`)].map(code).join(", "),
      [v1Call(first), ...rest.map((row) => lastName(row.v1))].map(code).join(", "),
    ];
  }
  return [
    [v0Call(first), ...rest.map((row) => `C.${row.id}(…)`)].map(code).join(", "),
    [v1Call(first), ...rest.map((row) => `C.${plainPath(row.v1)}(…)`)].map(code).join(", "),
  ];
}

/** README.md's "What it migrates" table. */
export function renderMigratesTable(rows: readonly Deprecation[] = DEPRECATIONS): string {
  const lines = ["| v0 (deprecated) | v1 | What changes | Transform |", "|---|---|---|---|"];
  for (const group of groupRows(rows)) {
    const page = pageOf(group[0]!);
    lines.push(`| ${[...groupCells(group), changesText(group), `[${page}](docs/transforms/${page}.md)`].join(" | ")} |`);
  }
  return lines.join("\n");
}

/** A transform page's table, one line per row it documents, and those rows' ids. */
export function renderTransformRows(transform: TransformId, rows: readonly Deprecation[] = DEPRECATIONS): string {
  const own = rows.filter((row) => pageOf(row) === transform);
  const lines = ["| v0 | v1 |", "|---|---|"];
  for (const row of own) lines.push(`| ${code(v0Call(row))} | ${row.v1 ? code(v1Call(row)) : "none"}${pageNote(row)} |`);
  return `${lines.join("\n")}\n\nTable rows: ${own.map((row) => code(row.id)).join(", ")}.`;
}

/** Every transform some row names, in the table's order. */
export function documentedTransforms(rows: readonly Deprecation[] = DEPRECATIONS): TransformId[] {
  return [...new Set(rows.map(pageOf))];
}
