import { useState } from "react";
import Button from "@mui/material/Button";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Stack from "@mui/material/Stack";

interface SyncEvent {
  level: "info" | "warn" | "error";
  text: string;
}

/** Runs the chart-sync binary shipped in the backend container and shows what it prints. */
export function SyncPanel() {
  const [events, setEvents] = useState<SyncEvent[]>([]);
  const [running, setRunning] = useState(false);

  const start = () => {
    setRunning(true);
    setEvents([]);
    window.ddClient.backend!.spawnInVMExtension("chart-sync", ["--watch", "--interval=30s"], (data: any, err: any) => {
      const event: SyncEvent = err
        ? { level: "error", text: String(err) }
        : data.close
          ? { level: "info", text: `chart-sync exited with code ${data.code}` }
          : { level: data.stderr ? "warn" : "info", text: data.stdout ?? data.stderr };
      setEvents((prev) => [...prev, event]);
      if (err || data?.close) setRunning(false);
    });
  };

  return (
    <Stack spacing={1}>
      <Button variant="contained" disabled={running} onClick={start}>
        {running ? "Syncing…" : "Start chart sync"}
      </Button>
      <List dense>
        {events.map((e, i) => (
          <ListItem key={i}>
            <ListItemText primary={e.text} secondary={e.level} />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
