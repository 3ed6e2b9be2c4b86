/**
 * Headless Chromium for the browser tests (./chromium-path.ts says which binary), driven by
 * playwright-core, which downloads no browser of its own.
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM } from "./chromium-path.js";
import type { PageBundle } from "./page-bundle.js";

export { CHROMIUM, CHROMIUM_CANDIDATES } from "./chromium-path.js";

/**
 * The run's one Chromium (./shared-chromium.ts, launched by the first file that asks), or one
 * of this file's own where the run has no such globalSetup. `close()` on the shared one only
 * disconnects, closing this file's pages.
 */
export async function launchChromium(): Promise<Browser> {
  const broker = inject("chromiumBroker");
  if (!broker) return chromium.launch({ executablePath: CHROMIUM!, headless: true, args: ["--no-sandbox"] });
  const answer = await fetch(broker);
  if (!answer.ok) throw new Error(`The shared Chromium did not start: ${await answer.text()}`);
  return chromium.connect(await answer.text());
}

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
