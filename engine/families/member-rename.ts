/**
 * Members whose v1 counterpart takes the same arguments under another name: toasts, listing,
 * navigation, `openExternal`. What changes is the result: navigations that returned void now
 * return a Promise (a discarded one gets `void`, so no floating-promise lint error appears), and
 * a chained `openExternal()` keeps a Promise to chain on (core/plan-call-site).
 *
 * Before: window.ddClient.toastSuccess("Saved"); window.ddClient.navigateToContainers();
 * After:  window.ddClient.desktopUI.toast.success("Saved"); void window.ddClient.desktopUI.navigate.viewContainers();
 */
import type { ArgumentsDescription } from "../../core/call-site.js";

export const meta = {
  id: "member-rename",
  description: "Rewrite toasts, container and image listing, navigation and openExternal to their v1 names.",
} as const;

export function describeArguments(): ArgumentsDescription {
  return { shape: "unchanged" };
}
