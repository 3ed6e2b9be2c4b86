/**
 * What a project keeps in its package.json for `check`, read from the nearest package.json
 * above a file that has the key, so each package of a monorepo can keep its own:
 *
 *   { "ddclient-migrate": { "allow": ["navigateToRoute"] } }
 *
 * `allow` is the `no-deprecated-api` rule's option: table ids of v0 members called on purpose.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEPRECATIONS } from "../deprecations/table.js";
import { UsageError } from "./types.js";

export const CONFIG_KEY = "ddclient-migrate";

export interface ProjectConfig {
  readonly allow: readonly string[];
  /** The package.json it came from; null when no package.json above holds the key. */
  readonly source: string | null;
}

const NO_CONFIG: ProjectConfig = { allow: [], source: null };
const ALLOWABLE = new Set(DEPRECATIONS.map((row) => row.id));

/** `--allow a,b --allow c` → `["a", "b", "c"]`, each checked against the table's ids. */
export function parseAllowList(values: readonly string[], where: string): string[] {
  const ids = values.flatMap((value) => value.split(",")).map((id) => id.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !ALLOWABLE.has(id));
  if (unknown.length > 0) throw new UsageError(`${where}: unknown v0 member ${unknown.map((id) => `"${id}"`).join(", ")}; expected table ids such as ${[...ALLOWABLE].slice(0, 3).join(", ")} (see docs/check.md)`);
  return [...new Set(ids)];
}

/** The config of the directory holding a file; one read per directory. */
export function createConfigFinder(): (dir: string) => Promise<ProjectConfig> {
  const cache = new Map<string, Promise<ProjectConfig>>();
  const find = (dir: string): Promise<ProjectConfig> => {
    let found = cache.get(dir);
    if (!found) {
      found = readConfig(dir).then((config) => config ?? (path.dirname(dir) === dir ? NO_CONFIG : find(path.dirname(dir))));
      cache.set(dir, found);
    }
    return found;
  };
  return find;
}

async function readConfig(dir: string): Promise<ProjectConfig | undefined> {
  const file = path.join(dir, "package.json");
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    // Not ours to judge; the key cannot be read from it.
    return undefined;
  }
  const config = (manifest as Record<string, unknown> | null)?.[CONFIG_KEY];
  if (config === undefined) return undefined;
  const where = `${file} "${CONFIG_KEY}"`;
  if (config === null || typeof config !== "object" || Array.isArray(config)) throw new UsageError(`${where}: expected an object such as { "allow": ["navigateToRoute"] }`);
  const unknownKeys = Object.keys(config).filter((key) => key !== "allow");
  if (unknownKeys.length > 0) throw new UsageError(`${where}: unknown key ${unknownKeys.map((key) => `"${key}"`).join(", ")}; the only key is "allow"`);
  const allow = (config as { allow?: unknown }).allow ?? [];
  if (!Array.isArray(allow) || !allow.every((id) => typeof id === "string")) throw new UsageError(`${where}.allow: expected an array of strings`);
  return { allow: parseAllowList(allow, `${where}.allow`), source: file };
}
