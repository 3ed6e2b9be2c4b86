/** The plugin object: meta from package.json, rules, and configs generated from rule metadata. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEPRECATIONS } from "../../deprecations/table.js";
import plugin, { rules } from "../../eslint-plugin/index.js";

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

  it("takes the allow option's values from the table", () => {
    const schema = rules["no-deprecated-api"].meta.schema as unknown as [{ properties: { allow: { items: { enum: string[] } } } }];
    expect(schema[0].properties.allow.items.enum).toEqual(DEPRECATIONS.map((row) => row.id));
  });
});
