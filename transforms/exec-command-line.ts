/**
 * `execHostCmd(line)` / `backend.execInVMExtension(line)` → `…cli.exec(cmd, args)`, the line
 * split by the shell's word rules (core/plan-command-line).
 *
 * Before: window.ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`)
 * After:  window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "-n", ns, "-o", "json"])
 */
import { planCommandLine } from "../core/plan-command-line.js";
import type { V0CallSite } from "./lib/call-sites.js";
import { describeCommandLine } from "./lib/describe-command-line.js";
import { manual, positionOf, type FileContext, type SitePlan } from "./lib/file-context.js";
import { memberPathEdits } from "./lib/member-path-edits.js";

export const meta = {
  id: "exec-command-line",
  description: "Rewrite execHostCmd and backend.execInVMExtension command lines to cli.exec(cmd, args).",
} as const;

export function plan(site: V0CallSite, ctx: FileContext): SitePlan {
  const args = site.call.node.arguments;
  if (args.length !== 1 || args[0].type === "SpreadElement") return manual(site, "unexpected-arguments");
  const argument = site.call.get("arguments", 0);
  const line = describeCommandLine(argument, ctx);
  const planned = planCommandLine(line, { quote: ctx.quote, typescript: ctx.language === "ts", rawArgs: ctx.rawArgs });
  if (!planned.ok) return manual(site, planned.reason, planned.data);
  return {
    edits: [
      ...memberPathEdits(site, ctx.language),
      { start: args[0].start, end: args[0].end, text: `${planned.cmd}, [${planned.args.join(", ")}]` },
    ],
    finding: { kind: "migrated", member: site.row.id, at: positionOf(site), review: planned.review },
  };
}
