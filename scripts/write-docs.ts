/**
 * `npm run docs`: rewrites the docs' generated blocks (README.md's "What it migrates" table,
 * each transform page's rows) from deprecations/table.ts. Runs compiled, from dist/scripts/.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderDocs } from "./docs/generated-docs.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
for (const doc of renderDocs(root)) {
  if (doc.rendered === doc.current) continue;
  writeFileSync(path.join(root, doc.file), doc.rendered);
  console.log(`Wrote ${doc.file}.`);
}
