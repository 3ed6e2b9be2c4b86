/**
 * What the lint-runner package tests share: a v0 file of every extension the configs lint, with
 * its findings and its `--fix` result; the README's config files and install lines, taken from
 * its code blocks so that the docs and the tests cannot drift; and the findings of a run.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./helpers.js";

interface LintCase {
  readonly source: string;
  /** `line:column rule-id`, in the order of the file. */
  readonly findings: readonly string[];
  readonly fixed: string;
}

/** One file per extension, in the syntax that extension allows (JSX in `.js`, as Create React App writes it). */
export const CASES: Readonly<Record<string, LintCase>> = {
  "src/status.ts": {
    source: 'const id: string = "c1";\nwindow.ddClient.navigateToContainer(id);\n',
    findings: ["2:17 no-deprecated-api"],
    fixed: 'const id: string = "c1";\nwindow.ddClient.desktopUI.navigate.viewContainer(id);\n',
  },
  "src/refresh.tsx": {
    source: 'export const Refresh = (): JSX.Element => <button onClick={() => window.ddClient.toastSuccess("ok")}>ok</button>;\n',
    findings: ["1:82 no-deprecated-api"],
    fixed: 'export const Refresh = (): JSX.Element => <button onClick={() => window.ddClient.desktopUI.toast.success("ok")}>ok</button>;\n',
  },
  "src/logs.js": {
    source: "export const Logs = () => <button onClick={() => window.ddClient.navigateToContainers()}>logs</button>;\n",
    findings: ["1:66 no-deprecated-api"],
    fixed: "export const Logs = () => <button onClick={() => void window.ddClient.desktopUI.navigate.viewContainers()}>logs</button>;\n",
  },
  "src/warn.jsx": {
    source: "export const Warn = ({ text }) => <p onClick={() => window.ddClient.toastWarning(text)}>{text}</p>;\n",
    findings: ["1:69 no-deprecated-api"],
    fixed: "export const Warn = ({ text }) => <p onClick={() => window.ddClient.desktopUI.toast.warning(text)}>{text}</p>;\n",
  },
  "src/status.mjs": {
    source: 'const status = await window.ddClient.backend.get("/status");\nconsole.log(status);\n',
    findings: ["1:38 no-deprecated-api"],
    fixed: 'const status = await window.ddClient.extension.vm.service.get("/status");\nconsole.log(status);\n',
  },
  "src/containers.cjs": {
    source: "module.exports = () => window.ddClient.listContainers({ all: true });\n",
    findings: ["1:40 no-deprecated-api"],
    fixed: "module.exports = () => window.ddClient.docker.listContainers({ all: true });\n",
  },
  "src/images.mts": {
    source: "export const images = (): Promise<unknown> => window.ddClient.listImages({});\n",
    findings: ["1:63 no-deprecated-api"],
    fixed: "export const images = (): Promise<unknown> => window.ddClient.docker.listImages({});\n",
  },
  // Manual work stays as it is; a v1 command holding several words is fixed.
  "src/shell.cts": {
    source:
      'import type { Readable } from "node:stream";\n' +
      'export const ps = (out: Readable): unknown => [out, window.ddClient.execHostCmd("ps aux | grep node")];\n' +
      'export const list = (): unknown => ddClient.docker.cli.exec("ls -l", []);\n',
    findings: ["2:69 no-deprecated-api", "2:81 no-shell-operators", "3:61 exec-args-array"],
    fixed:
      'import type { Readable } from "node:stream";\n' +
      'export const ps = (out: Readable): unknown => [out, window.ddClient.execHostCmd("ps aux | grep node")];\n' +
      'export const list = (): unknown => ddClient.docker.cli.exec("ls", ["-l"]);\n',
  },
};

/** `{ "src/status.ts": ["2:17 no-deprecated-api"], … }`, the shape `findingsByFile` returns. */
export const EXPECTED_FINDINGS = Object.fromEntries(Object.entries(CASES).map(([file, c]) => [file, c.findings]));
export const EXPECTED_FIXED = Object.fromEntries(Object.entries(CASES).map(([file, c]) => [file, c.fixed]));

export function writeCases(dir: string): void {
  for (const [file, { source }] of Object.entries(CASES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
}

export function readCases(dir: string): Record<string, string> {
  return Object.fromEntries(Object.keys(CASES).map((file) => [file, readFileSync(path.join(dir, file), "utf8")]));
}

/** The plugin's findings per file, `line:column rule-id` without the plugin's prefix; other linters' findings are dropped. */
export function findingsByFile(findings: readonly { file: string; line: number; column: number; rule: string }[]): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  const ordered = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const { file, line, column, rule } of ordered) {
    const id = /^ddclient-migrate\/(.+)$/.exec(rule)?.[1];
    if (id) (byFile[file] ??= []).push(`${line}:${column} ${id}`);
  }
  return byFile;
}

const README = readFileSync(path.join(repoRoot, "README.md"), "utf8");

/** The README's code block that starts with `// <fileName>`, exactly as shown (comments are allowed in all of them). */
export function readmeFile(fileName: string): string {
  const blocks = [...README.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const matching = blocks.filter((block) => block.startsWith(`// ${fileName}\n`));
  if (matching.length !== 1) throw new Error(`README.md has ${matching.length} code blocks for ${fileName}, not 1`);
  return matching[0]!;
}

/** The README's JSON-with-comments block as data (its one comment is the first line). */
export function readmeJson<T>(fileName: string): T {
  return JSON.parse(readmeFile(fileName).split("\n").slice(1).join("\n")) as T;
}

/**
 * The package arguments of the README's `npm install --save-dev` line that contains `marker`,
 * with the tarball path of the README (kept in the project's `vendor/`) replaced by `tarball`,
 * and without the line's `eslint@<major>`: each test installs the ESLint it runs.
 */
export function readmeInstallArgs(marker: string, tarball: string): string[] {
  const lines = README.split("\n").filter((line) => line.startsWith("npm install --save-dev ") && line.includes(marker));
  if (lines.length !== 1) throw new Error(`README.md has ${lines.length} install lines with ${marker}, not 1`);
  const words = lines[0]!.replace(/\s+#.*$/, "").split(/\s+/).slice(3);
  return words.filter((word) => !/^eslint@\d+$/.test(word)).map((word) => word.replace(/(?:\.\/)?vendor\/ddclient-migrate-[\w.-]+\.tgz$/, tarball));
}
