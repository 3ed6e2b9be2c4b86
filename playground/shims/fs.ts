/**
 * `node:fs` for the browser bundle. The engine reads one file: eslint-plugin/util/package.ts
 * reads the package's own package.json for the plugin's name and version. The build defines
 * `PLAYGROUND_MANIFEST` as that file's name and version, so the plugin reports what the CLI does.
 */
declare const PLAYGROUND_MANIFEST: string;

export function readFileSync(file: string | URL): string {
  const name = String(file);
  if (name.endsWith("/package.json")) return PLAYGROUND_MANIFEST;
  throw Object.assign(new Error(`ENOENT: the playground has no file ${name}`), { code: "ENOENT" });
}

/** The plugin looks for a project's package.json above the file (eslint-plugin/util/project-allow.ts): the playground has none. */
export function statSync(file: string | URL): never {
  throw Object.assign(new Error(`ENOENT: the playground has no file ${String(file)}`), { code: "ENOENT" });
}

/** Whether `./tool` is `tool.ts` or `tool/index.ts` (transforms/lib/client-modules.ts): the playground has no file beside the one shown. */
export function existsSync(): boolean {
  return false;
}

export default { readFileSync, statSync, existsSync };
