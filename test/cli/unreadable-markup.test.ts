/**
 * Markup left open (issue 10, case 8): a component whose markup cannot be read is a failed
 * file in every command (migrate, `--check`, `check`), left untouched, with a message naming
 * the line; never a clean one, which would let `--check` pass over the calls it hides.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliInProcess, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const UNCLOSED_SVELTE = '<script>\n  const n = 1;\n</script>\n<p>{window.ddClient.toastError("x")</p>\n';
const UNCLOSED_VUE = '<template>\n  <p>{{ window.ddClient.listImages() </p>\n</template>\n';
const MESSAGES = [
  "src/Open.svelte: unreadable markup: the Svelte expression `{` at line 4, column 4 is never closed (4:4)",
  "src/Open.vue: unreadable markup: the Vue interpolation `{{` at line 2, column 6 is never closed (2:6)",
];

describe("markup left open, through the CLI", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempTree({ "src/Open.svelte": UNCLOSED_SVELTE, "src/Open.vue": UNCLOSED_VUE, "src/ok.js": 'window.ddClient.toastError("y");\n' }));
  }, IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("migrate: reports the files as failed, leaves them untouched, exits 1", async () => {
    const result = await cliInProcess(dir, "src");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Scanned 3 files: 1 changed, 0 unchanged, 2 failed.");
    for (const message of MESSAGES) expect(result.stdout).toContain(message);
    expect(await readText(dir, "src/Open.svelte")).toBe(UNCLOSED_SVELTE);
    expect(await readText(dir, "src/Open.vue")).toBe(UNCLOSED_VUE);
    expect(await readText(dir, "src/ok.js")).toBe('window.ddClient.desktopUI.toast.error("y");\n');
  });

  it("--check: fails, not passes, on what it could not read", async () => {
    const result = await cliInProcess(dir, "--check", "src");
    expect(result.code).toBe(1);
    for (const message of MESSAGES) expect(result.stdout).toContain(message);
  });

  it("check: lists them under failed, not checked, and exits 1", async () => {
    const result = await cliInProcess(dir, "check", "src");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Failed, not checked (2):");
    for (const message of MESSAGES) expect(result.stdout).toContain(message);
  });
});
