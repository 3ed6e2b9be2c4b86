/**
 * The Chromium binary the browser tests drive: Debian's `chromium` package (which .ci/run
 * installs where it can); `CHROMIUM_PATH` names another binary (and only it: `CHROMIUM_PATH=none`
 * shows the skip). Apart from ./chromium.ts, which the test files import, so that vitest's
 * globalSetup (./shared-chromium.ts) can read it without loading vitest's test API.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The binary to drive, or undefined where none is installed (the browser tests then skip). */
export const CHROMIUM = CHROMIUM_CANDIDATES.find((file) => existsSync(file));
