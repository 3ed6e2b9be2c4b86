import { useEffect, useState } from "react";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";

interface ContainerRow {
  ID: string;
  Names: string;
  Image: string;
  State: string;
  Status: string;
}

// Containers of the local dev stack carry this label (set in the extension's compose file).
const STACK_LABEL = "com.example.stack";

export function ContainerList() {
  const [containers, setContainers] = useState<ContainerRow[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    window.ddClient
      .execHostCmd(`docker ps --all --filter "label=com.example.stack=my app" --format json`)
      .then((result) => setContainers(result.parseJsonLines()))
      .catch((error) => console.error(`listing ${STACK_LABEL} containers failed`, error))
      .finally(() => setLoading(false));
  }, []);

  const copyNames = async () => {
    const result = await window.ddClient.execHostCmd("docker ps --format '{{.Names}}' | sort");
    await navigator.clipboard.writeText(result.stdout);
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Typography variant="h3">Stack containers</Typography>
        <Button variant="outlined" onClick={copyNames}>
          Copy running names
        </Button>
      </Stack>
      {loading ? (
        <Typography>Loading…</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Image</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {containers.map((c) => (
              <TableRow key={c.ID}>
                <TableCell>{c.Names}</TableCell>
                <TableCell>{c.Image}</TableCell>
                <TableCell>
                  <Chip size="small" color={c.State === "running" ? "success" : "default"} label={c.Status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
