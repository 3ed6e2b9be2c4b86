/** The plugin object: meta from package.json, rules, and configs generated from rule metadata. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXTENSIONS } from "../../cli/types.js";
import * as main from "../../cli/index.js";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { LINTED_EXTENSIONS } from "../../eslint-plugin/configs.js";
import plugin, { rules } from "../../eslint-plugin/index.js";
import { markupKindOf } from "../../transforms/embedded.js";

const manifest = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string; peerDependencies: Record<string, string> };

describe("eslint plugin", () => {
  // ESLint 8 too: projects of 2021-22 hold it, and a peer range without it stops their install (ERESOLVE).
  it("names itself from package.json and accepts ESLint 8, 9 and 10 as its peer", () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version });
    expect(manifest.peerDependencies.eslint).toBe("^8 || ^9 || ^10");
  });

  it("builds recommended from each rule's docs.recommended, and strict with every rule an error", () => {
    const ids = Object.keys(rules).map((id) => `ddclient-migrate/${id}`);
    expect(Object.keys(plugin.configs.recommended.rules!)).toEqual(ids);
    for (const [id, rule] of Object.entries(rules)) expect(plugin.configs.recommended.rules![`ddclient-migrate/${id}`]).toBe(rule.meta.docs!.recommended);
    expect(Object.values(plugin.configs.strict.rules!).every((level) => level === "error")).toBe(true);
    expect(plugin.configs.recommended.plugins!["ddclient-migrate"]).toBe(plugin);
  });

  it("gives the flat configs the files the CLI scans as scripts, and JSX in .js", () => {
    const scripts = DEFAULT_EXTENSIONS.filter((extension) => markupKindOf(`file.${extension}`) === undefined);
    expect([...LINTED_EXTENSIONS]).toEqual(scripts);
    for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
      expect(config.files).toEqual([`**/*.{${scripts.join(",")}}`]);
      expect(config.languageOptions.parserOptions.ecmaFeatures.jsx).toBe(true);
    }
  });

  // eslintrc: the plugin by its package name, the rules for the same files through `overrides`.
  it("gives .eslintrc the same rules and files in recommended-legacy and strict-legacy", () => {
    for (const name of ["recommended", "strict"] as const) {
      const legacy = plugin.configs[`${name}-legacy`];
      expect(legacy.plugins).toEqual(["ddclient-migrate"]);
      expect(legacy.overrides).toEqual([{ files: LINTED_EXTENSIONS.map((extension) => `*.${extension}`), rules: plugin.configs[name].rules }]);
    }
  });

  // ESLint 8's eslintrc require()s the package's main entry when it is installed as eslint-plugin-ddclient-migrate.
  it("is also the package's main entry, rules and configs", () => {
    expect(main.rules).toBe(plugin.rules);
    expect(main.configs).toBe(plugin.configs);
  });

  it("takes the allow option's values from the table", () => {
    const schema = rules["no-deprecated-api"].meta.schema as unknown as [{ properties: { allow: { items: { enum: string[] } } } }];
    expect(schema[0].properties.allow.items.enum).toEqual(DEPRECATIONS.map((row) => row.id));
  });
});
