import { ddClient } from "../api/client";

/** The client for components; a hook so that component tests can hand in a fake one. */
export function useDockerDesktopClient() {
  return ddClient;
}
