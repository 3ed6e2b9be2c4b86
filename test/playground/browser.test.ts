/**
 * The built page in headless Chromium (Debian's `chromium`, driven by playwright-core): a v0
 * file typed into the editor comes back as the diff `ddclient-migrate --dry` prints for it, and
 * the report as the CLI's report words it, for every example file and snippet, with the options
 * set through the page's own controls. Skipped, saying why, only where no Chromium is installed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { buildPlaygroundTo, cliDry, OPTION_SETS, playgroundCases, type Case } from "./support.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/playground/browser.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

const cases = playgroundCases();
let built: { dir: string; cleanup: () => void } | undefined;
let browser: Browser | undefined;
let page: Page;
/** Uncaught errors of the page: a thrown engine error shows here, not as a failed wait. */
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  built = buildPlaygroundTo();
  // Root in a container has no user namespace for Chromium's sandbox.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
}, SLOW_IO_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  built?.cleanup();
}, SLOW_IO_TIMEOUT);

/** Opens the page on `file` with an empty editor, types `source` in, and waits for the result of that text. */
async function typeCase(testCase: Case, options: (typeof OPTION_SETS)[number]["options"]): Promise<void> {
  const url = pathToFileURL(path.join(built!.dir, "index.html"));
  url.hash = new URLSearchParams({ file: testCase.file, code: "" }).toString();
  await page.goto("about:blank");
  await page.goto(url.href);
  await page.selectOption("#client", options.client);
  await page.setChecked("#raw-args", options.rawArgs);
  await page.setChecked("#safe-only", options.safeOnly);
  await page.fill("#source", testCase.source);
  await page.waitForFunction((source) => window.playgroundShown?.source === source, testCase.source);
  expect(pageErrors).toEqual([]);
}

describe.each(OPTION_SETS.slice(0, 2))("the page in Chromium with $flags", ({ options, flags }) => {
  it.skipIf(!hasChromium).each(cases)("$file: shows the CLI's --dry diff and report", async (testCase) => {
    await typeCase(testCase, options);
    const cli = cliDry(testCase, flags);
    const diff = (await page.textContent("#diff")) ?? "";
    expect(cli.stdout.slice(0, cli.stdout.indexOf("Scanned 1 file:"))).toBe(diff && `${diff}\n`);
    const report = await page.locator("#report button").allTextContents();
    expect(report).toEqual(cli.report.findings.map((f) => `${f.line}:${f.column} ${f.kind} ${f.message}`));
  }, SLOW_IO_TIMEOUT);
});

describe("the page's controls", () => {
  it.skipIf(!hasChromium)("migrates as keys are typed, and a finding selects its line in the editor", async () => {
    await typeCase({ file: "input.ts", source: "" }, OPTION_SETS[0]!.options);
    await page.locator("#source").pressSequentially('const a = 1;\nwindow.ddClient.execHostCmd("ls | wc");\n');
    await page.waitForFunction(() => window.playgroundShown?.source.endsWith("\n"));
    await page.locator("#report button").first().click();
    const selected = await page.$eval("#source", (editor: HTMLTextAreaElement) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
    expect(selected).toBe('window.ddClient.execHostCmd("ls | wc");');
  }, SLOW_IO_TIMEOUT);

  it.skipIf(!hasChromium)("keeps the case in the URL, so the link opens it again", async () => {
    const [example] = cases;
    await typeCase(example!, OPTION_SETS[1]!.options);
    const diff = await page.textContent("#diff");
    const shared = page.url();
    await page.goto("about:blank");
    await page.goto(shared);
    expect(await page.textContent("#diff")).toBe(diff);
    expect(await page.inputValue("#source")).toBe(example!.source);
    expect(await page.isChecked("#raw-args")).toBe(true);
  }, SLOW_IO_TIMEOUT);
});
