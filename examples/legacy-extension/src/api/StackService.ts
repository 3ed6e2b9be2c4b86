import { createDockerDesktopClient } from "@docker/extension-api-client";
import type { v1Hybrid } from "@docker/extension-api-client-types";

/** A saved state of the local dev stack, kept by the backend service. */
export interface Snapshot {
  name: string;
  createdAt: string;
  images: string[];
}

export interface StackContainer {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
}

export interface StackImage {
  Id: string;
  RepoTags: string[] | null;
  Size: number;
}

const STACK_FILTER = { label: ["com.example.stack"] };

/** The dev stack as the backend service and Docker Desktop see it. */
export class StackService {
  private readonly ddClient = createDockerDesktopClient() as v1Hybrid.DockerDesktopClient;

  async listSnapshots(): Promise<Snapshot[]> {
    // The backend answers 406 without an explicit Accept header (it also serves tarballs).
    const body = await this.ddClient.backend!.request({
      url: "/snapshots",
      method: "GET",
      headers: { Accept: "application/json" },
      data: null,
    });
    return body as Snapshot[];
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    await this.ddClient.backend!.put(`/snapshots/${snapshot.name}`, snapshot);
  }

  async renameSnapshot(name: string, newName: string): Promise<void> {
    await this.ddClient.backend!.patch(`/snapshots/${name}`, { name: newName });
  }

  async deleteSnapshot(name: string): Promise<void> {
    await this.ddClient.backend!.delete(`/snapshots/${name}`);
  }

  async isBackendUp(): Promise<boolean> {
    try {
      await this.ddClient.backend?.head("/health");
      return true;
    } catch {
      return false;
    }
  }

  async containers(): Promise<StackContainer[]> {
    return (await this.ddClient.listContainers({ all: true, filters: STACK_FILTER } as never)) as StackContainer[];
  }

  async images(): Promise<StackImage[]> {
    return (await this.ddClient.listImages({ filters: STACK_FILTER } as never)) as StackImage[];
  }

  /** Disk used by the stack's database, e.g. "48M". */
  async databaseSize(container: string): Promise<string> {
    const result = await this.ddClient.backend!.execInContainer(container, "du -sh /var/lib/postgresql/data");
    return result.stdout.split("\t")[0] ?? "";
  }
}
