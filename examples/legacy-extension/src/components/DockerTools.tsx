import { useEffect, useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";

import { ddClient } from "../api/client";

const MAX_EVENTS = 200;

interface ComposeProject {
  Name: string;
  Status: string;
}

/** Compose projects, a restart button for the stack, and the live Docker event feed. */
export function DockerTools() {
  const [projects, setProjects] = useState<ComposeProject[]>([]);
  const [events, setEvents] = useState<string[]>([]);

  const loadProjects = async () => {
    const result = await ddClient.execDockerCmd("compose ls --all --format json");
    setProjects(result.parseJsonObject());
  };

  const restartStack = async () => {
    await ddClient.execDockerCmd("compose", "--project-name", "kube-dev-tools", "restart");
    await loadProjects();
  };

  useEffect(() => {
    loadProjects();
    ddClient.spawnDockerCmd("events", ["--filter", "label=com.example.stack", "--format", "{{json .}}"], (data: any, err: any) => {
      if (err) {
        console.error("docker events stopped", err);
      } else if (data.stdout) {
        setEvents((prev) => [...prev, data.stdout.trim()].slice(-MAX_EVENTS));
      }
    });
  }, []);

  return (
    <Stack spacing={2}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Typography variant="h4">Compose projects</Typography>
        <Button variant="outlined" onClick={restartStack}>
          Restart stack
        </Button>
      </Stack>
      {projects.map((p) => (
        <Typography key={p.Name}>
          {p.Name}: {p.Status}
        </Typography>
      ))}
      <Typography variant="h4">Events</Typography>
      <Box component="pre" sx={{ maxHeight: 300, overflow: "auto", fontSize: 12 }}>
        {events.join("\n")}
      </Box>
    </Stack>
  );
}
