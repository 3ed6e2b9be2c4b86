/**
 * `backend.get/post/put/patch/delete/head/request` → `extension.vm.service.*`: the receiver
 * changes, the arguments and the returned Promise do not.
 *
 * Before: window.ddClient.backend.get("/status")
 * After:  window.ddClient.extension.vm.service.get("/status")
 */
import type { V0CallSite } from "./lib/call-sites.js";
import { positionOf, type FileContext, type SitePlan } from "./lib/file-context.js";
import { memberPathEdits } from "./lib/member-path-edits.js";

export const meta = {
  id: "backend-service",
  description: "Rewrite window.ddClient.backend HTTP calls to extension.vm.service.",
} as const;

export function plan(site: V0CallSite, ctx: FileContext): SitePlan {
  return {
    edits: memberPathEdits(site, ctx.language),
    finding: { kind: "migrated", member: site.row.id, at: positionOf(site), review: [] },
  };
}
