/**
 * The jscodeshift entry sees one file at a time; the CLI sees the tree, and rewrites an exported
 * command-line wrapper together with its callers in other files. Over a tree of such wrappers,
 * every file the entry writes differently from the CLI must be reported, at the wrapper or the
 * call, with a pointer to the CLI; a file that neither defines nor calls such a wrapper is not.
 * (One file cannot tell whether the CLI will rewrite a wrapper: that takes all its callers.)
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliInProcess } from "../cli/helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const root = path.resolve(import.meta.dirname, "../..");
type Transformer = (file: { path: string; source: string }, api: { report?: (message: string) => void }) => Promise<string | undefined>;
const transformer = createRequire(import.meta.url)(path.join(root, "dist/transforms/jscodeshift.cjs")) as Transformer;

const TREE: Record<string, string> = {
  // A wrapper of a whole line, called by name from two files, one through a renamed import.
  "src/api/cli.ts": "export function run(cmd: string) {\n  return window.ddClient.execHostCmd(cmd);\n}\n",
  "src/Pods.tsx": 'import { run } from "./api/cli";\nexport const pods = () => run("kubectl get pods");\n',
  "src/Nodes.ts": 'import { run as sh } from "./api/cli.js";\nexport const nodes = () => sh("kubectl get nodes");\n',
  // A wrapper of the last words of a line, called with several words.
  "src/tool.ts": "export function runTool(sub: string) {\n  return window.ddClient.backend.execInVMExtension(`/app/tool ${sub}`);\n}\n",
  "src/Status.ts": 'import { runTool } from "./tool";\nexport const status = () => runTool("status --json");\n',
  // Neither: a file with its own v0 call, and one importing a function that wraps nothing.
  "src/Toast.ts": 'import { format } from "./format";\nexport const done = () => window.ddClient.toastSuccess(format("done"));\n',
  "src/format.ts": "export const format = (text: string) => `[${text}]`;\n",
};

function writeTree(dir: string): void {
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

describe("the jscodeshift entry on cross-file wrappers", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-single-file-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }), IO_TIMEOUT);

  it(
    "reports, pointing to the CLI, every file it writes differently from the CLI, and no file without such a wrapper",
    async () => {
      const byCli = path.join(tmp, "cli");
      writeTree(byCli);
      expect((await cliInProcess(byCli, "src", "--allow-dirty")).code).toBe(0);

      const reports: Record<string, string[]> = {};
      const differs: string[] = [];
      for (const [file, source] of Object.entries(TREE)) {
        const full = path.join(tmp, "cli-input", file);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, source);
      }
      for (const [file, source] of Object.entries(TREE)) {
        const full = path.join(tmp, "cli-input", file);
        const messages: string[] = [];
        const output = (await transformer({ path: full, source }, { report: (message) => messages.push(message) })) ?? source;
        if (output !== fs.readFileSync(path.join(byCli, file), "utf8")) differs.push(file);
        reports[file] = messages.filter((message) => message.includes("run `ddclient-migrate` over the whole tree"));
      }
      // The CLI rewrote the wrappers and their callers: five files a single file's view gets wrong.
      expect(differs.sort()).toEqual(["src/Nodes.ts", "src/Pods.tsx", "src/Status.ts", "src/api/cli.ts", "src/tool.ts"]);
      expect(differs.filter((file) => reports[file]!.length === 0)).toEqual([]);
      expect(reports["src/Toast.ts"]).toEqual([]);
      expect(reports["src/format.ts"]).toEqual([]);
      expect(reports["src/Pods.tsx"]).toEqual([
        `${path.join(tmp, "cli-input/src/Pods.tsx")}:2:27 \`run\` is a command-line wrapper exported by ${path.relative(process.cwd(), path.join(tmp, "cli-input/src/api/cli.ts"))}: the CLI rewrites this call together with it when it sees all its callers, which a transform of one file cannot; run \`ddclient-migrate\` over the whole tree.`,
      ]);
      expect(reports["src/api/cli.ts"]![0]).toMatch(/cli\.ts:1:17 `run` is an exported command-line wrapper/);
    },
    IO_TIMEOUT,
  );
});
