import type { ReceiverKind } from "./call-site.js";

/**
 * Modules of a project that hand out the client (`export const ddClient =
 * createDockerDesktopClient()`, `export function useDockerDesktopClient() { … }`), found by the
 * CLI's pre-pass over the tree or named by the user (`--client-module`, the ESLint setting), so
 * that importing them is recognised as the client; and modules that were read and export
 * something else, so that `import { offline as ddClient } from "./client"` is known not to be
 * it. A module with no entry was never read: its imports are unknown, whatever their names.
 * Plain data and plain string paths: it crosses to worker processes and runs in ESLint alike.
 */
export interface ClientModuleExports {
  /** Exported bindings that are the client (`default` for a default export). */
  readonly names: readonly string[];
  /** Exported functions that return the client (`useDockerDesktopClient`). */
  readonly hooks: readonly string[];
  /** Exported bindings read and proven something else (a plain object, a function, a class, a string). */
  readonly others?: readonly string[];
  /** Exported functions whose every return is proven something else (`useOffline() { return offline; }`): their calls are no client. */
  readonly otherHooks?: readonly string[];
  /** Named by the user: every value it exports is the client, every function it exports returns it. */
  readonly all?: boolean;
}

/** Absolute module path without its extension (or a package name) → what it exports. */
export type ClientModules = Readonly<Record<string, ClientModuleExports>>;

const SCRIPT_EXTENSION = /\.(?:[mc]?[jt]sx?|vue|svelte)$/;

/** `/a/b/../c.ts` → `/a/c`: forward slashes, dot segments resolved, the script extension dropped. */
export function moduleKeyOf(absolutePath: string): string {
  const parts: string[] = [];
  for (const part of absolutePath.replace(/\\/g, "/").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && (part !== "" || parts.length === 0)) parts.push(part);
  }
  return parts.join("/").replace(SCRIPT_EXTENSION, "");
}

function directoryOf(file: string): string {
  const normalized = file.replace(/\\/g, "/");
  return normalized.slice(0, normalized.lastIndexOf("/"));
}

/** What the module an import names exports, when it is a client module. */
export function resolveClientModule(specifier: string, fromFile: string, modules: ClientModules | undefined): ClientModuleExports | undefined {
  if (!modules) return undefined;
  if (!specifier.startsWith(".")) return modules[specifier];
  const base = moduleKeyOf(`${directoryOf(fromFile)}/${specifier}`);
  return modules[base] ?? modules[`${base}/index`];
}

/**
 * What an imported binding is: `imported` is the exported name (`default`, or `*` for a
 * namespace, which is a module object and never the client).
 */
export function importedKind(module: ClientModuleExports | undefined, imported: string): ReceiverKind {
  if (imported === "*") return "not-client";
  if (!module) return "unknown";
  if (module.all || module.names.includes(imported)) return "client";
  return module.others?.includes(imported) ? "not-client" : "unknown";
}

/** User-named modules (package names, or paths relative to `cwd`), every export the client. */
export function namedClientModules(specs: readonly string[], cwd: string): ClientModules {
  const modules: Record<string, ClientModuleExports> = {};
  for (const spec of specs) {
    const isPath = spec.startsWith(".") || spec.startsWith("/") || /^[A-Za-z]:[\\/]/.test(spec);
    const key = !isPath ? spec : moduleKeyOf(spec.startsWith(".") ? `${cwd}/${spec}` : spec);
    modules[key] = { names: [], hooks: [], all: true };
  }
  return modules;
}
