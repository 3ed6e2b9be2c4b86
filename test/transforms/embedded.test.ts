/**
 * Vue, Svelte and HTML files beyond the fixtures (test/fixtures/embedded): failures, positions,
 * attribute encoding, markup the codemod cannot read, and the built CLI over such files.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanMarkup } from "../../transforms/lib/embedded-scan.js";
import { decodeAttribute } from "../../transforms/lib/embedded-text.js";
import { markupKindOf } from "../../transforms/embedded.js";
import { parseProgram as parseSource } from "../../transforms/parse.js";
import { migrateSource, type MigrateResult } from "../../transforms/migrate.js";
import { cliInProcess, readText, tempTree } from "../cli/helpers.js";
import { FIXTURES_DIR, formatFindings } from "../support/fixtures.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

function output(result: MigrateResult): string {
  if (result.status === "failed") throw new Error(result.error);
  return result.output;
}

describe("script blocks", () => {
  it("fails the whole file on a block that does not parse, at the block's place in the file", () => {
    const source = '<template>\n  <p>hi</p>\n</template>\n\n<script setup lang="ts">\nconst n: number = 1;\nwindow.ddClient.toastError("x"\n</script>\n';
    const result = migrateSource(source, "parse-error.vue");
    expect(result).toEqual({ status: "failed", error: expect.stringMatching(/\(8:1\)$/), findings: [] });
  });

  it("shifts columns on the block's first line only", () => {
    const result = migrateSource('<div></div><script>window.ddClient.toastError("x")\nwindow.ddClient.toastSuccess("y")</script>', "page.html");
    expect(formatFindings(result.findings)).toBe("1:36 migrated toastError\n2:17 migrated toastSuccess");
    expect(migrateSource("<p></p><script>window.ddClient.toastError(</script>", "page.html")).toMatchObject({ status: "failed", error: expect.stringMatching(/\(1:\d\d\)$/) });
  });

  it("leaves external and non-JavaScript scripts alone, and reads tag names in any case", () => {
    const source = [
      '<script src="./app.js">window.ddClient.toastError("x")</script>',
      '<script type="text/x-template">window.ddClient.toastError("x")</script>',
      '<SCRIPT type="module">window.ddClient.openExternal("https://docker.com")</SCRIPT>',
    ].join("\n");
    expect(output(migrateSource(source, "page.html")).split("\n")).toEqual([
      '<script src="./app.js">window.ddClient.toastError("x")</script>',
      '<script type="text/x-template">window.ddClient.toastError("x")</script>',
      '<SCRIPT type="module">window.ddClient.host.openExternal("https://docker.com")</SCRIPT>',
    ]);
  });
});

describe("inline handlers", () => {
  it("encodes new characters for the attribute's quote and keeps the references it did not touch", () => {
    const result = migrateSource('<button onclick="ok &amp;&amp; ddClient.execHostCmd(&quot;docker ps&#34;)">', "page.html");
    expect(output(result)).toBe('<button onclick="ok &amp;&amp; ddClient.extension.host.cli.exec(&quot;docker&quot;, [&quot;ps&#34;])">');
    expect(decodeAttribute("a&lt;b &#x27;c&#39; &unknown; &").text).toBe("a<b 'c' &unknown; &");
  });

  it("quotes an unquoted value that now needs quotes", () => {
    expect(output(migrateSource("<button onclick=window.ddClient.navigateToImages()>", "page.html"))).toBe('<button onclick="void window.ddClient.desktopUI.navigate.viewImages()">');
  });

  it("sees a page's classic scripts, and does without them when a handler redeclares their names", () => {
    const source = '<script>const client = createDockerDesktopClient();</script>\n<a onclick="client.toastError(\'a\')"></a>\n<a onclick="var client = window.ddClient; client.toastError(\'b\')"></a>';
    expect(output(migrateSource(source, "page.html")).split("\n").slice(1)).toEqual([
      "<a onclick=\"client.desktopUI.toast.error('a')\"></a>",
      "<a onclick=\"var client = window.ddClient; client.desktopUI.toast.error('b')\"></a>",
    ]);
  });
});

describe("Svelte markup", () => {
  it("reads braces holding `>`, strings and template literals, and block heads", () => {
    const source = [
      "<button on:click={() => n > 1 && window.ddClient.toastError(`}${n}`)}>x</button>",
      "{#await window.ddClient.listContainers() then list}{list.length}{/await}",
      '<p class="a {window.ddClient.listImages() ? "}" : ""}">',
    ].join("\n");
    expect(output(migrateSource(source, "App.svelte")).split("\n")).toEqual([
      "<button on:click={() => n > 1 && window.ddClient.desktopUI.toast.error(`}${n}`)}>x</button>",
      "{#await window.ddClient.docker.listContainers() then list}{list.length}{/await}",
      '<p class="a {window.ddClient.docker.listImages() ? "}" : ""}">',
    ]);
  });

  it("reports a call in syntax that is not plain JavaScript", () => {
    const result = migrateSource("<p>{@debug window.ddClient.toastError}</p>", "App.svelte");
    expect(result.status).toBe("unchanged");
    expect(formatFindings(result.findings)).toBe("1:5 manual toastError markup-syntax @debug window.ddClient.toastError");
  });
});

describe("Vue templates", () => {
  // A finding in markup points at the start of the attribute value or interpolation holding it.
  it("reports calls in interpolations and `v-for`, whose names are the component's", () => {
    const source = '<template>\n  <p>{{ ddClient.listContainers() }}</p>\n  <li v-for="c in ddClient.backend.get(\'/c\')">{{ c }}</li>\n</template>\n';
    const result = migrateSource(source, "List.vue");
    expect(result.status).toBe("unchanged");
    expect(formatFindings(result.findings)).toBe(
      ["2:8 manual listContainers unknown-client ddClient", "3:14 manual backend.get markup-syntax c in ddClient.backend.get('/c')"].join("\n"),
    );
  });
});

describe("text-only elements", () => {
  it("reads a page's `<script>` after a text-only element closes, and none inside it", () => {
    const source = '<textarea><script>window.ddClient.toastError("a")</script></TextArea\n><script>window.ddClient.toastError("b")</script>';
    expect(output(migrateSource(source, "page.html"))).toBe('<textarea><script>window.ddClient.toastError("a")</script></TextArea\n><script>window.ddClient.desktopUI.toast.error("b")</script>');
  });

  it("reads the text-only element's own attributes as markup", () => {
    const source = '<iframe onload="window.ddClient.toastError(1)"><b onclick="window.ddClient.toastError(2)"></b></iframe>';
    expect(output(migrateSource(source, "page.html"))).toBe('<iframe onload="window.ddClient.desktopUI.toast.error(1)"><b onclick="window.ddClient.toastError(2)"></b></iframe>');
  });

  it("ends an HTML comment at `<!-->` and `<!--->`, as browsers do", () => {
    const source = '<!--><script>window.ddClient.toastError("a")</script><!---><script>window.ddClient.toastError("b")</script>';
    expect(formatFindings(migrateSource(source, "page.html").findings)).toBe("1:30 migrated toastError\n1:84 migrated toastError");
  });

  it("keeps Vue interpolations in `<title>` and `<textarea>`, and reads nothing in `<style>`", () => {
    const source = '<template><title>{{ ddClient.listImages() }}</title><textarea><b :x="ddClient.listContainers()"></b></textarea></template>\n<style>a { b: "{{ ddClient.toastError() }}" }</style>';
    expect(formatFindings(migrateSource(source, "App.vue").findings)).toBe("1:20 manual listImages unknown-client ddClient");
  });
});

describe("markup left open", () => {
  const failure = (source: string, file: string): string => {
    const result = migrateSource(source, file);
    if (result.status !== "failed") throw new Error(`not failed: ${result.status}`);
    expect(result.findings).toEqual([]);
    return result.error;
  };

  it.each([
    ["App.svelte", '<p>ok</p>\n<p>{window.ddClient.toastError("x")</p>\n', "the Svelte expression `{` at line 2, column 4 is never closed (2:4)"],
    ["App.svelte", '<button\n  on:click={() => window.ddClient.toastError("x")>x</button>\n', "the Svelte expression `{` at line 2, column 12 is never closed (2:12)"],
    ["App.svelte", '<p class="a {window.ddClient.listImages()">x</p>{1}', "the Svelte expression `{` at line 1, column 13 is never closed (1:13)"],
    ["App.svelte", '<textarea>{window.ddClient.listImages()</textarea>}', "the Svelte expression `{` at line 1, column 11 is never closed (1:11)"],
    ["App.vue", '<template>\n  <p>{{ window.ddClient.toastError("x") </p>\n</template>\n', "the Vue interpolation `{{` at line 2, column 6 is never closed (2:6)"],
    ["page.html", '<button onclick="window.ddClient.toastError(1)>x</button>\n', "the value of `onclick`, quoted with `\"`, at line 1, column 17 is never closed (1:17)"],
    ["page.html", '<p>x</p>\n<button onclick="window.ddClient.toastError(1)"\n', "the tag `<button` at line 2, column 1 is never closed (2:1)"],
    ["page.html", '<!-- <p>\n<script>window.ddClient.toastError("x")</script>\n', "the comment `<!--` at line 1, column 1 is never closed (1:1)"],
    ["page.html", '<title>x\n<script>window.ddClient.toastError("x")</script>\n', "the `<title>` element at line 1, column 1 is never closed (1:1)"],
  ])("%s %j fails, naming where", (file, source, message) => {
    expect(failure(source, file)).toBe(`unreadable markup: ${message}`);
  });

  it("still reads an HTML page's `<plaintext>` and a last `<script>` to the end, which browsers do", () => {
    expect(migrateSource('<plaintext><script>window.ddClient.toastError("x")</script>', "page.html")).toMatchObject({ status: "unchanged", findings: [] });
    expect(output(migrateSource('<script>window.ddClient.toastError("x")', "page.html"))).toBe('<script>window.ddClient.desktopUI.toast.error("x")');
  });
});

describe("embedded fixtures", () => {
  const dir = path.join(FIXTURES_DIR, "embedded");
  // The fixture harness parses the script blocks; here, every piece of markup code in the outputs.
  it.each(fs.readdirSync(dir).filter((file) => /\.(?:input|output)\.\w+$/.test(file)))("%s: markup code parses", (file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    for (const region of scanMarkup(source, markupKindOf(file)!)) {
      if (region.kind !== "code" || !region.global) continue;
      const raw = source.slice(region.start, region.end);
      const code = region.quote === null ? raw : decodeAttribute(raw).text;
      const virtual = region.statements ? code : `(${code}\n);`;
      expect(() => parseSource(virtual, region.quote === null ? "piece.ts" : "piece.js"), code).not.toThrow();
    }
  });
});

describe("the CLI over components", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const broken = '<script>\nwindow.ddClient.toastError("x"\n</script>\n';
  beforeEach(async () => {
    ({ dir, cleanup } = await tempTree({
      "src/App.vue": '<template>\n  <button @click="go">Go</button>\n</template>\n<script setup lang="ts">\nconst go = () => window.ddClient.openExternal("https://docker.com");\n</script>\n',
      "src/Counter.svelte": '<button on:click={() => window.ddClient.toastSuccess("hi")}>+</button>\n',
      "src/Broken.vue": broken,
    }));
  }, IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("scans .vue and .svelte by default and prints their diffs", async () => {
    const result = await cliInProcess(dir, "--dry", "src");
    expect(result.stdout).toContain(
      [
        "--- a/src/App.vue",
        "+++ b/src/App.vue",
        "@@ -1,6 +1,6 @@",
        " <template>",
        '   <button @click="go">Go</button>',
        " </template>",
        ' <script setup lang="ts">',
        '-const go = () => window.ddClient.openExternal("https://docker.com");',
        '+const go = () => window.ddClient.host.openExternal("https://docker.com");',
        " </script>",
      ].join("\n"),
    );
    expect(result.stdout).toContain('-<button on:click={() => window.ddClient.toastSuccess("hi")}>+</button>\n+<button on:click={() => window.ddClient.desktopUI.toast.success("hi")}>+</button>');
    expect(result.stdout).toContain("Scanned 3 files: 2 would be changed, 0 unchanged, 1 failed.");
    expect(result.stdout).toMatch(/src\/Broken\.vue: .*\(3:1\)/);
  });

  it("writes the components it migrated and leaves a failed one as it was", async () => {
    await cliInProcess(dir, "src");
    expect(await readText(dir, "src/Counter.svelte")).toBe('<button on:click={() => window.ddClient.desktopUI.toast.success("hi")}>+</button>\n');
    expect(await readText(dir, "src/Broken.vue")).toBe(broken);
  });
});
