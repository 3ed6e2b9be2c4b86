import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport, put, read, tempTree, V0_GET, V1_GET, V0_PIPE } from "./helpers.js";
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
    expect((await cliInProcess(tree.dir)).code).toBe(0);
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
    expect((await cliInProcess(tree.dir)).code).toBe(0);
    expect((await stat(path.join(tree.dir, "tool.js"))).mode & 0o777).toBe(0o755);
    expect(await readdir(tree.dir)).toEqual(["tool.js"]);
  });
});

/** `text` in UTF-16 or UTF-32, behind its byte order mark. */
function encode(text: string, encoding: "UTF-16LE" | "UTF-16BE" | "UTF-32LE" | "UTF-32BE"): Buffer {
  const units = [...`\uFEFF${text}`].map((char) => char.codePointAt(0)!);
  const width = encoding.startsWith("UTF-16") ? 2 : 4;
  const out = Buffer.alloc(units.length * width);
  units.forEach((unit, i) => {
    if (width === 2) encoding.endsWith("LE") ? out.writeUInt16LE(unit, i * 2) : out.writeUInt16BE(unit, i * 2);
    else encoding.endsWith("LE") ? out.writeUInt32LE(unit, i * 4) : out.writeUInt32BE(unit, i * 4);
  });
  return out;
}

describe("UTF-16 and UTF-32 files", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);
  // In the report's path order.
  const ENCODINGS = ["UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"] as const;

  it("are recognised by their BOM, reported as an unsupported encoding and left untouched: exit 1 for migrate, --check and check", async () => {
    const files = Object.fromEntries(ENCODINGS.map((encoding) => [`src/${encoding}.js`, encode(V0_GET, encoding)]));
    const tree = await tempTree(files);
    cleanup = tree.cleanup;

    const migrate = await cliInProcess(tree.dir, "--report", "json");
    expect(migrate.code).toBe(1);
    expect(jsonReport(migrate).files.map((f) => [f.path, f.status, f.error])).toEqual(
      ENCODINGS.map((encoding) => [`src/${encoding}.js`, "failed", `unsupported encoding ${encoding} (byte order mark): convert the file to UTF-8 to migrate it`]),
    );
    for (const [name, bytes] of Object.entries(files)) expect(await read(tree.dir, name)).toEqual(bytes);

    expect((await cliInProcess(tree.dir, "--check")).code).toBe(1);
    const check = await cliInProcess(tree.dir, "check");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("src/UTF-16LE.js: unsupported encoding UTF-16LE");
  });
});
