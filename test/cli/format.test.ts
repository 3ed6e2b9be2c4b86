import { describe, expect, it } from "vitest";
import { colorizeDiff } from "../../cli/format.js";

describe("colorizeDiff", () => {
  it("colours headers, hunks, removed and added lines, keeping CRLF after the reset", () => {
    expect(colorizeDiff("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\r\n+new\r\n ctx\n")).toBe(
      "\x1b[1m--- a/x\x1b[0m\n\x1b[1m+++ b/x\x1b[0m\n\x1b[36m@@ -1 +1 @@\x1b[0m\n\x1b[31m-old\x1b[0m\r\n\x1b[32m+new\x1b[0m\r\n ctx\n",
    );
  });
});
