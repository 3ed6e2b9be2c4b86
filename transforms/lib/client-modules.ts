/**
 * Modules of the project that hand out the client (`export const ddClient =
 * createDockerDesktopClient()`, `export function useDockerDesktopClient() { … }`), found by a
 * pre-pass over the tree or named with `--client-module`, so that an import of them is
 * recognised as the client in every other file.
 */
import path from "node:path";

export interface ClientModuleExports {
  /** Exported bindings that are the client (`default` for a default export). */
  readonly names: readonly string[];
  /** Exported functions that return the client (`useDockerDesktopClient`). */
  readonly hooks: readonly string[];
  /** Named with `--client-module`: every value it exports is the client, every function it exports returns it. */
  readonly all?: boolean;
}

/** Absolute module path without extension (or a package name) → what it exports. Plain data: it crosses to workers. */
export type ClientModules = Readonly<Record<string, ClientModuleExports>>;

const SCRIPT_EXTENSION = /\.(?:[mc]?[jt]sx?|vue|svelte)$/;

export function moduleKey(filePath: string): string {
  return path.resolve(filePath).replace(SCRIPT_EXTENSION, "");
}

/** What the module an import names exports, when it is a client module. */
export function resolveClientModule(specifier: string, fromFile: string, modules: ClientModules | undefined): ClientModuleExports | undefined {
  if (!modules) return undefined;
  if (!specifier.startsWith(".")) return modules[specifier];
  const base = path.resolve(path.dirname(fromFile), specifier).replace(SCRIPT_EXTENSION, "");
  return modules[base] ?? modules[path.join(base, "index")];
}
