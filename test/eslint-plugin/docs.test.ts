/** Each rule's docs page: its sections, and its code blocks linted (❌ reports, ✅ does not). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../eslint-plugin/index.js";
import { lint } from "./helpers.js";

const DOCS = path.resolve(import.meta.dirname, "../../docs/rules");

function codeBlocks(markdown: string, heading: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(heading)) ?? "";
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe("rule docs", () => {
  for (const [id, rule] of Object.entries(rules)) {
    describe(id, () => {
      const markdown = fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8");
      const ruleConfig = { [`ddclient-migrate/${id}`]: "error" } as const;

      it("has the sections and the rule's description", () => {
        for (const heading of ["## ❌ Incorrect", "## ✅ Correct", "## Options", "## When Not To Use It"]) expect(markdown).toContain(heading);
        expect(markdown).toContain(rule.meta.docs!.description);
        expect(rule.meta.docs!.description).toMatch(/^(Disallow|Enforce|Require) /);
      });

      it("reports every line of the ❌ block", () => {
        const [block] = codeBlocks(markdown, "❌ Incorrect");
        const messages = lint(block!, "example.ts", ruleConfig);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const lines = block!.trimEnd().split("\n").map((_, i) => i + 1);
        expect(new Set(messages.map((m) => m.line))).toEqual(new Set(lines));
      });

      it("reports nothing in the ✅ block", () => {
        const [block] = codeBlocks(markdown, "✅ Correct");
        expect(lint(block!, "example.ts", ruleConfig)).toEqual([]);
      });
    });
  }
});
