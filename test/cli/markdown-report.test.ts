/**
 * Issue 18 (1): `--report markdown`, `--markdown <file>` and `check --format markdown`, read
 * back with a Markdown parser. The example extension lies in a folder of a git repository, so
 * that links relative to the git root (`ext/src/…`) differ from paths relative to where the
 * command ran (`src/…`), with a file whose name needs encoding and a file that does not parse.
 * Every table must be well formed, and every link must name a file the run saw, at a line that
 * holds the call: in the file as written (write, and --dry, checked against the written file)
 * or as it is (--check, check).
 */
import { cp, lstat, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { execFileSync, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckJsonReport } from "../../cli/check-report.js";
import type { JsonReport } from "../../cli/report.js";
import { BROKEN, cliInProcess, git, put, tempFilesBelow, tempTree, V0_GET } from "./helpers.js";
import { cellText, expectWellFormed, parseMarkdown, type ParsedMarkdown } from "./markdown-parse.js";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../examples/legacy-extension");
const ODD = "src/odd dir/a b#c|d%é.ts";
const ODD_SOURCE = 'window.ddClient.toastError("a | b `c` *d*");\nwindow.ddClient.execHostCmd("ps aux | grep [x]");\n';

/** A link's target: the path from the git root and the line. */
function target(href: string): { file: string; line: number } {
  const match = /^([^#]+)#L(\d+)$/.exec(href);
  expect(match, href).not.toBeNull();
  return { file: decodeURIComponent(match![1]!), line: Number(match![2]) };
}

const lastSegment = (member: string): string => member.replace(/[!?]/g, "").split(".").at(-1)!;

describe("the Markdown report", () => {
  let dir: string;
  let repo: string;
  let ext: string;
  /** The files as they were before the write run, by path from the git root. */
  const before = new Map<string, string>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-md-"));
    repo = path.join(dir, "repo");
    ext = path.join(repo, "ext");
    await cp(EXAMPLE, ext, { recursive: true });
    await put(ext, ODD, ODD_SOURCE);
    await put(ext, "src/broken.ts", BROKEN);
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "example");
    for (const file of git(repo, "ls-files", "-z").split("\0").filter(Boolean)) before.set(file, await readFile(path.join(repo, file), "utf8"));
  }, SLOW_IO_TIMEOUT);
  afterAll(() => rm(dir, { recursive: true, force: true }), SLOW_IO_TIMEOUT);

  const now = (file: string): Promise<string> => readFile(path.join(repo, file), "utf8");
  const then = (file: string): Promise<string> => Promise.resolve(before.get(file)!);

  /**
   * Tables well formed; every link in a `Where` cell, to a file of the JSON report of the same
   * run at the line of a finding of the row's member, and that line of `textOf(file)` holds
   * the call: its v1 replacement when migrated, its v0 member when left or when --check wrote nothing.
   */
  async function expectLinksToCalls(md: ParsedMarkdown, report: JsonReport, textOf: (file: string) => Promise<string>): Promise<void> {
    for (const table of md.tables) expectWellFormed(table);
    const rows = md.tables.filter((table) => table.header[0]!.text === "Where").flatMap((table) => table.rows);
    expect(rows.length).toBe(report.findings.filter((f) => f.kind === "manual").length + report.findings.reduce((n, f) => n + f.review.length, 0));
    expect(md.links).toHaveLength(rows.length);
    const seen = new Set(report.files.map((file) => path.join(report.cwd, file.path)));
    for (const row of rows) {
      expect(row[0]!.tokens.map((token) => token.type)).toEqual(["link"]);
      const { file, line } = target((row[0]!.tokens[0] as { href: string }).href);
      expect(seen).toContain(path.join(repo, file));
      const member = cellText(row[1]!);
      const finding = report.findings.find((f) => path.join(report.cwd, f.file) === path.join(repo, file) && f.line === line && f.member === member);
      expect(finding, `${file}:${line} ${member}`).toBeDefined();
      const text = (await textOf(file)).split(/\r\n?|\n/)[line - 1]!;
      expect(text, `${file}:${line}`).toContain(lastSegment(finding!.kind === "manual" || report.mode === "check" ? member : finding!.replacement));
    }
  }

  function expectSummary(md: ParsedMarkdown, positions: RegExp): void {
    expect(md.paragraphs.some((p) => positions.test(p) && p.includes("Links are relative to the root of the git repository."))).toBe(true);
    const failed = md.tables.find((table) => table.header[0]!.text === "File");
    expect(failed?.rows.map((row) => cellText(row[0]!))).toEqual(["ext/src/broken.ts"]);
  }

  const oddLinks = (md: ParsedMarkdown): string[] => md.links.map((link) => link.href).filter((href) => href.includes("odd"));

  it("--check: links to the files as they are, relative to the git root", async () => {
    const result = await cliInProcess(ext, "src", "--check", "--report", "markdown", "--json", path.join(dir, "check.json"));
    expect(result.code).toBe(1);
    const md = parseMarkdown(result.stdout);
    const report = JSON.parse(await readFile(path.join(dir, "check.json"), "utf8")) as JsonReport;
    await expectLinksToCalls(md, report, then);
    expectSummary(md, /lines are those of the files as they are/);
    expect(oddLinks(md)).toEqual(["ext/src/odd%20dir/a%20b%23c%7Cd%25%C3%A9.ts#L2"]);
  }, SLOW_IO_TIMEOUT);

  it("check --format markdown: every problem linked to a line that names its member", async () => {
    const result = await cliInProcess(ext, "check", "src", "--format", "markdown", "--output", path.join(dir, "check.md"));
    expect(result.code).toBe(1);
    const md = parseMarkdown(await readFile(path.join(dir, "check.md"), "utf8"));
    const report = JSON.parse((await cliInProcess(ext, "check", "src", "--format", "json")).stdout) as CheckJsonReport;
    for (const table of md.tables) expectWellFormed(table);
    expect(md.links).toHaveLength(report.findings.length);
    for (const link of md.links) {
      const { file, line } = target(link.href);
      const finding = report.findings.find((f) => path.join(report.cwd, f.file) === path.join(repo, file) && f.line === line);
      expect(finding, link.href).toBeDefined();
      const member = /`([\w.]+)`/.exec(finding!.message)![1]!;
      expect(before.get(file)!.split("\n")[line - 1]).toContain(lastSegment(member));
    }
    expectSummary(md, /lines are those of the files as they are/);
  }, SLOW_IO_TIMEOUT);

  it("--dry and a write with --markdown <file>: links to the files as written, the same from both", async () => {
    // `--client import` puts a header above the calls: the lines as written are not the lines as they were.
    const dry = await cliInProcess(ext, "src", "--client", "import", "--dry", "--report", "markdown", "--json", path.join(dir, "dry.json"));
    expect(dry.code).toBe(1);
    expect(dry.stdout).not.toMatch(/^@@/m);
    const written = await cliInProcess(ext, "src", "--client", "import", "--markdown", path.join(dir, "out", "written.md"), "--json", path.join(dir, "written.json"));
    expect(written.code).toBe(1);
    // The terminal summary still goes to stdout; the Markdown to the file.
    expect(written.stdout).toMatch(/^Scanned \d+ files/m);
    const dryMd = parseMarkdown(dry.stdout);
    const writtenMd = parseMarkdown(await readFile(path.join(dir, "out", "written.md"), "utf8"));
    await expectLinksToCalls(dryMd, JSON.parse(await readFile(path.join(dir, "dry.json"), "utf8")) as JsonReport, now);
    await expectLinksToCalls(writtenMd, JSON.parse(await readFile(path.join(dir, "written.json"), "utf8")) as JsonReport, now);
    expectSummary(dryMd, /as they would be written/);
    expectSummary(writtenMd, /^Lines are those of the files as written\./);
    expect(dryMd.links.map((link) => link.href)).toEqual(writtenMd.links.map((link) => link.href));
    // Below the header: the call left on line 2 of the file as it was now stands lower.
    expect(oddLinks(writtenMd)).toHaveLength(1);
    expect(target(oddLinks(writtenMd)[0]!)).toEqual({ file: `ext/${ODD}`, line: (await now(`ext/${ODD}`)).split("\n").findIndex((line) => line.includes("execHostCmd")) + 1 });
    expect(target(oddLinks(writtenMd)[0]!).line).toBeGreaterThan(2);
    // The count per member, from the same run's report.
    const perMember = writtenMd.tables.find((table) => table.header[0]!.text === "Member")!;
    const report = JSON.parse(await readFile(path.join(dir, "written.json"), "utf8")) as JsonReport;
    for (const [member, count] of Object.entries(report.summary.migratedByMember)) {
      expect(perMember.rows.find((row) => cellText(row[0]!) === member)?.map(cellText)[2]).toBe(String(count));
    }
  }, SLOW_IO_TIMEOUT);
});

describe("the Markdown report outside a git repository", () => {
  it("links relative to the directory the command ran in, and says so", async () => {
    const { dir, cleanup } = await tempTree({ "ui/src/a.ts": "\n" + ODD_SOURCE });
    try {
      const result = await cliInProcess(path.join(dir, "ui"), "src", "--check", "--report", "markdown");
      const md = parseMarkdown(result.stdout);
      expect(md.links.map((link) => link.href)).toEqual(["src/a.ts#L3"]);
      expect(md.paragraphs.some((p) => p.includes("Not in a git repository: links are relative to the directory the command ran in."))).toBe(true);
    } finally {
      await cleanup();
    }
  }, SLOW_IO_TIMEOUT);
});

describe("the Markdown report of a refused run, and a file it cannot be written to", () => {
  it("a refused write lists the files with uncommitted changes, from the git root; nothing is written", async () => {
    const { dir, cleanup } = await tempTree({ "ui/src/a b.ts": V0_GET });
    try {
      git(dir, "init", "-q");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "init");
      await put(dir, "ui/src/a b.ts", "// edited\n" + V0_GET);
      const result = await cliInProcess(path.join(dir, "ui"), "src", "--report", "markdown", "--markdown", path.join(dir, "..", `${path.basename(dir)}-refused.md`));
      expect(result.code).toBe(2);
      const md = parseMarkdown(result.stdout);
      expect(md.paragraphs[0]).toMatch(/^Refused to write: 1 of the files to migrate/);
      expect(md.tables).toHaveLength(1);
      expectWellFormed(md.tables[0]!);
      expect(md.tables[0]!.rows.map((row) => cellText(row[0]!))).toEqual(["ui/src/a b.ts"]);
      expect(await readFile(path.join(dir, "..", `${path.basename(dir)}-refused.md`), "utf8")).toBe(result.stdout);
      expect(await readFile(path.join(dir, "ui/src/a b.ts"), "utf8")).toBe("// edited\n" + V0_GET);
    } finally {
      await rm(path.join(dir, "..", `${path.basename(dir)}-refused.md`), { force: true });
      await cleanup();
    }
  }, SLOW_IO_TIMEOUT);

  it("--markdown <file> through a symbolic link writes the file it names, and writes into a pipe in place", async () => {
    const { dir, cleanup } = await tempTree({ "src/a.ts": V0_GET });
    try {
      await mkdir(path.join(dir, "docs"));
      await symlink(path.join("docs", "real.md"), path.join(dir, "link.md"));
      expect((await cliInProcess(dir, "src", "--dry", "--markdown", "link.md")).code).toBe(0);
      expect((await lstat(path.join(dir, "link.md"))).isSymbolicLink()).toBe(true);
      expect(await readFile(path.join(dir, "docs", "real.md"), "utf8")).toMatch(/^## ddclient-migrate --dry\n/);
      // A reader holds the pipe open; the report goes into it rather than replacing it.
      execFileSync("mkfifo", [path.join(dir, "pipe")]);
      const reader = spawn("cat", [path.join(dir, "pipe")], { stdio: ["ignore", "pipe", "inherit"] });
      const read = new Promise<string>((resolve) => {
        let text = "";
        reader.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        reader.on("close", () => resolve(text));
      });
      expect((await cliInProcess(dir, "src", "--dry", "--markdown", "pipe")).code).toBe(0);
      expect(await read).toMatch(/^## ddclient-migrate --dry\n/);
      expect((await lstat(path.join(dir, "pipe"))).isFIFO()).toBe(true);
    } finally {
      await cleanup();
    }
  }, SLOW_IO_TIMEOUT);

  it("--markdown <file> that cannot be written: exit 1, said on stderr, no temporary file left", async () => {
    const { dir, cleanup } = await tempTree({ "src/a.ts": V0_GET, "taken": "a file, not a directory\n" });
    try {
      const result = await cliInProcess(dir, "src", "--dry", "--markdown", "taken/report.md");
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/could not write the Markdown report to taken\/report\.md/);
      expect(await tempFilesBelow(dir)).toEqual([]);
    } finally {
      await cleanup();
    }
  }, SLOW_IO_TIMEOUT);
});
