/**
 * `--interactive` in a real pseudo-terminal (test/cli/tmux): one change at a time, and every
 * file ends up either as it was or holding exactly the accepted changes; "y" to all gives a
 * plain run's bytes. Without tmux these tests skip, with a message; the refusals run anyway.
 */
import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cli, git, put, tempFilesBelow, tempTree } from "./helpers.js";
import { questionsShown, TMUX, TMUX_CANDIDATES, tmuxServer } from "./tmux.js";
import { IO_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";

if (!TMUX) console.warn(`Skipping the --interactive terminal tests: no tmux at ${TMUX_CANDIDATES.join(" or ")} (install Debian's \`tmux\` package, as .ci/run does, or set TMUX_PATH).`);

const EXAMPLE = fileURLToPath(new URL("../../examples/legacy-extension", import.meta.url));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  cleanups = [];
}, IO_TIMEOUT);

async function tree(files: Readonly<Record<string, string>>): Promise<string> {
  const made = await tempTree(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

/** Every file below `dir`, by relative path. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files: Record<string, string> = {};
  for (const entry of names) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = await readFile(file, "utf8");
  }
  return files;
}

/** One line of toasts in each of three files: a plain run rewrites each line in place. */
const TOASTS: Record<string, string> = {
  "src/a.ts": 'export function a() {\n  window.ddClient.toastSuccess("one");\n  window.ddClient.toastWarning("two");\n  window.ddClient.toastError("three");\n}\n',
  "src/b.ts": 'export function b() {\n  window.ddClient.toastSuccess("four");\n  window.ddClient.toastError("five");\n}\n',
  "src/c.ts": 'export const c = () => window.ddClient.toastWarning("six");\n',
};
/** Each toast line as a plain run writes it. */
const migratedLine = (line: string): string => line.replace(/ddClient\.toast(Success|Warning|Error)\(/, (_, kind: string) => `ddClient.desktopUI.toast.${kind.toLowerCase()}(`);

/** The toast tree with exactly the changes at `accepted` (`file:line`) applied. */
function toastsWith(accepted: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(TOASTS).map(([file, text]) => [file, text.split("\n").map((line, index) => (accepted.includes(`${file}:${index + 1}`) ? migratedLine(line) : line)).join("\n")]),
  );
}

/** A wrapper of a whole command line with callers in two other files, one caller on the line of another change. */
const WRAPPER: Record<string, string> = {
  "src/api/cli.ts": "export function run(cmd: string) {\n  return window.ddClient.execHostCmd(cmd);\n}\n",
  "src/Pods.ts":
    'import { run } from "./api/cli";\n\nexport const pods = () => run("kubectl get pods --all-namespaces").then(() => window.ddClient.toastSuccess("listed"));\nexport const oops = () => window.ddClient.toastError("oops");\n',
  "src/Nodes.ts": 'import { run } from "./api/cli";\n\nexport const nodes = () => run("kubectl get nodes");\n',
};

describe("--interactive without a terminal", () => {
  it(
    "refuses with a usage exit code and a clear message, and with --dry, --check or --report json",
    async () => {
      const dir = await tree(TOASTS);
      const piped = cli(dir, "--interactive", "src");
      expect(piped.code).toBe(2);
      expect(piped.stderr).toContain("--interactive needs a terminal on stdin and stdout");
      for (const flag of [["--dry"], ["--check"], ["--report", "json"]]) {
        const result = cli(dir, "--interactive", ...flag, "src");
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/--interactive .* cannot be combined with/);
      }
      expect(await snapshot(dir)).toEqual(TOASTS);
    },
    IO_TIMEOUT,
  );
});

describe.skipIf(!TMUX)("--interactive in a terminal", () => {
  let server: ReturnType<typeof tmuxServer>;
  beforeAll(() => void (server = tmuxServer()), IO_TIMEOUT);
  afterAll(() => server?.close(), IO_TIMEOUT);

  /** Answers each question in turn as it appears; `answers` may stop early (q, Ctrl-C). */
  async function answer(dir: string, answers: readonly string[]): Promise<{ code: number; screen: string }> {
    const terminal = server.open(dir, "--interactive", "src");
    for (const [index, key] of answers.entries()) {
      await terminal.waitFor((screen) => questionsShown(screen) > index, `question ${index + 1}`);
      terminal.keys(key);
    }
    const code = await terminal.exited();
    return { code, screen: terminal.screen() };
  }

  it(
    "y to every change of the example gives a plain run's bytes",
    async () => {
      const plain = await tree({});
      const asked = await tree({});
      await cp(EXAMPLE, plain, { recursive: true });
      await cp(EXAMPLE, asked, { recursive: true });
      expect(cli(plain, "src").code).toBe(0);
      const terminal = server.open(asked, "--interactive", "src");
      const first = await terminal.waitFor((screen) => questionsShown(screen) > 0, "the first question");
      const total = Number(/Change 1 of (\d+)/.exec(first)![1]);
      expect(total).toBeGreaterThan(20);
      // Typed ahead: each key waits for its question.
      terminal.keys("y".repeat(total));
      expect(await terminal.exited()).toBe(0);
      expect(questionsShown(terminal.screen())).toBe(total);
      expect(await snapshot(asked)).toEqual(await snapshot(plain));
      expect(await snapshot(asked)).not.toEqual(await snapshot(EXAMPLE));
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "shows each change's hunk and note, and a wrapper with its callers in other files is one change",
    async () => {
      const plain = await tree(WRAPPER);
      expect(cli(plain, "src").code).toBe(0);
      const all = await tree(WRAPPER);
      const yes = await answer(all, ["y", "y", "y"]);
      expect(yes.code).toBe(0);
      expect(await snapshot(all)).toEqual(await snapshot(plain));
      // Asked once, at the first file it touches (src/Nodes.ts), with the hunk of each of its three files.
      expect(questionsShown(yes.screen)).toBe(3);
      const wrapper = yes.screen.slice(yes.screen.indexOf("Change 1 of 3"), yes.screen.indexOf("Change 2 of 3"));
      expect(wrapper).toContain("`execHostCmd` at src/api/cli.ts:2:26");
      for (const file of ["src/Nodes.ts", "src/Pods.ts", "src/api/cli.ts"]) expect(wrapper).toContain(`+++ b/${file}`);
      expect(wrapper).toContain('+export const nodes = () => run("kubectl", ["get", "nodes"]);');
      expect(wrapper).toContain("Note: The enclosing function now takes a command and its arguments");
      expect(yes.screen).toContain("Change 2 of 3: `toastSuccess` at src/Pods.ts:3:95");

      // No to the wrapper: its file and its callers stay; the toast on a caller's line is still made.
      const some = await tree(WRAPPER);
      const no = await answer(some, ["n", "y", "y"]);
      expect(no.code).toBe(0);
      const written = await snapshot(some);
      const migrated = await snapshot(plain);
      expect(written["src/api/cli.ts"]).toBe(WRAPPER["src/api/cli.ts"]);
      expect(written["src/Nodes.ts"]).toBe(WRAPPER["src/Nodes.ts"]);
      expect(written["src/Pods.ts"]).toBe(
        migrated["src/Pods.ts"]!.replace('run("kubectl", ["get", "pods", "--all-namespaces"])', 'run("kubectl get pods --all-namespaces")'),
      );
      expect(no.screen).toMatch(/src\/api\/cli\.ts:2:26 {2}`execHostCmd` was left as it is: skipped in --interactive/);
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "n leaves that change, a takes the rest of the file, and the summary lists what was skipped",
    async () => {
      const dir = await tree(TOASTS);
      // a.ts: y n y; b.ts: n, then a (its second); c.ts: n.
      const { code, screen } = await answer(dir, ["y", "n", "y", "n", "a", "n"]);
      expect(code).toBe(0);
      expect(await snapshot(dir)).toEqual(toastsWith(["src/a.ts:2", "src/a.ts:4", "src/b.ts:3"]));
      expect(questionsShown(screen)).toBe(6);
      for (const at of ["src/a.ts:3:19", "src/b.ts:2:19", "src/c.ts:1:40"]) expect(screen).toContain(`${at}  \``);
      expect(screen).toContain("Applying 3 of 6 change(s); the 3 skipped are listed as left for you.");

      const rest = await tree(TOASTS);
      // a at the first question of a.ts, then y to b.ts's two and c.ts's one.
      const all = await answer(rest, ["a", "y", "y", "y"]);
      expect(all.code).toBe(0);
      expect(questionsShown(all.screen)).toBe(4);
      expect(await snapshot(rest)).toEqual(toastsWith(["src/a.ts:2", "src/a.ts:3", "src/a.ts:4", "src/b.ts:2", "src/b.ts:3", "src/c.ts:1"]));
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "a .vue file is one change",
    async () => {
      const vue = '<script setup lang="ts">\nwindow.ddClient.toastSuccess("one");\nwindow.ddClient.toastError("two");\n</script>\n\n<template><p>hi</p></template>\n';
      const files = { "src/App.vue": vue, "src/c.ts": TOASTS["src/c.ts"]! };
      const dir = await tree(files);
      const { code, screen } = await answer(dir, ["n", "y"]);
      expect(code).toBe(0);
      expect(questionsShown(screen)).toBe(2);
      expect(screen).toContain("Change 1 of 2: `toastSuccess, toastError` at src/App.vue:1:1");
      expect(await snapshot(dir)).toEqual({ ...files, "src/c.ts": migratedLine(TOASTS["src/c.ts"]!) });
      expect(screen).toContain("src/App.vue:2:17  `toastSuccess` was left as it is: skipped in --interactive");
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "refuses a tree with uncommitted changes before the first question",
    async () => {
      const dir = await tree(TOASTS);
      git(dir, "init", "-q");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "init");
      const dirty = `${TOASTS["src/b.ts"]}// edited\n`;
      await put(dir, "src/b.ts", dirty);
      const { code, screen } = await answer(dir, []);
      expect(code).toBe(2);
      expect(questionsShown(screen)).toBe(0);
      expect(screen).toContain("Refusing to write: 1 file to migrate has uncommitted changes:");
      const files = await snapshot(dir);
      expect([files["src/a.ts"], files["src/b.ts"], files["src/c.ts"]]).toEqual([TOASTS["src/a.ts"], dirty, TOASTS["src/c.ts"]]);
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "q half-way writes what was accepted and skips the rest",
    async () => {
      const dir = await tree(TOASTS);
      const { code, screen } = await answer(dir, ["y", "n", "y", "y", "q"]);
      expect(code).toBe(0);
      expect(await snapshot(dir)).toEqual(toastsWith(["src/a.ts:2", "src/a.ts:4", "src/b.ts:2"]));
      expect(screen).toContain("Applying 3 of 6 change(s); the 3 skipped are listed as left for you.");
      expect(screen).toContain("src/c.ts:1:40  `toastWarning` was left as it is: skipped in --interactive");
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "Ctrl-C while asking writes nothing and exits 130; so does a second signal at once",
    async () => {
      const dir = await tree(TOASTS);
      const { code, screen } = await answer(dir, ["y", "y", "C-c"]);
      expect(code).toBe(130);
      expect(screen).toContain("Interrupted while asking: nothing was written; every file is as it was.");
      expect(await snapshot(dir)).toEqual(TOASTS);

      const again = await tree(TOASTS);
      const terminal = server.open(again, "--interactive", "src");
      await terminal.waitFor((screen) => questionsShown(screen) > 0, "the first question");
      terminal.keys("y");
      await terminal.waitFor((screen) => questionsShown(screen) > 1, "the second question");
      const pid = terminal.pid();
      process.kill(pid, "SIGINT");
      process.kill(pid, "SIGINT");
      expect(await terminal.exited()).toBe(130);
      expect(await snapshot(again)).toEqual(TOASTS);
      expect(await tempFilesBelow(again)).toEqual([]);
    },
    SLOW_IO_TIMEOUT,
  );
});
