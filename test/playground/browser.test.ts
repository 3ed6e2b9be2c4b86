/**
 * The built page in headless Chromium (Debian's `chromium`, driven by playwright-core), opened
 * as a file:// URL: a v0 file given to the page comes back as the diff `ddclient-migrate --dry`
 * prints for it, and the report as the CLI's report words it, for every example file and snippet
 * under two option sets; the editor takes typing, shows each finding's reason on hover and from
 * the keyboard, and copies the migrated file. Skipped, saying why, only where no Chromium is installed.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../transforms/migrate.js";
import { CHROMIUM, CHROMIUM_CANDIDATES, launchChromium } from "../browser/chromium.js";
import { BROWSER_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { buildPlaygroundTo, cliDryAll, OPTION_SETS, playgroundCases, type Case, type Options } from "./support.js";

if (!CHROMIUM) console.warn(`test/playground/browser.test.ts: skipped, no Chromium at ${CHROMIUM_CANDIDATES.join(" or ")} (apt-get install chromium, or set CHROMIUM_PATH).`);

const cases = playgroundCases();
const PAGE_OPTION_SETS = OPTION_SETS.slice(0, 2);
let built: { dir: string; cleanup: () => void } | undefined;
let browser: Browser | undefined;
let page: Page;
let runs: ReturnType<typeof cliDryAll>;
/** Uncaught errors of the page: a thrown engine error shows here, not as a failed wait. */
const pageErrors: string[] = [];
/** Every URL the page requested that is not a file: the page must need nothing but its directory. */
const requests: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) return;
  // Both block this process: the browser is asked for after them.
  built = buildPlaygroundTo();
  runs = cliDryAll(cases, PAGE_OPTION_SETS.map((set) => set.flags));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  page.on("request", (request) => void (request.url().startsWith("file:") || requests.push(request.url())));
  await page.goto(pageUrl().href);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  built?.cleanup();
}, BROWSER_TIMEOUT);

const pageUrl = (): URL => pathToFileURL(path.join(built!.dir, "index.html"));

/** The shareable link's hash for a case (docs/playground.md), as a user would paste it. */
function link(testCase: Case, options: Options): string {
  const params = new URLSearchParams({ file: testCase.file });
  if (options.client === "import") params.set("client", "import");
  if (options.rawArgs) params.set("raw", "1");
  if (options.safeOnly) params.set("safe", "1");
  params.set("code", Buffer.from(testCase.source).toString("base64url"));
  return `#${params}`;
}

/** Waits until the page shows the result of exactly this input. */
async function shown(testCase: Case, options: Options): Promise<void> {
  await page.waitForFunction((want) => JSON.stringify(window.playgroundShown) === JSON.stringify(want), { file: testCase.file, source: testCase.source, ...options });
  expect(pageErrors).toEqual([]);
}

/** Opens the case through its link in the page already open (a hash change: no reload, as a pasted link in the same tab). */
async function openCase(testCase: Case, options: Options): Promise<void> {
  await page.evaluate((hash) => void (location.hash = hash), link(testCase, options));
  await shown(testCase, { rawArgs: options.rawArgs, client: options.client, safeOnly: options.safeOnly });
}

/** Empties the editor through the page's own link, then sets the options through the page's controls. */
async function emptyEditor(file: string, options: Options): Promise<void> {
  await openCase({ file, source: "" }, OPTION_SETS[0]!.options);
  await page.selectOption("#client", options.client);
  await page.setChecked("#raw-args", options.rawArgs);
  await page.setChecked("#safe-only", options.safeOnly);
  await shown({ file, source: "" }, options);
}

const editorText = (editor: "source" | "output"): Promise<string> => page.evaluate((which) => window.playgroundEditors[which].state.doc.toString(), editor);
const selection = (editor: "source" | "output"): Promise<{ text: string; from: number; focused: boolean }> =>
  page.evaluate((which) => {
    const { state, hasFocus } = window.playgroundEditors[which];
    const { from, to } = state.selection.main;
    return { text: state.sliceDoc(from, to), from, focused: hasFocus };
  }, editor);

/** The grammar (CodeMirror's language name) each kind is highlighted with. */
const GRAMMARS: Record<string, string> = { ts: "typescript", tsx: "typescript", js: "javascript", vue: "html", svelte: "html", html: "html" };

const TYPED = 'const a = 1;\nwindow.ddClient.execHostCmd("ls | wc");\n';

describe.each(PAGE_OPTION_SETS)("the page in Chromium with $flags", ({ options, flags }) => {
  it.skipIf(!CHROMIUM).each(cases)("$file: shows the CLI's --dry diff and report", async (testCase) => {
    await openCase(testCase, options);
    const cli = runs(testCase, flags);
    const diff = (await page.textContent("#diff")) ?? "";
    expect(cli.stdout.slice(0, cli.stdout.indexOf("Scanned 1 file:"))).toBe(diff && `${diff}\n`);
    const report = await page.locator("#report button").allTextContents();
    expect(report).toEqual(cli.report.findings.map((f) => `${f.line}:${f.column} ${f.kind} ${f.message}`));
    // Highlighted by its kind's grammar (Vue and Svelte as HTML), in both editors.
    for (const editor of ["#source", "#output"]) {
      expect(await page.getAttribute(`${editor} .cm-content`, "data-language")).toBe(GRAMMARS[path.extname(testCase.file).slice(1)]);
      expect(new Set(await page.locator(`${editor} .cm-line span[class]:not(.cm-lintRange)`).evaluateAll((spans) => spans.map((span) => span.className))).size).toBeGreaterThan(1);
    }
    // One mark a finding in each editor, as many as the report has.
    expect(await page.locator("#source .cm-lintRange").count()).toBe(report.length);
    expect(await page.locator("#output .cm-lintRange").count()).toBe(report.length);
  }, SLOW_IO_TIMEOUT);
});

describe.skipIf(!CHROMIUM)("the page's editor", () => {
  it("migrates as keys are typed, and a finding in either list selects its place in its editor", async () => {
    await emptyEditor("input.ts", OPTION_SETS[0]!.options);
    await page.locator("#source .cm-content").pressSequentially(TYPED);
    await shown({ file: "input.ts", source: TYPED }, OPTION_SETS[0]!.options);
    expect(await editorText("source")).toBe(TYPED);
    // A lint finding: its place in the v0 code.
    await page.locator("#lint button").first().click();
    expect(await selection("source")).toMatchObject({ text: "execHostCmd", focused: true });
    // The report's: its place in the migrated file, which holds what the CLI writes.
    const migrated = migrateSource(TYPED, "/input.ts", {});
    if (migrated.status === "failed") throw new Error(migrated.error);
    expect(await editorText("output")).toBe(migrated.output);
    await page.locator("#report button").first().click();
    const [line, column] = ((await page.locator("#report button code").first().textContent()) ?? "").split(":").map(Number);
    const lineStart = migrated.output.split("\n").slice(0, line! - 1).join("\n").length + 1;
    expect(await selection("output")).toMatchObject({ from: lineStart + column! - 1, focused: true });
  }, SLOW_IO_TIMEOUT);

  it("highlights the code by kind, and tints the lines the diff changes", async () => {
    const source = 'const a = 1;\nwindow.ddClient.toastError("ls | wc");\n';
    await openCase({ file: "input.ts", source }, OPTION_SETS[0]!.options);
    // Keywords and strings each in a highlighting class of their own, in both editors.
    for (const editor of ["#source", "#output"]) {
      const styled = await page.locator(`${editor} .cm-line span[class]`).evaluateAll((spans) => spans.map((span) => [span.textContent, span.className]));
      expect(new Set(styled.filter(([text]) => text === "const" || text === '"ls | wc"').map(([, name]) => name)).size).toBe(2);
    }
    // Line 2 is the one the migration rewrites: removed in the v0 code, added in the migrated file.
    const tinted = (editor: string) => page.locator(`${editor} .cm-line.cm-changed`).allTextContents();
    expect(await tinted("#source")).toEqual(['window.ddClient.toastError("ls | wc");']);
    expect(await tinted("#output")).toEqual([(await editorText("output")).split("\n")[1]]);
  }, SLOW_IO_TIMEOUT);

  it("shows a finding's reason when its mark is hovered", async () => {
    const [testCase] = cases.filter((c) => runs(c, OPTION_SETS[0]!.flags).report.findings.some((f) => f.kind === "manual"));
    await openCase(testCase!, OPTION_SETS[0]!.options);
    const manual = runs(testCase!, OPTION_SETS[0]!.flags).report.findings.find((f) => f.kind === "manual")!;
    const index = runs(testCase!, OPTION_SETS[0]!.flags).report.findings.indexOf(manual);
    await page.mouse.move(0, 0);
    await page.locator("#source .cm-lintRange").nth(index).scrollIntoViewIfNeeded();
    await page.locator("#source .cm-lintRange").nth(index).hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(`manual: ${manual.message}`);
  }, SLOW_IO_TIMEOUT);

  it("works without a mouse: F8 and the findings panel reach each reason, Tab leaves the editor, Enter on a finding goes to it", async () => {
    await emptyEditor("input.ts", OPTION_SETS[0]!.options);
    const source = `// line 1\nwindow.ddClient.navigateToContainers();\n${TYPED}`;
    await openCase({ file: "input.ts", source }, OPTION_SETS[0]!.options);
    const reasons = await page.locator("#report button").allTextContents();
    await page.focus("#source .cm-content");
    await page.keyboard.press("F8");
    expect(await selection("source")).toMatchObject({ text: "navigateToContainers", focused: true });
    await page.keyboard.press("F8");
    expect(await selection("source")).toMatchObject({ text: "execHostCmd" });
    await page.keyboard.press("Control+Shift+M");
    const panel = await page.locator("#source .cm-panel-lint li").allTextContents();
    // Each report sentence, in the panel the keyboard reaches.
    expect(panel.length).toBe(reasons.length);
    reasons.forEach((reason, i) => expect(panel[i]).toContain(reason.replace(/^\d+:\d+ (\w+) /, "$1: ")));
    await page.keyboard.press("Escape");
    await page.focus("#source .cm-content");
    await page.keyboard.press("Tab");
    expect(await selection("source")).toMatchObject({ focused: false });
    expect(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)).not.toBe("BODY");
    await page.focus("#lint button");
    await page.keyboard.press("Enter");
    expect(await selection("source")).toMatchObject({ text: "navigateToContainers", focused: true });
  }, SLOW_IO_TIMEOUT);

  it("copies the migrated file", async () => {
    const testCase = cases.find((c) => runs(c, OPTION_SETS[1]!.flags).report.files[0]?.diff)!;
    await openCase(testCase, OPTION_SETS[1]!.options);
    await page.evaluate(() => {
      const copied: string[] = [];
      Object.defineProperty(window, "copied", { value: copied, configurable: true });
      navigator.clipboard.writeText = async (text) => void copied.push(text);
    });
    await page.click("#copy");
    await page.locator("#copied", { hasText: "Copied." }).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const migrated = migrateSource(testCase.source, path.resolve("/", testCase.file), { ...OPTION_SETS[1]!.options });
    expect(migrated.status).toBe("changed");
    expect(copied).toEqual([migrated.status === "changed" && migrated.output]);
  }, SLOW_IO_TIMEOUT);
});

describe.skipIf(!CHROMIUM)("the page's link", () => {
  it("keeps the case in the URL, so the link opens it again, from file:// with no other request", async () => {
    const [example] = cases;
    await emptyEditor(example!.file, OPTION_SETS[1]!.options);
    await page.evaluate((source) => window.playgroundEditors.source.dispatch({ changes: { from: 0, insert: source }, userEvent: "input.paste" }), example!.source);
    await shown(example!, OPTION_SETS[1]!.options);
    const diff = await page.textContent("#diff");
    const shared = page.url();
    expect(shared.startsWith("file://")).toBe(true);
    expect(new URL(shared).hash).toBe(link(example!, OPTION_SETS[1]!.options).replace("#", `#kind=${path.extname(example!.file).slice(1)}&`));
    await page.goto("about:blank");
    await page.goto(shared);
    await shown(example!, OPTION_SETS[1]!.options);
    expect(await page.textContent("#diff")).toBe(diff);
    expect(await editorText("source")).toBe(example!.source);
    expect(await page.isChecked("#raw-args")).toBe(true);
    expect(requests).toEqual([]);
  }, SLOW_IO_TIMEOUT);
});
