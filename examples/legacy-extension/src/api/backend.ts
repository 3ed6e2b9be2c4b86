// Talks to the extension's backend service (the `vm` section of metadata.json).

export interface BackendStatus {
  ready: boolean;
  version: string;
  clusters: number;
}

export interface Settings {
  namespace: string;
  helmRelease: string;
  logFile: string;
}

// `npm run dev` serves this UI in a plain browser, where there is no ddClient: the backend's
// dev server listens on localhost:8080 instead. Same shape, so callers need not care.
const api = {
  backend: {
    get: (u: string) => fetch(`http://localhost:8080${u}`).then((r) => r.json()),
  },
};

const insideDockerDesktop = "ddClient" in window;

export async function getStatus(): Promise<BackendStatus> {
  if (!insideDockerDesktop) {
    return (await api.backend.get("/status")) as BackendStatus;
  }
  return (await window.ddClient.backend!.get("/status")) as BackendStatus;
}

export async function saveSettings(settings: Settings): Promise<void> {
  // Older Docker Desktop builds start the UI before the backend is attached; the next
  // save goes through, so a lost one is not worth an error dialog.
  await window.ddClient.backend?.post("/settings", settings);
}

export async function readConfig(): Promise<Partial<Settings>> {
  // The backend container keeps the user's settings on its volume.
  const result = await window.ddClient.backend!.execInVMExtension("cat /data/config.json");
  if (result.stderr) {
    console.warn("could not read /data/config.json:", result.stderr);
    return {};
  }
  return result.parseJsonObject() as Partial<Settings>;
}
