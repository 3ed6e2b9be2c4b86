import { useEffect, useState } from "react";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";

import { StackContainer, StackImage, StackService } from "../api/StackService";
import { useDockerDesktopClient } from "../hooks/useDockerDesktopClient";

const stack = new StackService();

// The named volume the compose file gives the stack's database.
const DATA_VOLUME = "kube-dev-tools_pgdata";

/** The dev stack's containers and images, with links into Docker Desktop's own views. */
export function StackOverview() {
  const ddClient = useDockerDesktopClient();
  const [containers, setContainers] = useState<StackContainer[]>([]);
  const [images, setImages] = useState<StackImage[]>([]);
  const [dbSize, setDbSize] = useState<string>();

  useEffect(() => {
    Promise.all([stack.containers(), stack.images()]).then(([c, i]) => {
      setContainers(c);
      setImages(i);
      const db = c.find((container) => container.Image.startsWith("postgres"));
      if (db) stack.databaseSize(db.Id).then(setDbSize);
    });
  }, []);

  const showData = async () => {
    await ddClient.navigateToVolume(DATA_VOLUME);
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <Button size="small" onClick={() => ddClient.navigateToContainers()}>
          All containers
        </Button>
        <Button size="small" onClick={() => ddClient.navigateToImages()}>
          All images
        </Button>
        <Button size="small" onClick={() => ddClient.navigateToVolumes()}>
          All volumes
        </Button>
        <Button size="small" onClick={showData}>
          Database volume {dbSize && `(${dbSize})`}
        </Button>
      </Stack>

      <Typography variant="h4">Containers</Typography>
      <Table size="small">
        <TableBody>
          {containers.map((c) => (
            <TableRow key={c.Id} hover onClick={() => ddClient.navigateToContainer(c.Id)}>
              <TableCell>{c.Names[0]?.replace(/^\//, "")}</TableCell>
              <TableCell>{c.State}</TableCell>
              <TableCell align="right">
                <Tooltip title="Logs">
                  <IconButton onClick={() => ddClient.navigateToContainerLogs(c.Id)}>📜</IconButton>
                </Tooltip>
                <Tooltip title="Inspect">
                  <IconButton onClick={() => ddClient.navigateToContainerInspect(c.Id)}>🔍</IconButton>
                </Tooltip>
                <Tooltip title="Stats">
                  <IconButton onClick={() => ddClient.navigateToContainerStats(c.Id)}>📈</IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Typography variant="h4">Images</Typography>
      <Table size="small">
        <TableBody>
          {images.map((image) => {
            const [repository = "<none>", tag = "<none>"] = (image.RepoTags?.[0] ?? "").split(":");
            return (
              <TableRow key={image.Id} hover onClick={() => ddClient.navigateToImage(image.Id, tag)}>
                <TableCell>{repository}</TableCell>
                <TableCell>{tag}</TableCell>
                <TableCell align="right">{Math.round(image.Size / 1e6)} MB</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Stack>
  );
}
