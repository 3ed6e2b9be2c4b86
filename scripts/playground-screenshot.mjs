// The README's screenshot of the playground (docs/images/playground.png), in headless Chromium:
// the built page (`npm run build:playground` first) opened as a file:// URL on one example file,
// with the mouse over a finding's mark so that its reason shows.
//   node scripts/playground-screenshot.mjs [example file, default src/components/HelpMenu.tsx]
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const page = path.join(root, "dist-playground", "index.html");
if (!existsSync(page)) throw new Error("dist-playground/index.html is missing: run `npm run build:playground` first");
const file = process.argv[2] ?? "src/components/HelpMenu.tsx";
const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => candidate && existsSync(candidate));
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: "light" });
  await tab.goto(pathToFileURL(page).href);
  await tab.getByRole("button", { name: file.replace(/^src\//, ""), exact: true }).click();
  const mark = tab.locator("#source .cm-lintRange").first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  await tab.locator(".cm-tooltip-lint").waitFor();
  await tab.screenshot({ path: path.join(root, "docs", "images", "playground.png") });
} finally {
  await browser.close();
}
