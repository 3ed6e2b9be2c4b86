/**
 * The one planner: from a described v0 call site to the edits that migrate it and the finding
 * the report shows. The codemod applies the edits; the lint rule offers them as its fix.
 */
import { findDeprecation } from "../deprecations/table.js";
import type { CallSiteDescription, CallbackDescription, FileStyle } from "./call-site.js";
import { layoutArguments } from "./layout-arguments.js";
import { planCommandLine } from "./plan-command-line.js";
import { planContainerExec, planDockerRest } from "./plan-docker-args.js";
import { planPrefixWrapper } from "./plan-prefix-wrapper.js";
import { planSharedLine } from "./plan-shared-line.js";
import { planWrapper } from "./plan-wrapper.js";
import { statementEnd } from "./text.js";
import { tsDirectiveAbove } from "./ts-directives.js";
import { planMemberPath } from "./plan-member-path.js";
import { planResult } from "./plan-result.js";
import { planSplitStream, planWiredStream, type StreamLayout } from "./plan-stream.js";
import type { Edit, Finding, ManualReason, Review } from "./report.js";

export interface SitePlan {
  readonly edits: readonly Edit[];
  readonly finding: Finding;
}

export function planCallSite(site: CallSiteDescription, style: FileStyle): SitePlan {
  const plan = withDirectiveReview(withResult(planWithReceiver(site, style), site), site, style);
  return plan;
}

/** What the caller saw of the value, kept (core/plan-result) or the call reported. */
function withResult(plan: SitePlan, site: CallSiteDescription): SitePlan {
  if (plan.finding.kind !== "migrated") return plan;
  const result = planResult(findDeprecation(site.member)!, site);
  if (result.kind === "manual") return { edits: [], finding: { kind: "manual", member: site.member, at: site.at, reason: result.reason, data: result.data } };
  return { edits: [...plan.edits, ...result.edits], finding: { ...plan.finding, review: [...plan.finding.review, ...result.review] } };
}

/** Before: // @ts-ignore      (only there because v0 was untyped here)
 *          window.ddClient.execHostCmd(…) */
function withDirectiveReview(plan: SitePlan, site: CallSiteDescription, style: FileStyle): SitePlan {
  if (plan.finding.kind !== "migrated" || style.language !== "ts") return plan;
  const directive = tsDirectiveAbove(style.text, site.callRange.start) ?? tsDirectiveAbove(style.text, site.path.segments[0]!.start);
  return directive ? { ...plan, finding: { ...plan.finding, review: [...plan.finding.review, directive] } } : plan;
}

function planWithReceiver(site: CallSiteDescription, style: FileStyle): SitePlan {
  const plan = planKeepingReceiver(site, style);
  const replacement = site.receiver.replacement;
  if (plan.finding.kind !== "migrated" || replacement === undefined) return plan;
  // Before: window.ddClient.toastSuccess(m)   After: ddClient.desktopUI.toast.success(m)
  if (site.receiver.range) return { ...plan, edits: [{ ...site.receiver.range, text: replacement }, ...plan.edits] };
  return planKeepingReceiver({ ...site, path: { ...site.path, detachedClientText: replacement } }, style);
}

function planKeepingReceiver(site: CallSiteDescription, style: FileStyle): SitePlan {
  const manual = (reason: ManualReason, data: Record<string, string> = {}): SitePlan => ({
    edits: [],
    finding: { kind: "manual", member: site.member, at: site.at, reason, data },
  });
  const migrated = (edits: Edit[], review: readonly Review[] = []): SitePlan => ({
    edits,
    finding: { kind: "migrated", member: site.member, at: site.at, review },
  });
  const row = findDeprecation(site.member);
  if (!row) throw new Error(`no table row for ${site.member}`);
  if (site.receiver.kind === "unknown") return manual("unknown-client", { receiver: site.receiver.text });
  if (site.path.detachedClientText === null) return manual("detached-member");
  if (row.kind === "no-counterpart") return manual("no-v1-counterpart", { note: row.note ?? "" });
  if (!row.transform) return manual("not-yet-supported", { replacement: row.v1.replace(/\?/g, "") });
  if (site.args.shape === "unexpected") return manual("unexpected-arguments");

  const pathEdits = planMemberPath(row, site.path, style.language);
  const lineOptions = { quote: style.quote, typescript: style.language === "ts", rawArgs: style.rawArgs, layout: style };
  // The receiver the call will have, for the width of its line.
  const receiverEdits = site.receiver.replacement !== undefined && site.receiver.range ? [{ ...site.receiver.range, text: site.receiver.replacement }] : [];
  switch (site.args.shape) {
    case "unchanged":
      return migrated(pathEdits);
    case "command-line": {
      if (site.args.wrapper && !site.args.line.static) {
        const wrapped = planWrapper(site.args.wrapper, site.args.argument, lineOptions, [...receiverEdits, ...pathEdits]);
        return wrapped.ok ? migrated([...pathEdits, ...wrapped.edits], wrapped.review) : manual(wrapped.reason, wrapped.data);
      }
      let line = site.args.line;
      if (site.args.prefixWrapper && line.static) {
        const wrapped = planPrefixWrapper(line, site.args.prefixWrapper, site.args.argument, lineOptions, [...receiverEdits, ...pathEdits]);
        if (wrapped.kind === "rewrite") return migrated([...pathEdits, ...wrapped.edits], wrapped.review);
        if (wrapped.kind === "report") return manual(wrapped.reason, wrapped.data);
        line = wrapped.line;
      }
      const shared = line.static ? line.inlinedFrom?.shared : undefined;
      if (line.static && shared) {
        const built = planSharedLine(line, shared, lineOptions);
        if (!built.ok) return manual(built.reason, built.data);
        return migrated([...pathEdits, ...built.edits, ...(line.inlinedFrom?.removal ?? []), { ...site.args.argument, text: built.argumentText }], built.review);
      }
      const planned = planCommandLine(line, lineOptions);
      if (!planned.ok) return manual(planned.reason, planned.data);
      const removal = line.static ? (line.inlinedFrom?.removal ?? []) : [];
      const text = layoutArguments([planned.cmd], planned.args, site.args.argument, style, [...receiverEdits, ...pathEdits, ...removal]);
      return migrated([...pathEdits, ...removal, { ...site.args.argument, text }], planned.review);
    }
    case "docker-rest":
    case "container-exec": {
      const planned = site.args.shape === "docker-rest" ? planDockerRest(site.args.cmd, site.args.rest, lineOptions) : planContainerExec(site.args.container, site.args.line, lineOptions);
      if (!planned.ok) return manual(planned.reason, planned.data);
      const text = layoutArguments([planned.cmd], planned.args, site.args.argsRange, style, [...receiverEdits, ...pathEdits]);
      return migrated([...pathEdits, { ...site.args.argsRange, text }], planned.review);
    }
    case "spawn": {
      const layout: StreamLayout = {
        baseIndent: style.lineIndent(site.args.callbackRange.start),
        unit: style.indentUnit,
        bodyIndent: "",
        typescript: style.language === "ts",
        trailingComma: style.trailingComma !== "none",
        ...(site.receiver.untyped ? { untypedReceiver: true } : {}),
      };
      const stream = planStream(site.args.callback, layout, style);
      if (!stream) return manual("callback-not-hoistable");
      return migrated([...pathEdits, ...stream.edits, { ...site.args.callbackRange, text: stream.text }], stream.review);
    }
  }
}

/** Split when the callback's shape is clear; else wired to it by name, bound once first when needed. */
function planStream(callback: CallbackDescription, layout: StreamLayout, style: FileStyle): { text: string; edits: Edit[]; review: Review[] } | null {
  const wired = { ...layout, bodyIndent: layout.baseIndent + layout.unit };
  if (callback.kind === "inline") {
    const split = planSplitStream(callback.described, { ...layout, bodyIndent: callback.bodyIndent });
    if (split !== null) return { text: split.text, edits: [], review: split.review };
  }
  // In TypeScript a named callback is bound to a const typed `(data: any, error?: any) => void`,
  // so that it can be called with one argument, as v0 did, whatever parameters it declares.
  if (callback.kind === "stable-name" && style.language === "js") {
    return { text: planWiredStream(callback.name, wired), edits: [], review: [] };
  }
  const hoist = callback.hoist;
  if (!hoist) return null;
  // Before: spawnHostCmd("x", [], this.onData)
  // After:  const onSpawnEvent = this.onData;  …exec("x", [], { stream: { onOutput: (data) => onSpawnEvent(data), … } })
  const type = style.language === "ts" ? ": (data: any, error?: any) => void" : "";
  return {
    text: planWiredStream(hoist.name, wired),
    edits: [{ start: hoist.at, end: hoist.at, text: `const ${hoist.name}${type} = ${hoist.callbackText}${statementEnd(style.semicolons, style.text.slice(hoist.at))}\n${hoist.indent}` }],
    review: [],
  };
}
