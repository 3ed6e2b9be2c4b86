/**
 * vitest's globalSetup: one Chromium for every browser test file of the run, launched by the
 * first file that asks for it (a run without browser tests launches none). Each file runs in a
 * process of its own, so the browser is a playwright server; the files get its address from a
 * small HTTP endpoint named through `provide`, and connect (test/browser/chromium.ts).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./chromium-path.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>/`, answering the shared Chromium's WebSocket address; empty without Chromium. */
    chromiumBroker: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launching: Promise<BrowserServer> | undefined;
  const broker = createServer((_request, response) => {
    // Root in a container has no user namespace for Chromium's sandbox.
    launching ??= chromium.launchServer({ executablePath: CHROMIUM!, headless: true, args: ["--no-sandbox"] });
    launching.then(
      (server) => response.end(server.wsEndpoint()),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  if (CHROMIUM) await new Promise<void>((resolve) => broker.listen(0, "127.0.0.1", resolve));
  project.provide("chromiumBroker", CHROMIUM ? `http://127.0.0.1:${(broker.address() as AddressInfo).port}/` : "");
  return async () => {
    broker.close();
    await (await launching?.catch(() => undefined))?.close();
  };
}
