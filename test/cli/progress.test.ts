import { describe, expect, it } from "vitest";
import { createProgress } from "../../cli/progress.js";

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("progress line", () => {
  it("redraws one line with \\r on a TTY and clears it at the end", () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream, {});
    progress.update(1, 4);
    progress.update(2, 4); // throttled
    progress.update(4, 4); // the last one always shows
    progress.clear();
    expect(written).toEqual(["\r\x1b[Kddclient-migrate: 1/4 files (25%)", "\r\x1b[Kddclient-migrate: 4/4 files (100%)", "\r\x1b[K"]);
  });

  it.each([
    ["not a TTY", false, {}],
    ["CI set", true, { CI: "true" }],
  ])("prints nothing when %s", (_, isTTY, env) => {
    const { stream, written } = fakeStream(isTTY);
    const progress = createProgress(stream, env);
    progress.update(1, 1);
    progress.clear();
    expect(written).toEqual([]);
  });
});
