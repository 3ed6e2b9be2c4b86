import Alert from "@mui/material/Alert";
import Chip from "@mui/material/Chip";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";

import { usePods } from "../hooks/usePods";

export function PodList({ namespace }: { namespace: string }) {
  const { pods, error } = usePods(namespace);

  if (error) return <Alert severity="error">{error}</Alert>;
  return (
    <List dense>
      {pods.map((pod) => (
        <ListItem key={pod.name} secondaryAction={pod.restarts > 0 && <Chip size="small" color="warning" label={`${pod.restarts} restarts`} />}>
          <ListItemText primary={pod.name} secondary={pod.phase} />
        </ListItem>
      ))}
    </List>
  );
}
