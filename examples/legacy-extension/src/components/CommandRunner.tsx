import { useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";

/** "Advanced" tab: lets power users run any kubectl/helm command line with the bundled binaries. */
export function CommandRunner() {
  const [userCommand, setUserCommand] = useState("kubectl get nodes");
  const [output, setOutput] = useState("");
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const result = await window.ddClient.execHostCmd(userCommand);
      setOutput(result.stdout + result.stderr);
    } catch (e: any) {
      setOutput(e?.stderr ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <TextField
          fullWidth
          size="small"
          label="Command"
          value={userCommand}
          onChange={(e) => setUserCommand(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && run()}
        />
        <Button variant="contained" disabled={busy || !userCommand.trim()} onClick={run}>
          Run
        </Button>
      </Stack>
      <Box component="pre" sx={{ fontSize: 12, whiteSpace: "pre-wrap" }}>
        {output}
      </Box>
    </Stack>
  );
}
