// A synthetic extension front end: many ordinary React/TypeScript modules and a few that use
// v0, the proportion a real tree has (most files never touch the client).
import fs from "node:fs";
import path from "node:path";

const plain = (i) => `import { useEffect, useState } from "react";
import { formatBytes } from "../util/format";

export interface Row${i} { id: string; name: string; size: number }

export function Table${i}({ rows, onSelect }: { rows: Row${i}[]; onSelect: (id: string) => void }) {
  const [sort, setSort] = useState<"name" | "size">("name");
  const sorted = [...rows].sort((a, b) => (sort === "name" ? a.name.localeCompare(b.name) : a.size - b.size));
  useEffect(() => {
    document.title = \`\${rows.length} rows\`;
  }, [rows.length]);
  return (
    <table>
      <thead>
        <tr>
          <th onClick={() => setSort("name")}>Name</th>
          <th onClick={() => setSort("size")}>Size</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.id} onClick={() => onSelect(row.id)}>
            <td>{row.name}</td>
            <td>{formatBytes(row.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`;

const legacy = (i) => `import { useEffect, useState } from "react";

export function Panel${i}({ ns }: { ns: string }) {
  const [pods, setPods] = useState<string[]>([]);
  const [log, setLog] = useState("");
  useEffect(() => {
    window.ddClient.execHostCmd(\`kubectl get pods -n \${ns} -o name\`).then((r: any) => setPods(r.lines()));
    window.ddClient.backend!.get("/status").then((s: any) => console.log(s));
    window.ddClient.spawnHostCmd("tail", ["-f", "/tmp/${i}.log"], (data: any, err: any) => {
      if (err) {
        console.error(err);
      } else if (data.stdout) {
        setLog((l) => l + data.stdout);
      }
    });
  }, [ns]);
  return <pre>{pods.join("\\n")}{log}</pre>;
}
`;

/** Writes `files` modules under `dir`, one in `legacyEvery` using v0; returns their paths. */
export function writeCorpus(dir, files, legacyEvery = 20) {
  fs.mkdirSync(path.join(dir, "src", "components"), { recursive: true });
  const paths = [];
  for (let i = 0; i < files; i++) {
    const file = path.join(dir, "src", "components", `Component${i}.tsx`);
    fs.writeFileSync(file, i % legacyEvery === 0 ? legacy(i) : plain(i));
    paths.push(file);
  }
  return paths;
}
