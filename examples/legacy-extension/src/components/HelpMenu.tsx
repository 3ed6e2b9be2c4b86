import { useState } from "react";
import Button from "@mui/material/Button";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";

import { ddClient } from "../api/client";

const DOCS_URL = "https://github.com/example/kube-dev-tools#readme";
const ISSUES_URL = "https://github.com/example/kube-dev-tools/issues/new";

/** The "Help" menu in the header. */
export function HelpMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);

  // Early Docker Desktop builds returned a Promise here (the typings say void), and the menu
  // waits for it so that it does not close under the cursor before the browser opens.
  const openDocs = () =>
    (window as any).ddClient
      .openExternal(DOCS_URL)
      .then(close);

  return (
    <>
      <Button onClick={(e) => setAnchor(e.currentTarget)}>Help</Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close}>
        <MenuItem onClick={openDocs}>Documentation</MenuItem>
        <MenuItem onClick={() => ddClient.openExternal(ISSUES_URL)}>Report an issue</MenuItem>
        {/* Both predate the typings: the client still answers them on Docker Desktop 4.x. */}
        <MenuItem onClick={() => (window as any).ddClient.navigateToRoute("/extensions/manage")}>Manage extensions</MenuItem>
        <MenuItem onClick={() => (window as any).ddClient.navigateToDevEnvironments()}>Dev Environments</MenuItem>
      </Menu>
    </>
  );
}
