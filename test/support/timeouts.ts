/**
 * Timeouts for hooks and tests on CI: 2 cores shared with other jobs, where vitest's defaults
 * (5 s a test, 10 s a hook) are not enough. Removing a temporary project with an installed
 * node_modules alone took over 10 s there (issue 11).
 */

/** A hook or test that writes or removes temporary files, or runs node, git or sh a few times. */
export const IO_TIMEOUT = 60_000;

/** One that typechecks a project or runs the CLI over the example several times. */
export const SLOW_IO_TIMEOUT = 180_000;

/** A hook that launches Chromium, or bundles a page, on a loaded machine (launch alone can take 30 s there). */
export const BROWSER_TIMEOUT = 120_000;
