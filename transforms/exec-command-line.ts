/**
 * `execHostCmd(line)` / `backend.execInVMExtension(line)` → `…cli.exec(cmd, args)`, the line
 * split by the shell's word rules (core/plan-command-line).
 *
 * Before: window.ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`)
 * After:  window.ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "-n", ns, "-o", "json"])
 */
import type { ArgumentsDescription } from "../core/call-site.js";
import type { V0CallSite } from "./lib/call-sites.js";
import { describeCommandLine } from "./lib/describe-command-line.js";
import type { FileContext } from "./lib/file-context.js";

export const meta = {
  id: "exec-command-line",
  description: "Rewrite execHostCmd and backend.execInVMExtension command lines to cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, ctx: FileContext): ArgumentsDescription {
  const args = site.call.node.arguments;
  if (args.length !== 1 || args[0].type === "SpreadElement") return { shape: "unexpected" };
  const line = describeCommandLine(site.call.get("arguments", 0), ctx);
  return { shape: "command-line", argument: { start: args[0].start, end: args[0].end }, line };
}
