import { useEffect, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";

import { BackendStatus, getStatus, readConfig, saveSettings, Settings } from "./api/backend";
import { ClusterInfo, clusterInfo } from "./api/cluster";
import { CommandRunner } from "./components/CommandRunner";
import { ContainerList } from "./components/ContainerList";
import { DockerTools } from "./components/DockerTools";
import { HelpMenu } from "./components/HelpMenu";
import { LogsPanel } from "./components/LogsPanel";
import { PodList } from "./components/PodList";
import { ReleaseStatus } from "./components/ReleaseStatus";
import { Snapshots } from "./components/Snapshots";
import { StackOverview } from "./components/StackOverview";
import { SyncPanel } from "./components/SyncPanel";
import { useVersion } from "./hooks/useVersion";

const DEFAULT_SETTINGS: Settings = {
  namespace: "default",
  helmRelease: "my-app",
  logFile: "/tmp/kube-dev-tools.log",
};

export function App() {
  const [tab, setTab] = useState(0);
  const [status, setStatus] = useState<BackendStatus>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [cluster, setCluster] = useState<ClusterInfo>();
  const kubectlVersion = useVersion();

  useEffect(() => {
    getStatus()
      .then(setStatus)
      .catch(() => window.ddClient.toastError("The Kube Dev Tools backend is not responding."));
    readConfig().then((saved) => setSettings((current) => ({ ...current, ...saved })));
    clusterInfo().then(setCluster, (error) => console.warn("no cluster", error));
  }, []);

  const onSave = async () => {
    await saveSettings(settings);
  };

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="h3">Kube Dev Tools</Typography>
        {status && <Chip size="small" color={status.ready ? "success" : "warning"} label={`backend ${status.version}`} />}
        {kubectlVersion && <Chip size="small" label={`kubectl ${kubectlVersion}`} />}
        {cluster && <Chip size="small" label={`${cluster.context}: ${cluster.nodes} nodes, helm ${cluster.helmVersion}`} />}
        <Box sx={{ flexGrow: 1 }} />
        <HelpMenu />
      </Stack>

      <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ my: 2 }}>
        <Tab label="Containers" />
        <Tab label="Pods" />
        <Tab label="Release" />
        <Tab label="Logs" />
        <Tab label="Chart sync" />
        <Tab label="Advanced" />
        <Tab label="Settings" />
        <Tab label="Stack" />
        <Tab label="Snapshots" />
        <Tab label="Docker" />
      </Tabs>

      {tab === 0 && <ContainerList />}
      {tab === 1 && <PodList namespace={settings.namespace} />}
      {tab === 2 && <ReleaseStatus release={settings.helmRelease} />}
      {tab === 3 && <LogsPanel logFile={settings.logFile} />}
      {tab === 4 && <SyncPanel />}
      {tab === 5 && <CommandRunner />}
      {tab === 7 && <StackOverview />}
      {tab === 8 && <Snapshots />}
      {tab === 9 && <DockerTools />}
      {tab === 6 && (
        <Stack spacing={2} sx={{ maxWidth: 480 }}>
          <TextField
            label="Namespace"
            value={settings.namespace}
            onChange={(e) => setSettings({ ...settings, namespace: e.target.value })}
          />
          <TextField
            label="Helm release"
            value={settings.helmRelease}
            onChange={(e) => setSettings({ ...settings, helmRelease: e.target.value })}
          />
          <TextField
            label="Log file"
            value={settings.logFile}
            onChange={(e) => setSettings({ ...settings, logFile: e.target.value })}
          />
          <Button variant="contained" onClick={onSave}>
            Save
          </Button>
        </Stack>
      )}
    </Box>
  );
}
