// Ordinary extension front-end modules: React components (TSX, and plain .js with JSX as
// Create React App projects have), hooks and API clients (helpers and Node scripts are in
// templates-util.mjs). Most files of a real tree look like these, and many carry lookalikes
// of v0 calls (a local `backend`, `api.get(…)`, `http.delete(…)`, `.execute()`, comments
// naming ddClient) so a tool matching names instead of receivers pays for them as on real code.
//
// Generators take the file's PRNG and `inject`, the v0 pieces a legacy file adds (see
// templates-legacy.mjs): { imports, fns, jsx }. Generated code must parse as TSX for .ts/.tsx
// (no `<T>x` casts, no generic arrows) and as JS + JSX for .js/.jsx.

export const NOUNS = ["Container", "Image", "Volume", "Pod", "Release", "Snapshot", "Stack", "Service", "Network", "Chart", "Node", "Secret", "Backup", "Tunnel", "Registry", "Build", "Port", "Job", "Deployment", "Namespace"];
const FIELDS = [["name", "string"], ["status", "string"], ["size", "number"], ["createdAt", "number"], ["labels", "Record<string, string>"], ["ports", "number[]"], ["image", "string"], ["restarts", "number"], ["owner", "string"], ["ready", "boolean"]];
const NONE = { imports: [], fns: [], jsx: [] };

const lower = (s) => s[0].toLowerCase() + s.slice(1);
const ann = (ts, type) => (ts ? `: ${type}` : "");
const indent = (text, pad) => text.split("\n").map((line) => (line ? pad + line : line)).join("\n");

/** A v0 piece as a function: a `const x = async () => {}` in a component, else a declaration. */
export function renderFn(fn, ts, inBody) {
  const params = fn.params.map(([name, type]) => name + ann(ts, type)).join(", ");
  const body = indent(fn.body.join("\n"), "  ");
  return inBody ? `const ${fn.name} = ${fn.async ? "async " : ""}(${params}) => {\n${body}\n};` : `export ${fn.async ? "async " : ""}function ${fn.name}(${params}) {\n${body}\n}`;
}

function helpers(r, noun, ts, count) {
  const out = [];
  const pool = [
    () => `function describe${noun}(row${ann(ts, "any")})${ann(ts, "string")} {\n  switch (row.status) {\n    case "running":\n      return \`\${row.name} is up\`;\n    case "exited":\n      return \`\${row.name} stopped\`;\n    default:\n      return row.name;\n  }\n}`,
    () => `export function sort${noun}s(rows${ann(ts, "any[]")}, key${ann(ts, "string")}, desc = false) {\n  const sorted = [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));\n  return desc ? sorted.reverse() : sorted;\n}`,
    () => `// The backend answers with snake_case; the table wants camelCase.\nfunction normalize(raw${ann(ts, "Record<string, unknown>")}) {\n  const out${ann(ts, "Record<string, unknown>")} = {};\n  for (const [key, value] of Object.entries(raw)) {\n    out[key.replace(/_([a-z])/g, (_, c) => c.toUpperCase())] = value;\n  }\n  return out;\n}`,
    () => `const COLUMNS = [\n${r.some(FIELDS, 4).map(([f]) => `  { key: "${f}", label: "${f[0].toUpperCase() + f.slice(1)}", width: ${r.int(6, 30) * 10} },`).join("\n")}\n];`,
    () => `export function ${lower(noun)}Url(id${ann(ts, "string")}, tab = "overview") {\n  const params = new URLSearchParams({ tab, ts: String(Date.now()) });\n  return \`/${lower(noun)}s/\${encodeURIComponent(id)}?\${params}\`;\n}`,
    () => `function matches(row${ann(ts, "any")}, query${ann(ts, "string")}) {\n  const q = query.trim().toLowerCase();\n  if (!q) return true;\n  return Object.values(row).some((value) => String(value).toLowerCase().includes(q));\n}`,
  ];
  // Distinct templates: two `const COLUMNS` in one module would not parse.
  return count === 0 ? out : r.some(pool, count).map((make) => make());
}

/** Some screens also edit a row: a form of one field per line, the bulk of a long component. */
function editForm(r, fields) {
  if (!r.chance(0.4)) return [];
  const inputs = [...fields, ...r.some(FIELDS, r.int(2, 8))].map(([f]) => [
    `        <TextField`,
    `          label="${f}"`,
    `          value={String(draft.${f} ?? "")}`,
    `          onChange={(e) => setDraft({ ...draft, ${f}: e.target.value })}`,
    `        />`,
  ]);
  return [`      <form onSubmit={(e) => e.preventDefault()}>`, ...inputs.flat(), `      </form>`];
}

/** A list/table screen; `ext` is tsx, jsx or js (CRA). */
export function component(r, ext, inject = NONE) {
  const ts = ext === "tsx";
  const noun = r.pick(NOUNS);
  const name = `${noun}${r.pick(["Table", "List", "Panel", "View", "Details", "Card"])}`;
  const fields = r.some(FIELDS, r.int(3, 7));
  const states = r.some(["page", "sort", "selected", "expanded", "error", "query"], r.int(1, 4));
  const lookalike = r.weighted([["api", 5], ["backend", 2], ["fetch", 3]]);
  const load =
    lookalike === "api" ? `api.get(\`/${lower(noun)}s\`, { params: { filter } }).then((res) => res.data)`
    : lookalike === "backend" ? `backend.get(\`/${lower(noun)}s?filter=\${filter}\`)`
    : `fetch(\`/api/${lower(noun)}s?filter=\${encodeURIComponent(filter)}\`).then((res) => res.json())`;
  const inBody = inject.fns.map((fn) => indent(renderFn(fn, ts, true), "  "));
  return [
    `import { useEffect, useMemo, useState } from "react";`,
    ...["Stack", "TextField", "Typography", ...(inject.jsx.length > 0 ? ["Button"] : r.some(["Button", "Tooltip", "Chip", "Grid"], 1))].map((c) => `import ${c} from "@mui/material/${c}";`),
    lookalike === "api" ? `import { api } from "../api/http";` : lookalike === "backend" ? `import { createBackend } from "../api/backend";` : "",
    ...inject.imports,
    "",
    ts ? `export interface ${noun}Row {\n  id: string;\n${fields.map(([f, t]) => `  ${f}: ${t};`).join("\n")}\n}\n\ninterface Props {\n  title?: string;\n  onSelect?: (id: string) => void;\n}\n` : "",
    lookalike === "backend" ? `// Our own HTTP helper, not Docker Desktop's: the extension talks to its backend through it.\nconst backend = createBackend("/api/v2");\n` : "",
    ...helpers(r, noun, ts, r.int(0, 4)).map((h) => h + "\n"),
    `export ${r.chance(0.3) ? "default " : ""}function ${name}({ title = "${noun}s", onSelect }${ts ? ": Props" : ""}) {`,
    `  const [rows, setRows] = useState${ts ? `<${noun}Row[]>` : ""}([]);`,
    `  const [filter, setFilter] = useState("");`,
    `  const [loading, setLoading] = useState(false);`,
    `  const [draft, setDraft] = useState${ts ? "<any>" : ""}({});`,
    ...states.map((s) => `  const [${s}, set${s[0].toUpperCase() + s.slice(1)}] = useState${ts ? "<any>" : ""}(null);`),
    "",
    `  useEffect(() => {`,
    `    let cancelled = false;`,
    `    setLoading(true);`,
    `    ${load}`,
    `      .then((data${ann(ts, `${noun}Row[]`)}) => {`,
    `        if (!cancelled) setRows(data);`,
    `      })`,
    `      .finally(() => setLoading(false));`,
    `    return () => {`,
    `      cancelled = true;`,
    `    };`,
    `  }, [filter]);`,
    "",
    `  const visible = useMemo(() => rows.filter((row) => row.name.includes(filter)), [rows, filter]);`,
    ...inBody,
    "",
    `  return (`,
    `    <Stack spacing={2}>`,
    `      <Typography variant="h6">{title}</Typography>`,
    `      <TextField size="small" label="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />`,
    ...inject.jsx.map((j) => `      ${j}`),
    ...editForm(r, fields),
    `      {loading ? (`,
    `        <Typography>Loading…</Typography>`,
    `      ) : (`,
    `        <table className="${lower(noun)}-table">`,
    `          <thead>`,
    `            <tr>`,
    ...fields.map(([f]) => `              <th>${f}</th>`),
    `            </tr>`,
    `          </thead>`,
    `          <tbody>`,
    `            {visible.map((row) => (`,
    `              <tr key={row.id} onClick={() => onSelect && onSelect(row.id)}>`,
    ...fields.map(([f, t]) => `                <td>{${t === "string" ? `row.${f}` : `String(row.${f})`}}</td>`),
    `              </tr>`,
    `            ))}`,
    `          </tbody>`,
    `        </table>`,
    `      )}`,
    `    </Stack>`,
    `  );`,
    `}`,
    "",
  ].filter((line, i, all) => line !== "" || all[i - 1] !== "").join("\n");
}

/** A polling data hook (.ts). */
export function hook(r, inject = NONE) {
  const noun = r.pick(NOUNS);
  const ms = r.pick([2000, 5000, 10000, 30000]);
  return [
    `import { useCallback, useEffect, useRef, useState } from "react";`,
    `import { api } from "../api/http";`,
    ...inject.imports,
    "",
    `export interface ${noun}State {\n  items: unknown[];\n  error?: string;\n  updatedAt?: number;\n}`,
    "",
    ...inject.fns.map((fn) => renderFn(fn, true, false) + "\n"),
    `/** Polls the ${lower(noun)} list every ${ms / 1000}s while the tab is visible. */`,
    `export function use${noun}s(intervalMs = ${ms}) {`,
    `  const [state, setState] = useState<${noun}State>({ items: [] });`,
    `  const timer = useRef<ReturnType<typeof setInterval> | null>(null);`,
    "",
    `  const refresh = useCallback(async () => {`,
    `    try {`,
    `      const res = await api.get("/${lower(noun)}s");`,
    `      setState({ items: res.data, updatedAt: Date.now() });`,
    `    } catch (error) {`,
    `      setState((prev) => ({ ...prev, error: String(error) }));`,
    `    }`,
    `  }, []);`,
    "",
    `  useEffect(() => {`,
    `    refresh();`,
    `    timer.current = setInterval(() => {`,
    `      if (document.visibilityState === "visible") refresh();`,
    `    }, intervalMs);`,
    `    return () => {`,
    `      if (timer.current) clearInterval(timer.current);`,
    `    };`,
    `  }, [intervalMs, refresh]);`,
    "",
    `  return { ...state, refresh };`,
    `}`,
    "",
  ].join("\n");
}

/** An API client module (.ts) with an `execute()` command class and `http.get/post`. */
export function apiModule(r, inject = NONE) {
  const noun = r.pick(NOUNS);
  const methods = r.some(["list", "get", "create", "update", "remove", "restart", "logs", "inspect"], r.int(2, 6));
  const comment = r.chance(0.3) ? `// Goes straight to the registry, unlike ddClient.backend, so it also works outside Docker Desktop.\n` : "";
  const body = {
    list: `  async list(): Promise<${noun}[]> {\n    const res = await this.http.get("/${lower(noun)}s");\n    return res.data;\n  }`,
    get: `  async get(id: string): Promise<${noun}> {\n    const res = await this.http.get(\`/${lower(noun)}s/\${id}\`);\n    return res.data;\n  }`,
    create: `  async create(input: Partial<${noun}>): Promise<${noun}> {\n    const res = await this.http.post("/${lower(noun)}s", input);\n    return res.data;\n  }`,
    update: `  async update(id: string, patch: Partial<${noun}>) {\n    await this.http.patch(\`/${lower(noun)}s/\${id}\`, patch);\n  }`,
    remove: `  async remove(id: string) {\n    await this.http.delete(\`/${lower(noun)}s/\${id}\`);\n  }`,
    restart: `  restart(id: string) {\n    return new Command("restart", [id]).execute();\n  }`,
    logs: `  async logs(id: string, tail = 200): Promise<string[]> {\n    const res = await this.http.get(\`/${lower(noun)}s/\${id}/logs\`, { params: { tail } });\n    return String(res.data).split("\\n");\n  }`,
    inspect: `  inspect(id: string) {\n    return new Command("inspect", [id, "--format", "{{json .}}"]).execute();\n  }`,
  };
  return [
    `import axios, { AxiosInstance } from "axios";`,
    ...inject.imports,
    "",
    `export interface ${noun} {\n  id: string;\n  name: string;\n  createdAt: string;\n}`,
    "",
    `export class Command {\n  constructor(private readonly verb: string, private readonly args: string[]) {}\n\n  execute(): Promise<string> {\n    return api.post("/commands", { verb: this.verb, args: this.args }).then((res) => res.data);\n  }\n}`,
    "",
    `${comment}export const api: AxiosInstance = axios.create({ baseURL: "/api", timeout: ${r.int(5, 60) * 1000} });`,
    "",
    `export class ${noun}Api {\n  constructor(private readonly http: AxiosInstance = api) {}\n\n${methods.map((m) => body[m]).join("\n\n")}\n}`,
    "",
    ...inject.fns.map((fn) => renderFn(fn, true, false) + "\n"),
  ].join("\n");
}

/** A CRA-era class component in plain .js. */
export function classComponent(r, inject = NONE) {
  const noun = r.pick(NOUNS);
  return [
    `import React from "react";`,
    `import PropTypes from "prop-types";`,
    ...inject.imports,
    "",
    ...inject.fns.map((fn) => renderFn(fn, false, false) + "\n"),
    `export default class ${noun}Page extends React.Component {`,
    `  state = { items: [], error: null };`,
    "",
    `  componentDidMount() {`,
    `    fetch("/api/${lower(noun)}s")`,
    `      .then((res) => res.json())`,
    `      .then((items) => this.setState({ items }))`,
    `      .catch((error) => this.setState({ error: error.message }));`,
    `  }`,
    "",
    `  render() {`,
    `    const { items, error } = this.state;`,
    `    if (error) return <p className="error">{error}</p>;`,
    `    return (`,
    `      <ul>`,
    ...inject.jsx.map((j) => `        <li>${j}</li>`),
    `        {items.map((item) => (`,
    `          <li key={item.id}>`,
    `            {item.name} <small>{this.props.showIds ? item.id : null}</small>`,
    `          </li>`,
    `        ))}`,
    `      </ul>`,
    `    );`,
    `  }`,
    `}`,
    "",
    `${noun}Page.propTypes = { showIds: PropTypes.bool };`,
    "",
  ].join("\n");
}
