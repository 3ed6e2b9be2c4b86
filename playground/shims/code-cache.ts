/**
 * transforms/code-cache.ts for the browser bundle: the page has no file to read and no V8 code
 * cache, so transforms/vendored.ts, told there is no parser file, takes the copy the bundle holds.
 */
export function loadCommonJs(file: string | URL): never {
  throw Object.assign(new Error(`ENOENT: the playground has no file ${String(file)}`), { code: "ENOENT" });
}

export function cacheFileOf(file: string): string {
  return `${file}.cache`;
}
