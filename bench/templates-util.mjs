// The modules of a UI tree that are not React: pure TypeScript helpers, and the Node build
// scripts next to the UI, whose `child_process.exec` and `spawn("tail", …)` are lookalikes
// of the v0 exec calls that a search by name finds and the CLI must leave alone.

import { NOUNS } from "./templates-plain.mjs";

const lower = (s) => s[0].toLowerCase() + s.slice(1);

/** Pure helpers (.ts). */
export function utils(r) {
  const pool = {
    formatBytes: `export function formatBytes(bytes: number, digits = 1): string {\n  const units = ["B", "kB", "MB", "GB", "TB"];\n  let i = 0;\n  while (bytes >= 1024 && i < units.length - 1) {\n    bytes /= 1024;\n    i++;\n  }\n  return \`\${bytes.toFixed(digits)} \${units[i]}\`;\n}`,
    formatAge: `export function formatAge(since: number, now = Date.now()): string {\n  const s = Math.floor((now - since) / 1000);\n  if (s < 60) return \`\${s}s\`;\n  if (s < 3600) return \`\${Math.floor(s / 60)}m\`;\n  if (s < 86400) return \`\${Math.floor(s / 3600)}h\`;\n  return \`\${Math.floor(s / 86400)}d\`;\n}`,
    debounce: `export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args: A) => {\n    if (timer) clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}`,
    groupBy: `export function groupBy<T>(items: T[], key: (item: T) => string): Record<string, T[]> {\n  const out: Record<string, T[]> = {};\n  for (const item of items) {\n    (out[key(item)] ??= []).push(item);\n  }\n  return out;\n}`,
    compareVersions: `export function compareVersions(a: string, b: string): number {\n  const pa = a.replace(/^v/, "").split(".").map(Number);\n  const pb = b.replace(/^v/, "").split(".").map(Number);\n  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {\n    const d = (pa[i] ?? 0) - (pb[i] ?? 0);\n    if (d !== 0) return d;\n  }\n  return 0;\n}`,
    parseLabels: `// "a=b,c=d" as docker prints it with --format '{{.Labels}}'\nexport function parseLabels(text: string): Record<string, string> {\n  return Object.fromEntries(\n    text\n      .split(",")\n      .filter(Boolean)\n      .map((pair) => {\n        const at = pair.indexOf("=");\n        return [pair.slice(0, at), pair.slice(at + 1)];\n      }),\n  );\n}`,
    chunk: `export function chunk<T>(items: T[], size: number): T[][] {\n  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;\n}`,
    retry: `export async function retry<T>(fn: () => Promise<T>, attempts = 3, delayMs = 250): Promise<T> {\n  let last: unknown;\n  for (let i = 0; i < attempts; i++) {\n    try {\n      return await fn();\n    } catch (error) {\n      last = error;\n      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** i));\n    }\n  }\n  throw last;\n}`,
  };
  return r.some(Object.keys(pool), r.int(2, 6)).map((k) => pool[k]).join("\n\n") + "\n";
}

/** A Node build/dev script (.js, CommonJS) using child_process: the lookalike a name match hits. */
export function script(r) {
  const noun = lower(r.pick(NOUNS));
  const tag = `${noun}:${r.int(1, 9)}.${r.int(0, 20)}`;
  return [
    `#!/usr/bin/env node`,
    `// Builds the extension image. Runs on the developer's machine, not in Docker Desktop,`,
    `// so it shells out itself instead of going through ddClient.`,
    `const child_process = require("child_process");`,
    `const path = require("path");`,
    "",
    `const root = path.resolve(__dirname, "..");`,
    `const tag = process.env.TAG || "${tag}";`,
    "",
    `function execHost(cmd) {`,
    `  return new Promise((resolve, reject) => {`,
    `    child_process.exec(cmd, { cwd: root }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)));`,
    `  });`,
    `}`,
    "",
    `async function main() {`,
    `  await execHost(\`docker build -t \${tag} .\`);`,
    ...(r.chance(0.5) ? [`  const tail = child_process.spawn("tail", ["-f", path.join(root, "build.log")]);`, `  tail.stdout.on("data", (chunk) => process.stdout.write(chunk));`, `  setTimeout(() => tail.kill(), ${r.int(1, 30) * 1000});`] : []),
    `  console.log(\`built \${tag}\`);`,
    `}`,
    "",
    `main().catch((error) => {`,
    `  console.error(error);`,
    `  process.exit(1);`,
    `});`,
    "",
  ].join("\n");
}
