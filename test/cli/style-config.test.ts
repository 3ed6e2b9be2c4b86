/** cli/style-config: which formatter settings a file gets, as Prettier reads its configs. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStyleConfigReader } from "../../cli/style-config.js";
import { tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

async function settingsIn(files: Record<string, string>, file: string): Promise<unknown> {
  const tree = await tempTree(files);
  cleanup = tree.cleanup;
  return createStyleConfigReader().settingsFor(path.join(tree.dir, file));
}

describe("formatter settings of a file", () => {
  it("has none without a config", async () => {
    expect(await settingsIn({ "src/a.ts": "" }, "src/a.ts")).toBeUndefined();
  });

  it("maps Prettier's options", async () => {
    const config = { semi: false, singleQuote: true, trailingComma: "es5", printWidth: 100, useTabs: true, tabWidth: 4 };
    expect(await settingsIn({ ".prettierrc.json": JSON.stringify(config), "src/a.ts": "" }, "src/a.ts")).toEqual({
      semicolons: false,
      quote: "'",
      trailingComma: "es5",
      printWidth: 100,
      tabWidth: 4,
      indentUnit: "\t",
    });
  });

  it("takes the nearest config, and package.json only when it has a `prettier` key", async () => {
    const files = { ".prettierrc": '{ "printWidth": 120 }', "ui/package.json": '{ "name": "ui" }', "ui/sub/.prettierrc.toml": "printWidth = 90 # narrow\n", "ui/src/a.ts": "", "ui/sub/b.ts": "" };
    expect(await settingsIn(files, "ui/src/a.ts")).toEqual({ printWidth: 120 });
    expect(await settingsIn(files, "ui/sub/b.ts")).toEqual({ printWidth: 90 });
  });

  it("stops at a config it cannot read without running it (a shared config's name, JavaScript)", async () => {
    expect(await settingsIn({ ".prettierrc": '{ "semi": false }', "ui/package.json": '{ "prettier": "@acme/prettier-config" }', "ui/a.ts": "" }, "ui/a.ts")).toBeUndefined();
    expect(await settingsIn({ ".prettierrc": '{ "semi": false }', "ui/.prettierrc.cjs": "module.exports = {}", "ui/a.ts": "" }, "ui/a.ts")).toBeUndefined();
  });

  it("reads .editorconfig sections that match, nearest last, up to `root = true`", async () => {
    const files = {
      ".editorconfig": "[*]\nindent_style = tab\n",
      "p/.editorconfig": "root = true\n[*]\nindent_style = space\nindent_size = 4\n[*.{ts,tsx}]\nmax_line_length = 100\n[lib/**.js]\nmax_line_length = off\n",
      "p/src/.editorconfig": "[*.tsx]\nindent_size = 2\n",
      "p/src/a.tsx": "",
      "p/lib/x/b.js": "",
      "p/c.md": "",
    };
    expect(await settingsIn(files, "p/src/a.tsx")).toEqual({ indentUnit: "  ", tabWidth: 2, printWidth: 100 });
    expect(await settingsIn(files, "p/lib/x/b.js")).toEqual({ indentUnit: "    ", tabWidth: 4 });
    expect(await settingsIn(files, "p/c.md")).toEqual({ indentUnit: "    ", tabWidth: 4 });
  });

  it("lets Prettier's settings override EditorConfig's", async () => {
    expect(await settingsIn({ ".editorconfig": "[*]\nmax_line_length = 60\nindent_style = tab\n", ".prettierrc.yaml": "printWidth: 80\n", "a.ts": "" }, "a.ts")).toEqual({ printWidth: 80, indentUnit: "\t" });
  });
});
