/**
 * `node:path` for the browser bundle: POSIX only, with the playground's virtual working
 * directory `/` (shims/process.ts), so `path.resolve("src/App.tsx")` is `/src/App.tsx` and the
 * paths the engine prints relative to it read as the CLI prints them from a project's root.
 * Only the functions the engine calls (grep `path\.` in transforms/) are here.
 */
function normalize(absolute: string): string {
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "" && part !== ".") parts.push(part);
  }
  return `/${parts.join("/")}`;
}

function resolve(...segments: string[]): string {
  let joined = "/";
  for (const segment of segments) joined = segment.startsWith("/") ? segment : `${joined}/${segment}`;
  return normalize(joined);
}

function relative(from: string, to: string): string {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

function dirname(file: string): string {
  const cut = file.replace(/\/+$/, "").lastIndexOf("/");
  return cut < 0 ? "." : cut === 0 ? "/" : file.slice(0, cut);
}

function basename(file: string, ext?: string): string {
  const base = file.replace(/\/+$/, "").slice(file.replace(/\/+$/, "").lastIndexOf("/") + 1);
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

function join(...segments: string[]): string {
  const joined = segments.filter(Boolean).join("/");
  if (!joined) return ".";
  const absolute = joined.startsWith("/");
  const normal = normalize(joined);
  return absolute ? normal : normal.slice(1) || ".";
}

function extname(file: string): string {
  const base = basename(file);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot);
}

const path = { resolve, relative, dirname, basename, join, extname, sep: "/", isAbsolute: (p: string) => p.startsWith("/") };
export default path;
export { resolve, relative, dirname, basename, join, extname };
