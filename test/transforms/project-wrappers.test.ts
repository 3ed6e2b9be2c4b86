/** The pre-pass for exported wrappers of a whole command line (transforms/project-wrappers). */
import path from "node:path";
import { describe, expect, it } from "vitest";
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
    expect(found.callerEdits[caller.path]).toEqual([{ start: 42, end: 56, text: '"docker", ["ps", "-a"]' }]);
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
