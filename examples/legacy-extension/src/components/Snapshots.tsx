import { useEffect, useState } from "react";
import Button from "@mui/material/Button";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";

import { Snapshot, StackService } from "../api/StackService";
import { useDockerDesktopClient } from "../hooks/useDockerDesktopClient";

const stack = new StackService();

/** Save, rename and drop snapshots of the dev stack (stored by the backend service). */
export function Snapshots() {
  const ddClient = useDockerDesktopClient();
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);
  const [name, setName] = useState("");

  const reload = async () => {
    if (!(await stack.isBackendUp())) {
      ddClient.toastWarning("The backend is still starting; snapshots will show up in a moment.");
      return;
    }
    setSnapshots(await stack.listSnapshots());
  };

  useEffect(() => {
    reload();
  }, []);

  const save = async () => {
    const images = (await stack.images()).flatMap((image) => image.RepoTags ?? []);
    await stack.saveSnapshot({ name, createdAt: new Date().toISOString(), images });
    ddClient.toastSuccess(`Snapshot "${name}" saved.`);
    setName("");
    await reload();
  };

  const rename = async (snapshot: Snapshot) => {
    const newName = window.prompt("New name", snapshot.name);
    if (!newName || newName === snapshot.name) return;
    await stack.renameSnapshot(snapshot.name, newName);
    await reload();
  };

  const drop = async (snapshot: Snapshot) => {
    await stack.deleteSnapshot(snapshot.name);
    ddClient.toastSuccess(`Snapshot "${snapshot.name}" deleted.`);
    await reload();
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <TextField size="small" label="Snapshot name" value={name} onChange={(e) => setName(e.target.value)} />
        <Button variant="contained" disabled={!name} onClick={save}>
          Save snapshot
        </Button>
      </Stack>
      <List dense>
        {snapshots.map((s) => (
          <ListItem
            key={s.name}
            secondaryAction={
              <>
                <Button size="small" onClick={() => rename(s)}>
                  Rename
                </Button>
                <Button size="small" color="error" onClick={() => drop(s)}>
                  Delete
                </Button>
              </>
            }
          >
            <ListItemText primary={s.name} secondary={`${s.images.length} images, ${new Date(s.createdAt).toLocaleString()}`} />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
