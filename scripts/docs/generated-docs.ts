/**
 * Which blocks of which docs are generated (from deprecations/table.ts, or the commander
 * declaration in bin/program.ts), and how a block is found and filled. A block sits between `<!-- generated:<name> start: … -->` and
 * `<!-- generated:<name> end -->`, with blank lines around its content so that the Markdown in
 * it renders as it would without the markers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderCiInstall, renderCiJob } from "./ci.js";
import { renderOptionsTable } from "./options.js";
import { renderSafeSetTable } from "./safe-set.js";
import { documentedTransforms, renderMigratesTable, renderTransformRows } from "./tables.js";

export interface GeneratedDoc {
  /** Relative to the repository root, `/`-separated. */
  readonly file: string;
  readonly current: string;
  /** `current` with every generated block rendered afresh. */
  readonly rendered: string;
}

/** What each block is rendered from, as its start marker says; the rest come from deprecations/table.ts. */
const SOURCES: Readonly<Record<string, string>> = {
  "cli-options": "bin/program.ts",
  "check-options": "bin/program.ts",
  "safe-set": "deprecations/findings.ts",
  "ci-install": "package.json's version",
  "ci-job": "package.json's version",
  "ci-excerpt": "package.json's version",
};
const startMarker = (name: string): string => `<!-- generated:${name} start: npm run docs writes this block from ${SOURCES[name] ?? "deprecations/table.ts"} -->`;
const endMarker = (name: string): string => `<!-- generated:${name} end -->`;
const ANY_START_MARKER = /<!-- generated:([\w-]+) start/g;

/** `markdown` with each named block's content replaced; a block missing, or one nothing renders, is an error. */
export function fillBlocks(markdown: string, blocks: Readonly<Record<string, string>>, file: string): string {
  for (const [, name] of markdown.matchAll(ANY_START_MARKER)) {
    if (!(name! in blocks)) throw new Error(`${file} has a \`generated:${name}\` block that nothing renders.`);
  }
  let filled = markdown;
  for (const [name, content] of Object.entries(blocks)) {
    const block = new RegExp(`<!-- generated:${name} start[^\\n]*-->[\\s\\S]*?${endMarker(name)}`);
    if (!block.test(filled)) throw new Error(`${file} has no \`generated:${name}\` block to fill.`);
    filled = filled.replace(block, () => `${startMarker(name)}\n\n${content}\n\n${endMarker(name)}`);
  }
  return filled;
}

function generatedBlocks(): { readonly file: string; readonly blocks: Readonly<Record<string, string>> }[] {
  return [
    { file: "README.md", blocks: { "migrates-table": renderMigratesTable(), "ci-excerpt": renderCiJob("excerpt") } },
    { file: "docs/cli.md", blocks: { "cli-options": renderOptionsTable(), "safe-set": renderSafeSetTable() } },
    { file: "docs/check.md", blocks: { "check-options": renderOptionsTable("check"), "ci-install": renderCiInstall(), "ci-job": renderCiJob("job") } },
    ...documentedTransforms().map((transform) => ({ file: `docs/transforms/${transform}.md`, blocks: { "transform-rows": renderTransformRows(transform) } })),
  ];
}

/** Every generated doc under `root`, as it is on disk and as the table renders it. */
export function renderDocs(root: string): GeneratedDoc[] {
  return generatedBlocks().map(({ file, blocks }) => {
    const current = readFileSync(path.join(root, file), "utf8");
    return { file, current, rendered: fillBlocks(current, blocks, file) };
  });
}
