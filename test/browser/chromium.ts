/**
 * Headless Chromium for the browser tests: Debian's `chromium` package (which .ci/run installs
 * where it can), driven by playwright-core, which downloads no browser of its own.
 * `CHROMIUM_PATH` names another binary (and only it: `CHROMIUM_PATH=none` shows the skip).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import type { PageBundle } from "./page-bundle.js";

/** The binary to drive, or undefined where none is installed (the browser tests then skip). */
export const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
export const CHROMIUM = CHROMIUM_CANDIDATES.find((file) => existsSync(file));

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM!, headless: true });

/** Served from memory at this made-up origin: module scripts and the lazy `import()` need http(s), not file:. */
const ORIGIN = "http://compat.test";

export interface OpenPage {
  readonly page: Page;
  /** Every URL path the page fetched, in order. */
  readonly requested: string[];
}

/** A fresh page (its own context: nothing loaded yet, the line chunk included) with the harness ready. */
export async function openPage(browser: Browser, bundle: PageBundle): Promise<OpenPage> {
  const page = await browser.newPage();
  const requested: string[] = [];
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    requested.push(pathname);
    const file = bundle.files.get(pathname);
    return file ? route.fulfill({ contentType: file.type, body: file.body }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => "harness" in window, undefined, { timeout: 10_000 }).catch(() => {
    throw new Error(`The test page did not start: ${failures.join("; ") || "no harness"}.`);
  });
  return { page, requested };
}
