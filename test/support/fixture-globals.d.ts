// The client as Docker Desktop provides it, for typechecking fixtures: `window.ddClient` and a
// bare global `ddClient`, both carrying v0 and v1 (the v1Hybrid type).
import type { v1Hybrid } from "@docker/extension-api-client-types";

declare global {
  interface Window {
    ddClient: v1Hybrid.DockerDesktopClient;
  }
  var ddClient: v1Hybrid.DockerDesktopClient;
  namespace JSX {
    interface IntrinsicElements {
      [name: string]: any;
    }
  }
}
export {};
