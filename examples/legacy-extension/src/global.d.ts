import type { v1Hybrid } from "@docker/extension-api-client-types";

// Docker Desktop injects the client before the UI loads. The hybrid type carries both the
// deprecated v0 members this UI still calls and the v1 ones.
declare global {
  interface Window {
    ddClient: v1Hybrid.DockerDesktopClient;
  }

  // The same object is reachable as a bare global, as older SDK samples wrote it.
  // eslint-disable-next-line no-var
  var ddClient: v1Hybrid.DockerDesktopClient;
}

export {};
