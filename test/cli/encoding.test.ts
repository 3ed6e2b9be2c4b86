import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, put, read, tempTree, V0_GET, V1_GET, V0_PIPE } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const BOM = "\uFEFF";

describe("bytes on disk", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("keeps CRLF line endings and a BOM byte-exact except the edits", async () => {
    const crlf = `// header\r\n${V0_GET.trimEnd()}\r\n${V0_PIPE.trimEnd()}\r\n`;
    const bom = `${BOM}${V0_GET}// tail`;
    const both = `${BOM}${V0_GET.replace("\n", "\r\n")}`;
    const tree = await tempTree({ "crlf.js": crlf, "bom.js": bom, "both.js": both });
    cleanup = tree.cleanup;
    expect(cli(tree.dir).code).toBe(0);
    expect(await read(tree.dir, "crlf.js")).toEqual(Buffer.from(`// header\r\n${V1_GET.trimEnd()}\r\n${V0_PIPE.trimEnd()}\r\n`, "utf8"));
    expect(await read(tree.dir, "bom.js")).toEqual(Buffer.from(`${BOM}${V1_GET}// tail`, "utf8"));
    const bothOut = await read(tree.dir, "both.js");
    expect([...bothOut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bothOut).toEqual(Buffer.from(`${BOM}${V1_GET.replace("\n", "\r\n")}`, "utf8"));
  });

  it("keeps the file mode and leaves no temporary file behind", async () => {
    const tree = await tempTree({});
    cleanup = tree.cleanup;
    await put(tree.dir, "tool.js", V0_GET, 0o755);
    expect(cli(tree.dir).code).toBe(0);
    expect((await stat(path.join(tree.dir, "tool.js"))).mode & 0o777).toBe(0o755);
    expect(await readdir(tree.dir)).toEqual(["tool.js"]);
  });
});
