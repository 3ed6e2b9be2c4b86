/**
 * Every Markdown link of the repository leads somewhere, read the way GitHub reads it: a
 * relative path names a file that is there, an anchor names a heading of that file by GitHub's
 * slug (github-slugger's rules), and a link in a file the package ships names a file the
 * tarball holds too, or the repository's page for it (through REPOSITORY_URL), so the docs
 * under node_modules/ddclient-migrate/ work offline and on the registry's page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY_URL } from "../../eslint-plugin/util/package.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIPPED_DIRS = new Set(["node_modules", "dist", "dist-playground", ".git", "fixtures", "results"]);

function markdownFiles(dir = ""): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : markdownFiles(rel);
    return entry.name.endsWith(".md") ? [rel] : [];
  });
}

/** The text with fenced code blocks and inline code spans blanked, so their brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/(`+)[^`]*?\1/g, "");
}

/**
 * github-slugger: lowercase, remove every character that is not a letter, mark, number,
 * connector punctuation (`_`), `-` or a space, each space becomes `-`; a repeated slug gets
 * `-1`, `-2`… The heading's text is what it renders: code spans keep their content, links their text.
 */
export function githubSlugs(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const [, heading] of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = heading!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`([^`]*)`/g, "$1").replace(/<[^>]+>/g, "").replace(/(\*\*|__|\*|_)(\S[^*_]*?)\1/g, "$2");
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    let slug = base;
    for (let n = seen.get(base) ?? 0; slugs.has(slug); n++) slug = `${base}-${n}`;
    seen.set(base, (seen.get(base) ?? 0) + 1);
    slugs.add(slug);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) slugs.add(id!);
  return slugs;
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** The files `npm pack` puts in the tarball, outside dist/ (which no doc links to). */
function shippedFiles(): Set<string> {
  const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
  const [entry] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
  return new Set(entry!.files.map((file) => file.path));
}

interface Broken {
  readonly file: string;
  readonly link: string;
  readonly why: string;
}

/** What is wrong with `link` in `file` (repository-relative), or undefined when it leads somewhere. */
function check(file: string, link: string, shipped: ReadonlySet<string>): string | undefined {
  const [target = "", anchor] = link.split("#", 2) as [string, string | undefined];
  let resolved: string;
  if (/^[a-z]+:/i.test(target)) {
    const repositoryPath = new RegExp(`^${REPOSITORY_URL.replace(/[.]/g, "\\.")}/(?:blob|tree|raw)/main/(.+)$`).exec(target);
    if (target === REPOSITORY_URL) resolved = "README.md";
    else if (repositoryPath) resolved = decodeURI(repositoryPath[1]!);
    else if (target.startsWith(REPOSITORY_URL)) return `a page of ${REPOSITORY_URL} that is no file on main`;
    else return undefined; // Another site's page: not ours to check.
  } else {
    resolved = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(target)));
    const shippedDir = `${resolved.replace(/\/$/, "")}/`;
    if (shipped.has(file) && !shipped.has(resolved) && ![...shipped].some((shippedFile) => shippedFile.startsWith(shippedDir))) {
      return `${resolved} is not in the package: link ${REPOSITORY_URL}/blob/main/${resolved} instead`;
    }
  }
  const absolute = path.join(ROOT, resolved);
  if (!existsSync(absolute)) return `${resolved} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(absolute).isDirectory() || !resolved.endsWith(".md")) return `an anchor on ${resolved}, which is not a Markdown file`;
  return githubSlugs(readFileSync(absolute, "utf8")).has(anchor) ? undefined : `${resolved} has no heading whose slug is #${anchor}`;
}

describe("Markdown links", () => {
  it("reads headings into slugs as GitHub does", () => {
    const slugs = [...githubSlugs("# `--safe-only`: only what `eslint --fix` applies\n## Usage\n## Usage\n### Don't [link](x.md) *this*\n```\n# not a heading\n```\n")];
    expect(slugs).toEqual(["--safe-only-only-what-eslint---fix-applies", "usage", "usage-1", "dont-link-this"]);
  });

  it(
    "each lead to a file and heading that exist, and a shipped doc's to a shipped file or the repository",
    () => {
      const shipped = shippedFiles();
      expect(shipped.has("docs/cli.md")).toBe(true);
      const files = markdownFiles();
      expect(files).toContain("docs/rules/exec-args-array.md");
      const broken: Broken[] = [];
      let count = 0;
      for (const file of files) {
        for (const link of links(readFileSync(path.join(ROOT, file), "utf8"))) {
          count++;
          const why = check(file, link, shipped);
          if (why !== undefined) broken.push({ file, link, why });
        }
      }
      expect(count).toBeGreaterThan(50);
      expect(broken).toEqual([]);
    },
    IO_TIMEOUT,
  );

  it("the README's Development tree names each folder once, and only folders that exist", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const tree = /^Each top-level folder holds one concern[^\n]*\n\n```\n([\s\S]*?)^```$/m.exec(readme)?.[1] ?? "";
    const folders = [...tree.matchAll(/^(\S+\/)\s/gm)].map((match) => match[1]!);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((folder, i) => folders.indexOf(folder) !== i)).toEqual([]);
    expect(folders.filter((folder) => !existsSync(path.join(ROOT, folder)))).toEqual([]);
  });
});
