import { useEffect, useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";

const MAX_LINES = 500;

export function LogsPanel({ logFile }: { logFile: string }) {
  const [lines, setLines] = useState<string[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setLines([]);
    setError(undefined);
    ddClient.spawnHostCmd("tail", ["-f", logFile], (data: any, err: any) => {
      if (err) {
        // tail exits at once when the file does not exist yet.
        setError(String(err));
      } else if (data.stdout) {
        const incoming = data.stdout.split("\n").filter(Boolean);
        setLines((prev) => [...prev, ...incoming].slice(-MAX_LINES));
      }
    });
  }, [logFile]);

  return (
    <Box>
      {error && <Alert severity="error">{error}</Alert>}
      <Box component="pre" sx={{ maxHeight: 400, overflow: "auto", fontSize: 12 }}>
        {lines.join("\n")}
      </Box>
    </Box>
  );
}
