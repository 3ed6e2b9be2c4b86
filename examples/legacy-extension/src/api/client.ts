import { createDockerDesktopClient } from "@docker/extension-api-client";
import type { v1Hybrid } from "@docker/extension-api-client-types";

// The one client the newer components import. createDockerDesktopClient() is typed as the v1
// client only; the cast keeps the v0 members the UI still calls visible to TypeScript.
export const ddClient = createDockerDesktopClient() as v1Hybrid.DockerDesktopClient;
