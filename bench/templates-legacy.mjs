// The v0 calls, in the shapes real extensions wrote them: `.then` chains on execHostCmd
// template literals, `backend.get/post`, `backend?.get`, rest-argument execDockerCmd, spawn
// callbacks, toasts, navigation in onClick, openExternal, receivers split over lines, pieces
// destructured from the client, a client module imported by others, a command-line wrapper
// and its callers, and calls a codemod must leave for a person (pipes, no v1 counterpart).
// A legacy file is an ordinary module (templates-plain.mjs) with some of these injected.
import { NOUNS, apiModule, classComponent, component, hook } from "./templates-plain.mjs";

const lower = (s) => s[0].toLowerCase() + s.slice(1);

// Each shape: (r, C) → { name, params, body, jsx? } where C is the client expression. The
// body is statements of an async function; `jsx` (components only) is an element using C.
const SHAPES = {
  kubectlThen: (r, C) => ({
    name: "loadPods", params: [["ns", "string"]],
    body: [
      `return ${C}.execHostCmd(\`kubectl get pods -n \${ns} -o json\`)`,
      `  .then((result) => JSON.parse(result.stdout).items.map((item) => item.metadata.name))`,
      `  .catch((error) => {`,
      `    console.error("kubectl failed", error);`,
      `    return [];`,
      `  });`,
    ],
  }),
  hostStatic: (r, C) => ({
    name: "helmReleases", params: [],
    body: [`const out = await ${C}.execHostCmd("${r.pick(["helm list --all-namespaces -o json", "kubectl config current-context", "kind get clusters"])}");`, `return out.stdout.trim();`],
  }),
  backendGetPost: (r, C) => ({
    name: "ensureBackend", params: [["reason", "string"]],
    body: [`const status = await ${C}.backend.get("/status");`, `if (!status.ready) {`, `  await ${C}.backend.post("/restart", { reason, at: Date.now() });`, `}`, `return status;`],
  }),
  backendOptional: (r, C) => ({
    name: "readConfig", params: [["name", "string"]],
    body: [`const saved = await ${C}.backend?.get(\`/config/\${name}\`);`, `return saved ?? { name, enabled: ${r.chance(0.5)} };`],
  }),
  dockerRest: (r, C) => ({
    name: "listAll", params: [],
    body: [`const result = await ${C}.execDockerCmd(${r.pick([`"ps", "-a", "--format", "{{json .}}"`, `"image", "ls", "--format", "{{json .}}"`, `"volume", "ls", "-q"`])});`, `return result.parseJsonLines();`],
  }),
  spawnTail: (r, C) => ({
    name: "followLog", params: [["file", "string"], ["onLine", "(line: string) => void"]],
    body: [
      `${C}.spawnHostCmd("tail", ["-f", file], (data, err) => {`,
      `  if (err) {`,
      `    console.error(err);`,
      `    return;`,
      `  }`,
      `  if (data.stdout) onLine(data.stdout);`,
      `  if (data.stderr) onLine(data.stderr);`,
      `});`,
    ],
  }),
  vmExec: (r, C) => ({
    name: "readSnapshot", params: [["id", "string"]],
    body: r.chance(0.5)
      ? [`const res = await ${C}.backend.execInVMExtension(\`cat /data/snapshots/\${id}.json\`);`, `return JSON.parse(res.stdout);`]
      : [`const res = await ${C}.backend.execInVMExtension("ls -la /data/snapshots");`, `return res.lines().filter((line) => line.includes(id));`],
  }),
  toasts: (r, C) => ({
    name: "save", params: [["name", "string"], ["body", "unknown"]],
    body: [`try {`, `  await ${C}.backend.put(\`/items/\${name}\`, body);`, `  ${C}.toastSuccess(\`Saved \${name}\`);`, `} catch (error) {`, `  ${C}.toast${r.pick(["Error", "Warning"])}(\`Could not save \${name}: \${error}\`);`, `}`],
  }),
  navigate: (r, C) => ({
    name: "showVolume", params: [["volume", "string"]],
    body: [`${C}.navigateToVolume(volume);`],
    jsx: `<Button onClick={() => ${C}.${r.pick(["navigateToContainers", "navigateToImages", "navigateToVolumes"])}()}>Open in Docker Desktop</Button>`,
  }),
  external: (r, C) => ({
    name: "openDocs", params: [["page", "string"]],
    body: r.chance(0.5) ? [`${C}.openExternal(\`https://docs.docker.com/\${page}\`);`] : [`return ${C}.openExternal(\`https://github.com/docker/extensions-sdk/\${page}\`).then(() => true);`],
  }),
  splitReceiver: (r, C) => ({
    name: "startJob", params: [["image", "string"], ["args", "string[]"]],
    body: [`const job = await ${C.replace(".", "\n  .")}`, `  .backend`, `  .post("/jobs", { image, args });`, `return job.id;`],
  }),
  destructured: (r, C) => ({
    name: "pruneSnapshots", params: [["keep", "number"]],
    body: [`const { backend } = ${C};`, `const all = await backend.get("/snapshots");`, `for (const snap of all.slice(keep)) {`, `  await backend.delete(\`/snapshots/\${snap.id}\`);`, `}`],
  }),
  destructuredRest: (r, C) => ({
    name: "pruneImages", params: [],
    body: [`const { execDockerCmd, toastError } = ${C};`, `await execDockerCmd("image", "prune", "-f").catch((error) => toastError(String(error)));`],
  }),
  listing: (r, C) => ({
    name: "runningContainers", params: [],
    body: [`const containers = await ${C}.listContainers({ all: ${r.chance(0.5)} });`, `return containers.filter((c) => c.State === "running");`],
  }),
  spawnDocker: (r, C) => ({
    name: "streamLogs", params: [["id", "string"], ["onData", "(text: string) => void"]],
    body: [`${C}.spawnDockerCmd("logs", ["-f", "--tail", "100", id], (data, error) => {`, `  if (data) onData(data.stdout || data.stderr);`, `  if (error) console.warn(error);`, `});`],
  }),
  containerExec: (r, C) => ({
    name: "diskUsage", params: [["container", "string"]],
    body: [`const res = await ${C}.backend.execInContainer(container, "df -h /data");`, `return res.lines().slice(1);`],
  }),
  needsPerson: (r, C) => ({
    name: "countRunning", params: [],
    body: r.chance(0.5) ? [`const res = await ${C}.execHostCmd("docker ps -q | wc -l");`, `return Number(res.stdout.trim());`] : [`${C}.navigateToRoute("/settings/resources");`],
  }),
};
const SHAPE_NAMES = Object.keys(SHAPES);

/** How the file reaches the client: the receiver expression plus the imports it needs. */
function pickClient(r, ts) {
  const kind = r.weighted([["window", 4], ["global", 1], ["module", 3], ["create", 2], ["cast", ts ? 1 : 0]]);
  if (kind === "module") return { C: "ddClient", imports: [`import { ddClient } from "../api/client";`] };
  if (kind === "create") return { C: "client", imports: [`import { createDockerDesktopClient } from "@docker/extension-api-client";\n\nconst client = createDockerDesktopClient();`] };
  return { C: { window: "window.ddClient", global: "ddClient", cast: "(window as any).ddClient" }[kind], imports: [] };
}

/** The shared client module every other file of an extension can import (`../api/client`). */
export function clientModule() {
  return `import { createDockerDesktopClient } from "@docker/extension-api-client";\nimport type { v1Hybrid } from "@docker/extension-api-client-types";\n\n// One client for the whole UI; Docker Desktop injects it before the app loads.\nexport const ddClient = createDockerDesktopClient() as v1Hybrid.DockerDesktopClient;\n`;
}

/** The command-line wrapper (`../api/shell`); legacy files call `run("kubectl …")`. */
export function wrapperModule() {
  return `import { ddClient } from "./client";\n\nexport function run(cmd: string) {\n  return ddClient.execHostCmd(cmd);\n}\n`;
}

const wrapperCaller = (r) => ({
  name: "namespaces", params: [],
  body: [`const res = await run("${r.pick(["kubectl get namespaces -o name", "kubectl get nodes -o wide", "helm repo list"])}");`, `return res.stdout.split("\\n").filter(Boolean);`],
});

/** A class holding the client in a field, used as `this.ddClient.…` (TS only). */
function serviceClass(r) {
  const noun = r.pick(NOUNS);
  return `import { createDockerDesktopClient } from "@docker/extension-api-client";\nimport type { v1Hybrid } from "@docker/extension-api-client-types";\n\nexport class ${noun}Service {\n  private readonly ddClient = createDockerDesktopClient() as v1Hybrid.DockerDesktopClient;\n\n  async list() {\n    const res = await this.ddClient.execDockerCmd("${lower(noun)}", "ls", "--format", "{{json .}}");\n    return res.parseJsonLines();\n  }\n\n  remove(id: string) {\n    return this.ddClient.execDockerCmd("${lower(noun)}", "rm", id);\n  }\n}\n`;
}

/** A module with 1-4 v0 call shapes; returns { dir, ext, source } like the plain kinds. */
export function legacyModule(r) {
  const base = r.weighted([["component", 40], ["cra", 15], ["class", 5], ["hook", 15], ["api", 20], ["service", 5]]);
  const ts = base === "component" || base === "hook" || base === "api" || base === "service";
  const client = pickClient(r, ts);
  const fns = [];
  const jsx = [];
  const imports = [...client.imports];
  const count = r.weighted([[1, 4], [2, 3], [3, 2], [4, 1]]);
  for (let i = 0; i < count; i++) {
    const shape = SHAPES[r.pick(SHAPE_NAMES)](r, client.C);
    fns.push({ ...shape, name: `${shape.name}${i}`, params: shape.params, async: true });
    if (shape.jsx && base !== "hook" && base !== "api") jsx.push(shape.jsx);
  }
  if (r.chance(0.25)) {
    imports.push(`import { run } from "../api/shell";`);
    fns.push({ ...wrapperCaller(r), name: "namespacesViaShell", async: true });
  }
  const inject = { imports, fns, jsx };
  switch (base) {
    case "component": return { dir: "components", ext: "tsx", source: component(r, "tsx", inject) };
    case "cra": return { dir: "pages", ext: r.chance(0.7) ? "js" : "jsx", source: component(r, "js", inject) };
    case "class": return { dir: "pages", ext: "js", source: classComponent(r, inject) };
    case "hook": return { dir: "hooks", ext: "ts", source: hook(r, inject) };
    case "api": return { dir: "api", ext: "ts", source: apiModule(r, inject) };
    default: return { dir: "api", ext: "ts", source: serviceClass(r) };
  }
}
