/**
 * Keeps what the caller saw of a call's value. A rewrite whose v1 value differs from v0's (the
 * table's `returns`) is applied as it is only where nothing reads the value; elsewhere v0's
 * value is kept, or the call is reported.
 */
import { sameValue, type Deprecation } from "../deprecations/table.js";
import type { CallSiteDescription } from "./call-site.js";
import type { Edit, ManualReason, Review } from "./report.js";

export type ResultPlan =
  | { readonly kind: "keep"; readonly edits: readonly Edit[]; readonly review: readonly Review[] }
  | { readonly kind: "manual"; readonly reason: ManualReason; readonly data: Readonly<Record<string, string>> };

export function planResult(row: Deprecation, site: CallSiteDescription): ResultPlan {
  const use = site.resultUse;
  const { start, end } = site.callRange;
  const keep = (edits: Edit[] = [], review: Review[] = []): ResultPlan => ({ kind: "keep", edits, review });
  const wrap = (before: string, after: string): Edit[] => [
    { start, end: start, text: before },
    { start: end, end, text: after },
  ];
  const { v0, v1 } = row.returns;
  // Before: ddClient.openExternal(url).then(done)   After: Promise.resolve(ddClient.host.openExternal(url)).then(done)
  // (v0 resolved a Promise at run time, whatever its types say; an arrow's body was left as it was written.)
  if (row.chainedResult && use.read && !use.awaited && use.position !== "ArrowFunctionExpression.body") return keep(wrap("Promise.resolve(", ")"));
  if (!use.read || sameValue(row, use.awaited)) {
    // Before: ddClient.navigateToContainers();   After: void ddClient.desktopUI.navigate.viewContainers();  (no floating promise)
    return use.statement && v0 === "void" && v1.startsWith("Promise<") ? keep([{ start, end: start, text: "void " }]) : keep();
  }
  // `navigateToContainers().then(…)`: the code chains on a Promise v0's types did not promise; v1's is one.
  if (use.chained && v0 === "void" && v1.startsWith("Promise<")) return keep([], [{ reason: "now-returns-promise", data: {} }]);
  const data = { value: v0, replaced: v1, position: use.position };
  // Before: useEffect(() => ddClient.spawnHostCmd(c, a, cb))   After: useEffect(() => void ddClient.extension.host!.cli.exec(c, a, { stream }))
  // TypeScript reads a tested `void …` as a constant ("always falsy", TS2873); v0's `undefined`
  // as a sequence's last operand it does not. A `??` sees through both ("always nullish"):
  // no form of v0's value typechecks there, so the call is reported.
  // Before: if (ddClient.navigateToVolumes())   After: if ((ddClient.desktopUI.navigate.viewVolumes(), undefined))
  if (v0 === "void" && use.tested === "nullishness") return { kind: "manual", reason: "v0-value-read", data };
  if (v0 === "void" && use.tested === "truthiness") return keep(wrap("(", ", undefined)"), [{ reason: "v0-value-kept", data: { ...data, kept: "(…, undefined)" } }]);
  if (v0 === "void") return keep(use.voidNeedsParens ? wrap("(void ", ")") : [{ start, end: start, text: "void " }], [{ reason: "v0-value-kept", data: { ...data, kept: "void" } }]);
  return { kind: "manual", reason: "v0-value-read", data };
}
