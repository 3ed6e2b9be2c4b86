import { useEffect, useState } from "react";
import Alert from "@mui/material/Alert";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";

interface HelmStatus {
  name: string;
  namespace: string;
  version: number;
  info: { status: string; last_deployed: string; description: string };
}

export function ReleaseStatus({ release }: { release: string }) {
  const [status, setStatus] = useState<HelmStatus>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    async function load() {
      try {
        const result = await window.ddClient.execHostCmd(`helm status ${release} --output json`);
        setStatus(result.parseJsonObject());
      } catch (e: any) {
        // helm prints "Error: release: not found" on stderr and exits 1.
        setError(e?.stderr || String(e));
      }
    }
    load();
  }, [release]);

  if (error) return <Alert severity="warning">{error}</Alert>;
  if (!status) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h4">
          {status.name} (revision {status.version})
        </Typography>
        <Typography color="text.secondary">
          {status.info.status} in {status.namespace}, deployed {new Date(status.info.last_deployed).toLocaleString()}
        </Typography>
        <Typography variant="body2">{status.info.description}</Typography>
      </CardContent>
    </Card>
  );
}
