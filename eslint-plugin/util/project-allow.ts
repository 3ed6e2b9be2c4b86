/**
 * The `allow` list a project keeps in its package.json, read for the rule as `check` reads it
 * (cli/project-config.ts): from the nearest package.json above the file that has the key, so
 * `eslint --max-warnings 0` and `check` agree on a call kept on purpose.
 *
 *   { "ddclient-migrate": { "allow": ["navigateToRoute"] } }
 *
 * Read synchronously (rules are), and again when the package.json changes (an editor's ESLint
 * server lives long).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

export const CONFIG_KEY = "ddclient-migrate";

const cache = new Map<string, { readonly mtimeMs: number; readonly allow: readonly string[] | undefined }>();

/** The list of `dir`'s package.json, or undefined when it has none or no key. */
function allowIn(dir: string, known: ReadonlySet<string>): readonly string[] | undefined {
  const file = path.join(dir, "package.json");
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.allow;
  let config: unknown;
  try {
    config = (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown> | null)?.[CONFIG_KEY];
  } catch {
    // Not ours to judge; `check` reads past it too.
    config = undefined;
  }
  const allow = config === undefined ? undefined : validAllow(config, `${file} "${CONFIG_KEY}"`, known);
  cache.set(file, { mtimeMs, allow });
  return allow;
}

/** A wrong config is an error, as `check` makes it (exit 2): a silently ignored list would fail the gate unexplained. */
function validAllow(config: unknown, where: string, known: ReadonlySet<string>): readonly string[] {
  const allow = config !== null && typeof config === "object" && !Array.isArray(config) ? (config as { allow?: unknown }).allow ?? [] : undefined;
  if (!Array.isArray(allow) || !allow.every((id) => typeof id === "string")) throw new Error(`ddclient-migrate: ${where}.allow: expected an array of strings`);
  const unknown = allow.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`ddclient-migrate: ${where}.allow: unknown v0 member ${unknown.map((id) => `"${id}"`).join(", ")} (see docs/check.md)`);
  return allow;
}

/** The project's `allow` list for a file (an absolute path); empty when no package.json above holds the key. */
export function projectAllow(filename: string, known: ReadonlySet<string>): readonly string[] {
  if (!path.isAbsolute(filename)) return [];
  for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
    const allow = allowIn(dir, known);
    if (allow !== undefined) return allow;
    if (path.dirname(dir) === dir) return [];
  }
}
