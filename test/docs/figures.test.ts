/**
 * Figures the docs state that can drift from their source, each compared with it: the
 * extensions scanned by default, the option lists (generated, see generated.test.ts; here every
 * option of the commander declaration is checked to be in them), and the compat bundle sizes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureCompatSizes } from "../../bench/compat-size.mjs";
import { createProgram } from "../../bin/program.js";
import { DEFAULT_EXTENSIONS } from "../../cli/types.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string): string => readFileSync(path.join(ROOT, file), "utf8");
const DOCS = ["README.md", "docs/cli.md", "docs/check.md", "docs/embedded.md", "docs/compat.md", "docs/report-schema.md"];

/** `2619` → `"2.6"`: the docs give sizes in kB of 1,000 B, to one decimal. */
const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

describe("doc figures", () => {
  it("the README lists the extensions scanned by default, in order", () => {
    const sentence = /The CLI scans ([\s\S]*?) files \(\[docs\/embedded\.md\]/.exec(read("README.md"))?.[1] ?? "";
    const listed = [...sentence.matchAll(/`\.(\w+)`/g)].map((match) => match[1]);
    expect(listed).toEqual(DEFAULT_EXTENSIONS);
  });

  it("every stated default extension list is the CLI's", () => {
    const stated = DOCS.flatMap((file) => [...read(file).matchAll(/Default `((?:\w+,)+\w+)`/g)].map((match) => `${file}: ${match[1]}`));
    expect(stated.length).toBeGreaterThan(0);
    for (const statement of stated) expect(statement.split(": ")[1], statement).toBe(DEFAULT_EXTENSIONS.join(","));
  });

  it("docs/cli.md and docs/check.md document every option of their command", () => {
    const program = createProgram();
    const check = program.commands.find((command) => command.name() === "check")!;
    for (const [file, command] of [["docs/cli.md", program], ["docs/check.md", check]] as const) {
      const text = read(file);
      for (const option of command.createHelp().visibleOptions(command)) expect(text, file).toContain(`| \`${option.flags}\` |`);
    }
    expect(read("docs/cli.md")).toContain("| `--client-module <module>` |");
  });

  it("README and docs/compat.md state the compat layer's measured bundle sizes", async () => {
    const [client] = await measureCompatSizes();
    // Whitespace as Markdown reads it: a sentence may wrap anywhere.
    const flat = (file: string): string => read(file).replace(/\s+/g, " ");
    const readme = /`createCompatClient` is ([\d.]+) kB min\+gzip for the entry[^.]*? and ([\d.]+) kB with the lazily loaded/.exec(flat("README.md"));
    const compat = /`createCompatClient` is ([\d.]+) kB min\+gzip for the entry, ([\d.]+) kB for the splitter chunk, and ([\d.]+) kB with both loaded/.exec(flat("docs/compat.md"));
    expect(readme?.slice(1)).toEqual([kB(client!.entryGz), kB(client!.totalGz)]);
    expect(compat?.slice(1)).toEqual([kB(client!.entryGz), kB(client!.lazyGz), kB(client!.totalGz)]);
  }, IO_TIMEOUT);
});
