import { ddClient } from "./client";

export interface ClusterInfo {
  context: string;
  nodes: number;
  helmVersion: string;
}

// Every kubectl/helm call of this module goes through here, so that one place can add a
// timeout later.
function run(cmd: string) {
  return ddClient.execHostCmd(cmd);
}

export async function clusterInfo(): Promise<ClusterInfo> {
  const context = await run("kubectl config current-context");
  const nodes = await run("kubectl get nodes --output json");
  const helm = await run("helm version --short");
  return {
    context: context.stdout.trim(),
    nodes: nodes.parseJsonObject().items.length,
    helmVersion: helm.stdout.trim(),
  };
}
