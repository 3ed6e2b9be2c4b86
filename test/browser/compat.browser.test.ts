/**
 * `ddclient-migrate/compat` in headless Chromium, bundled with @docker/extension-api-client as an
 * extension bundles it, against a `window.ddClient` offering only v1, then only v0 members
 * (./compat-page.ts). The calls (./cases.ts) run in the page, where the line chunk is a real lazy
 * `import()`; what reached the host and what came back are compared here with docs/compat.md
 * and with the same calls on a host offering the caller's API natively. test/compat/ covers the
 * same semantics in depth, in Node.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { measureCompatSizes } from "../../bench/compat-size.mjs";
import { BROWSER_TIMEOUT, IO_TIMEOUT } from "../support/timeouts.js";
import { EXECS, ORDER, passThroughCases, REFUSALS, RUNS, streamCases, type Case } from "./cases.js";
import { CHROMIUM, CHROMIUM_CANDIDATES, launchChromium, openPage, type OpenPage } from "./chromium.js";
import { bundlePage, type PageBundle } from "./page-bundle.js";

if (!CHROMIUM) console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM_CANDIDATES.join(" or ")} (install Debian's \`chromium\` package, as .ci/run does, or set CHROMIUM_PATH).`);

const DOCS = path.resolve(import.meta.dirname, "../../docs/compat.md");
/** `2844` → `"2.8"`: docs/compat.md gives sizes in kB of 1,000 B, to one decimal. */
const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** Each call through the compat layer on an `api` host, then as it is on a `native` host: host calls, trace, outcome. */
function againstNative(page: Page, api: "v0" | "v1", native: "v0" | "v1", cases: readonly Case[]) {
  return page.evaluate(
    async ({ cases, api, native }) => {
      const h = window.harness;
      const results = [];
      for (const { call, args, rawArgs } of cases) {
        const adapted = h.open(api, { rawArgs });
        const outcome = await h.outcome(() => h.callAt(adapted.client, call, args));
        const reference = h.open(native, { compat: false, rawArgs });
        const nativeOutcome = await h.outcome(() => h.callAt(reference.client, call, args));
        results.push({ calls: adapted.calls, trace: adapted.trace, outcome, nativeTrace: reference.trace, nativeOutcome });
      }
      return results;
    },
    { cases, api, native },
  );
}

describe.skipIf(!CHROMIUM)("ddclient-migrate/compat in headless Chromium", () => {
  let browser: Browser;
  let bundle: PageBundle;
  let opened: OpenPage | undefined;

  beforeAll(async () => {
    const start = Date.now();
    [bundle, browser] = await Promise.all([bundlePage(), launchChromium()]);
    console.log(`Chromium ${browser.version()} (${CHROMIUM}) launched and page bundled in ${Date.now() - start} ms.`);
  }, BROWSER_TIMEOUT);
  afterAll(async () => void (await browser?.close()), BROWSER_TIMEOUT);
  afterEach(async () => void (await opened?.page.close()), BROWSER_TIMEOUT);

  /** A fresh page for each test, so that each starts with the line chunk not yet loaded. */
  const fresh = async (): Promise<OpenPage> => (opened = await openPage(browser, bundle));
  const chunkLoads = (): number => opened!.requested.filter((file) => file === bundle.compat.lineChunk).length;

  describe.each([
    ["v0 on a v1-only host", "v1", "v0"],
    ["v1 on a v0-only host", "v0", "v1"],
  ] as const)("%s", (_name, api, native) => {
    it(
      "HTTP, toast, listing and navigation calls reach the host's member with their arguments, and return what the native call returns",
      async () => {
        const cases = passThroughCases(api);
        const runs = await againstNative((await fresh()).page, api, native, cases);
        cases.forEach((test, i) => {
          expect(runs[i]!.calls, test.call).toEqual([test.reached]);
          expect(runs[i]!.trace, test.call).toEqual(runs[i]!.nativeTrace);
          expect(runs[i]!.outcome, test.call).toEqual(runs[i]!.nativeOutcome);
        });
        expect(runs.map((run) => run.outcome)).toContainEqual({ value: { answered: "GET /items/1" } });
      },
      IO_TIMEOUT,
    );

    it(
      "spawn calls and streamed execs deliver each API's own callback arguments, as on a native host",
      async () => {
        const cases = streamCases(api).flatMap((test) => RUNS.map((events) => ({ ...test, events })));
        const runs = await (await fresh()).page.evaluate(
          async ({ cases, api, native }) => {
            const h = window.harness;
            const run = async (hostApi: typeof api, compat: boolean, { call, args, events }: (typeof cases)[number]) => {
              const fake = h.open(hostApi, { events, compat });
              const { lists, cb } = h.argumentLists();
              // A v0 call takes the callback; a v1 one, the stream handlers.
              h.callAt(fake.client, call, [...args, api == "v1" ? cb : { stream: { onOutput: cb, onError: cb, onClose: cb } }]);
              await fake.settled();
              return { lists, calls: fake.calls };
            };
            const results = [];
            for (const test of cases) results.push({ adapted: await run(api, true, test), native: await run(native, false, test) });
            return results;
          },
          { cases, api, native },
        );
        cases.forEach((test, i) => {
          const { adapted, native: reference } = runs[i]!;
          expect(adapted.calls, test.call).toEqual([test.reached]);
          expect(adapted.lists, test.call).toStrictEqual(reference.lists);
          // v0: `cb(data, err)`, always both; v1: one argument per handler call.
          expect(adapted.lists.map((list) => list.length)).toEqual(test.events.map(() => (api == "v1" ? 2 : 1)));
        });
      },
      IO_TIMEOUT,
    );

    it(
      "exec calls reach the host as docs/compat.md shows, run the native call's argv, and return its ExecResult",
      async () => {
        const runs = await againstNative((await fresh()).page, api, native, EXECS[api]);
        EXECS[api].forEach((test, i) => {
          const run = runs[i]!;
          expect(run.calls, test.call).toEqual([test.reached]);
          expect(run.trace, test.call).toEqual(run.nativeTrace);
          expect(run.outcome, test.call).toEqual(run.nativeOutcome);
          expect(run.outcome, test.call).toMatchObject({ value: { stdout: "a\nb\n", lines: ["a", "b"] } });
        });
      },
      IO_TIMEOUT,
    );

    it(
      "refused calls fail with the documented errors, and nothing reaches the host",
      async () => {
        const { page } = await fresh();
        const runs = await page.evaluate(
          async ({ cases, api }) => {
            const h = window.harness;
            const results = [];
            for (const { call, args, without } of cases) {
              const fake = h.open(api, { without });
              results.push({ outcome: await h.outcome(() => h.callAt(fake.client, call, args)), calls: fake.calls });
            }
            return results;
          },
          { cases: REFUSALS[api], api },
        );
        REFUSALS[api].forEach((test, i) => {
          expect(runs[i]!.outcome, test.call).toEqual({ error: test.error, threw: test.threw });
          expect(runs[i]!.calls, test.call).toEqual([]);
        });
      },
      IO_TIMEOUT,
    );

    it(
      "calls reach the host in call order while the first one waits for the lazily loaded line chunk",
      async () => {
        const { page } = await fresh();
        expect(chunkLoads()).toBe(0);
        const reached = await page.evaluate(async (api) => {
          const h = window.harness;
          const fake = h.open(api);
          const c = fake.client;
          const noop = (): void => {};
          const calls =
            api == "v1"
              ? [c.execHostCmd("ls -l"), c.extension.vm!.service!.post("/b", {}), c.backend!.get("/a"), c.toastSuccess("t"), c.backend!.execInVMExtension("tool --x"), c.spawnDockerCmd("logs", ["-f"], noop), c.listImages(undefined as never)]
              : [c.extension.host!.cli.exec("ls", ["-l"]), c.backend!.post("/b", {}), c.extension.vm!.service!.get("/a"), c.desktopUI.toast.success("t"), c.extension.vm!.cli.exec("tool", ["--x"]), c.docker.cli.exec("logs", ["-f"], { stream: {} }), c.docker.listImages()];
          await Promise.allSettled(calls);
          await fake.settled();
          // Once loaded, the chunk serves every later call.
          await (api == "v1" ? c.execHostCmd("ls") : c.extension.host!.cli.exec("ls", []));
          return fake.calls.map((call) => call.path);
        }, api);
        expect(reached).toEqual([...ORDER[api], ORDER[api][0]]);
        expect(chunkLoads()).toBe(1);
      },
      IO_TIMEOUT,
    );
  });

  it(
    "on a host offering both APIs, createCompatClient() reads window.ddClient, adds nothing and never loads the line chunk",
    async () => {
      const { page } = await fresh();
      const run = await page.evaluate(async () => {
        const h = window.harness;
        const fake = h.open("hybrid", { compat: false });
        const client = h.createCompatClient();
        const host = window.ddClient;
        await client.execHostCmd("ls -l");
        await client.extension.host!.cli.exec("ls", ["-l"]);
        return { same: client.extension === host.extension && client.backend === host.backend, calls: fake.calls.map((call) => call.path) };
      });
      expect(run).toEqual({ same: true, calls: ["execHostCmd", "extension.host.cli.exec"] });
      expect(opened!.requested).toContain("/compat.js");
      expect(chunkLoads()).toBe(0);
    },
    IO_TIMEOUT,
  );

  it(
    "serves the compat entry and line chunk at the sizes docs/compat.md states",
    async () => {
      const [measured] = await measureCompatSizes();
      const { entry, entryGz, lineChunkGz } = bundle.compat;
      console.log(`Served to Chromium from the package export: entry ${entry} B min, ${entryGz} B min+gzip; line chunk ${lineChunkGz} B min+gzip. bench/compat-size.mjs from source: entry ${measured!.entry} B min, ${measured!.entryGz} B min+gzip; line chunk ${measured!.lazyGz} B.`);
      // dist/compat is the source compiled, nothing added: minified, it is as long as the source's bundle.
      expect(entry, "dist/compat bundles to another minified size than compat/ does").toBe(measured!.entry);
      // The gzipped sizes differ by a few bytes: esbuild names minified symbols (and the chunk's
      // hashed file name) differently reading tsc's JavaScript than reading the TypeScript source.
      expect(Math.abs(entryGz - measured!.entryGz)).toBeLessThanOrEqual(16);
      expect(Math.abs(lineChunkGz - measured!.lazyGz)).toBeLessThanOrEqual(16);
      const stated = /`createCompatClient` is ([\d.]+) kB min\+gzip for the entry, ([\d.]+) kB for the splitter chunk/.exec(readFileSync(DOCS, "utf8").replace(/\s+/g, " "));
      expect(stated?.slice(1)).toEqual([kB(entryGz), kB(lineChunkGz)]);
    },
    IO_TIMEOUT,
  );
});
