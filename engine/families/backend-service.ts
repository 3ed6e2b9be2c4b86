/**
 * `backend.get/post/put/patch/delete/head/request` → `extension.vm.service.*`: the receiver
 * changes, the arguments and the returned Promise do not.
 *
 * Before: window.ddClient.backend.get("/status")
 * After:  window.ddClient.extension.vm.service.get("/status")
 */
import type { ArgumentsDescription } from "../../core/call-site.js";

export const meta = {
  id: "backend-service",
  description: "Rewrite window.ddClient.backend HTTP calls to extension.vm.service.",
} as const;

export function describeArguments(): ArgumentsDescription {
  return { shape: "unchanged" };
}
