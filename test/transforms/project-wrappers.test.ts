/** The pre-pass for exported wrappers of a whole command line (transforms/project-wrappers). */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../transforms/migrate.js";
import { scanProjectWrappers } from "../../transforms/project-wrappers.js";

const root = path.resolve("/project/src");
const cli = { path: path.join(root, "api/cli.ts"), source: 'export function run(cmd: string) {\n  return window.ddClient.execHostCmd(cmd);\n}\n' };
const key = `${path.join(root, "api/cli")}#run`;
const scan = (...others: { path: string; source: string }[]) => scanProjectWrappers([cli, ...others], { cwd: root });

describe("project wrappers", () => {
  it("plans the edits of static callers in other files, renamed imports included", () => {
    const caller = { path: path.join(root, "App.tsx"), source: 'import { run as sh } from "./api/cli";\nsh("docker ps -a");\n' };
    const found = scan(caller);
    expect(found.wrappers[key]).toEqual({ rewrite: true, callers: "App.tsx:2:1", review: [] });
    // Named as the change of the wrapper's v0 call, which --interactive accepts or leaves with them.
    expect(found.callerEdits[caller.path]).toEqual([{ start: 42, end: 56, text: '"docker", ["ps", "-a"]', change: `${cli.path}:2:26` }]);
  });

  it("does not rewrite a wrapper whose callers it cannot all see", () => {
    const reexport = { path: path.join(root, "index.ts"), source: 'export { run } from "./api/cli";\n' };
    const namespace = { path: path.join(root, "B.ts"), source: 'import * as api from "./api/cli";\napi.run("ls");\n' };
    expect(scan(reexport).wrappers[key]).toEqual({ rewrite: false, callers: "index.ts:1:1 (used as a value)", review: [] });
    expect(scan(namespace).wrappers[key]!.rewrite).toBe(false);
    expect(scan(namespace).callerEdits).toEqual({});
  });

  it("ignores a same-named function of another module, and reports a wrapper nobody calls", () => {
    const other = { path: path.join(root, "Other.ts"), source: 'const run = (x: string) => x;\nrun("a b");\n' };
    expect(scan(other).wrappers[key]).toEqual({ rewrite: false, callers: "", review: [] });
  });
});

describe("project wrappers that prefix a fixed command", () => {
  const tool = { path: path.join(root, "api/tool.ts"), source: "export function runTool(sub: string) {\n  return window.ddClient.execHostCmd(`/app/tool ${sub}`);\n}\n" };
  const toolKey = `${path.join(root, "api/tool")}#runTool`;
  const caller = (name: string, call: string) => ({ path: path.join(root, name), source: `import { runTool } from "./api/tool";\n${call};\n` });

  it("rewrites every caller to pass an args array when one passes several words", () => {
    const status = caller("Status.ts", 'runTool("status --json")');
    const up = caller("Up.ts", "runTool(`up`)");
    const found = scanProjectWrappers([tool, status, up], { cwd: root });
    expect(found.wrappers[toolKey]).toEqual({ rewrite: true, callers: "Status.ts:2:1, Up.ts:2:1", review: [], multiWord: true, values: ["status --json", "up"] });
    const at = (file: { source: string }, text: string) => ({ start: file.source.indexOf(text), end: file.source.indexOf(text) + text.length });
    const change = `${tool.path}:2:26`;
    expect(found.callerEdits[status.path]).toEqual([{ ...at(status, '"status --json"'), text: '["status", "--json"]', change }]);
    expect(found.callerEdits[up.path]).toEqual([{ ...at(up, "`up`"), text: '["up"]', change }]);
  });

  it("keeps the parameter one argument, with its values, when every caller passes one word", () => {
    const found = scanProjectWrappers([tool, caller("Up.ts", 'runTool("up")')], { cwd: root });
    expect(found.wrappers[toolKey]).toEqual({ rewrite: false, callers: "Up.ts:2:1", review: [], values: ["up"] });
    expect(found.callerEdits).toEqual({});
  });

  it("rewrites nothing when a caller is not static or the wrapper is passed as a value", () => {
    const status = caller("Status.ts", 'runTool("status --json")');
    const dynamic = caller("Any.ts", "export const any = (line: string) => runTool(line)");
    const byValue = caller("Each.ts", 'export const each = () => ["up", "down"].map(runTool)');
    const withDynamic = scanProjectWrappers([tool, status, dynamic], { cwd: root });
    expect(withDynamic.wrappers[toolKey]).toEqual({ rewrite: false, callers: "Status.ts:2:1, Any.ts:2:38 (dynamic-command-line)", review: [], multiWord: true });
    expect(withDynamic.callerEdits).toEqual({});
    const withValue = scanProjectWrappers([tool, status, byValue], { cwd: root });
    expect(withValue.wrappers[toolKey]).toMatchObject({ rewrite: false, callers: "Status.ts:2:1, Each.ts:2:46 (used as a value)", multiWord: true });
    expect(withValue.callerEdits).toEqual({});
  });

  it("rewrites nothing when a file that names the wrapper cannot be read (markup, a parse error)", () => {
    const status = caller("Status.ts", 'runTool("status --json")');
    const vue = { path: path.join(root, "Panel.vue"), source: '<script setup lang="ts">\nimport { runTool } from "./api/tool";\nrunTool("up");\n</script>\n' };
    const broken = caller("Broken.ts", "runTool(");
    for (const unread of [vue, broken]) {
      const found = scanProjectWrappers([tool, status, unread], { cwd: root });
      expect(found.wrappers[toolKey]).toEqual({ rewrite: false, callers: `Status.ts:2:1, ${path.basename(unread.path)} (not read)`, review: [], multiWord: true });
      expect(found.callerEdits).toEqual({});
    }
    // A wrapper of a whole line alike.
    const lineCaller = { path: path.join(root, "App.tsx"), source: 'import { run } from "./api/cli";\nrun("docker ps -a");\n' };
    const lineVue = { path: path.join(root, "Panel.vue"), source: '<script setup>\nimport { run } from "./api/cli";\nrun("ls");\n</script>\n' };
    expect(scan(lineCaller, lineVue).wrappers[key]).toEqual({ rewrite: false, callers: "App.tsx:2:1, Panel.vue (not read)", review: [] });
  });

  it("migrates a wrapper nobody calls as before: its parameter one argument, with a review note", () => {
    const found = scanProjectWrappers([tool], { cwd: root });
    expect(found.wrappers[toolKey]).toEqual({ rewrite: false, callers: "", review: [] });
    const result = migrateSource(tool.source, tool.path, { projectWrappers: found });
    expect(result.status === "changed" && result.output).toContain('exec("/app/tool", [sub])');
    expect(result.findings.map((f) => (f.kind === "migrated" ? f.review.map((r) => r.reason) : f.reason))).toEqual([["interpolation-not-resplit"]]);
  });

  it("leaves out a wrapper whose parameter is not a whole word after the command", () => {
    const quoted = { path: tool.path, source: 'export function runTool(sub: string) {\n  return window.ddClient.execHostCmd(`/app/tool --name=${sub}`);\n}\n' };
    const found = scanProjectWrappers([quoted, caller("Status.ts", 'runTool("a b")')], { cwd: root });
    expect(found.wrappers).toEqual({});
    expect(found.callerEdits).toEqual({});
  });
});
