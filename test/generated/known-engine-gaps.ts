/**
 * KNOWN_ENGINE_GAPS: the only exclusion of the generated-programs test. Each entry is a shape
 * the engine gets wrong today (issue 9), the checks it fails, and a smallest program showing
 * it. A failure of one of those checks in a program with that shape is counted, not failed;
 * the test also fails once a reproduction passes, so an entry goes when its fix lands.
 */
import type { Lang } from "./program-tree.js";
import type { CheckName } from "./static-checks.js";

export interface EngineGap {
  /** A generator tag (program-tree Leaf.tags). */
  readonly shape: string;
  readonly checks: readonly CheckName[];
  readonly reproduction: { readonly lang: Lang; readonly text: string };
  /** Fixtures (`spawn-stream/nested-v0-call`) that show it to test/transforms/v0-calls-reported.test.ts. */
  readonly fixtures?: readonly string[];
}

export const KNOWN_ENGINE_GAPS: readonly EngineGap[] = [
  {
    // Two `const onSpawnEvent` in one scope; when a later pass is needed (a nested v0 call), the
    // codemod fails on its own intermediate text instead (`internal error (please report)`).
    shape: "shared-named-callback",
    checks: ["output-parses", "migrates"],
    reproduction: {
      lang: "ts",
      text: `function onEvent(data: any, err: any) {
  if (err) console.error(err);
  else console.log(data);
}
export function run(file: string) {
  window.ddClient.spawnHostCmd("tail", ["-f", file], onEvent);
  window.ddClient.spawnHostCmd("tail", ["-F", file], onEvent);
}
`,
    },
  },
  {
    // `ddClient.execHostCmd` on a parameter typed as the project's own interface is rewritten.
    shape: "ddclient-param-own-type",
    checks: ["untouched-lines", "typechecks", "same-trace"],
    reproduction: {
      lang: "ts",
      text: `interface OwnClient {
  execHostCmd(line: string): Promise<string>;
}
async function ownTool(ddClient: OwnClient) {
  return ddClient.execHostCmd("echo notclient");
}
export async function run() {
  console.log(await ownTool({ execHostCmd: async (line: string) => "own " + line }));
}
`,
    },
  },
  {
    // The same for any two spawn calls in one block whose callbacks are hoisted, named or not.
    shape: "spawns-in-one-scope",
    checks: ["output-parses", "migrates"],
    reproduction: {
      lang: "ts",
      text: `export function run() {
  window.ddClient.backend!.spawnInVMExtension("worker", ["--watch"], (data: any) => console.log("event", data));
  window.ddClient.backend!.spawnInVMExtension("worker", ["--once"], (data: any) => console.log("event", data));
}
`,
    },
  },
  {
    // The same for a method passed unbound twice: `spawnHostCmd(…, this.onData)`.
    shape: "method-callback",
    checks: ["output-parses"],
    reproduction: {
      lang: "js",
      text: `export class Panel {
  start(file) {
    window.ddClient.spawnHostCmd("tail", ["-f", file], this.onData);
    window.ddClient.spawnHostCmd("tail", ["-F", file], this.onData);
  }
  onData(data, err) {
    console.log("onData", data, err);
  }
}
`,
    },
  },
  {
    // Non-distinctive members on `props.client` are neither migrated nor reported.
    shape: "props-client",
    checks: ["input-call-reported", "lint-sees-input-call", "lint-sees-leftover", "leftover-reported"],
    reproduction: {
      lang: "ts",
      text: `export async function run() {
  const props = { client: window.ddClient };
  await props.client.backend!.get("/a");
}
`,
    },
  },
  {
    // `const backend = client.backend; backend?.head(…)` is neither migrated nor reported.
    shape: "backend-alias",
    checks: ["input-call-reported", "lint-sees-input-call", "lint-sees-leftover", "leftover-reported"],
    reproduction: {
      lang: "ts",
      text: `export async function run() {
  const backend = window.ddClient.backend;
  await backend?.head("/items");
}
`,
    },
  },
  {
    // A wrapper prefixing a fixed command passes its callers' multi-word strings as one argument.
    shape: "wrapper-passed-by-value",
    checks: ["same-trace"],
    reproduction: {
      lang: "ts",
      text: `function runTool(sub: string) {
  return window.ddClient.backend!.execInVMExtension(\`/app/tool \${sub}\`);
}
export async function run() {
  console.log(await Promise.all(["list", "show all"].map(runTool)));
}
`,
    },
  },
  {
    // `${WORDS.join(" ")}` becomes one argument.
    shape: "join-interpolation",
    checks: ["same-trace"],
    reproduction: {
      lang: "ts",
      text: `const WORDS = ["alpha", "beta"];
export async function run() {
  await window.ddClient.execHostCmd(\`tool \${WORDS.join(" ")}\`);
}
`,
    },
  },
  {
    // A v0 call inside a spawn callback is migrated by a later pass, and its finding carries that
    // pass's position (a line of the intermediate text), not the input's.
    shape: "nested-v0-call",
    checks: ["report-position"],
    fixtures: ["spawn-stream/nested-v0-call"],
    reproduction: {
      lang: "ts",
      text: `export function follow(file: string) {
  window.ddClient.spawnHostCmd("tail", ["-f", file], (data: any, err: any) => {
    if (err) {
      window.ddClient.execHostCmd(\`logger failed \${file}\`);
    } else if (data.stdout) {
      console.log("out", data.stdout);
    }
  });
}
`,
    },
  },
  {
    // A number interpolated into a command line goes into the args array as a number.
    shape: "numeric-const",
    checks: ["typechecks", "same-trace"],
    reproduction: {
      lang: "ts",
      text: `const PORT = 8080;
export async function run() {
  await window.ddClient.execHostCmd(\`serve --port \${PORT}\`);
}
`,
    },
  },
  {
    // A conditional whose branches are a multi-word const and an unknown value: the whole is the command.
    shape: "multi-word-conditional",
    checks: ["same-trace"],
    reproduction: {
      lang: "js",
      text: `const TOOL = "/usr/bin/env tool";
export async function run(file, flag) {
  console.log(await window.ddClient.execHostCmd(\`\${flag ? TOOL : file} run\`));
}
`,
    },
  },
];

/** The gap that excuses `check` failing on fixture `name`, if any. */
export function fixtureGapFor(check: CheckName, name: string): EngineGap | undefined {
  return KNOWN_ENGINE_GAPS.find((gap) => gap.fixtures?.includes(name) && gap.checks.includes(check));
}

/** The gap that excuses `check` failing in a program showing `tags`, if any. */
export function gapFor(check: CheckName, tags: ReadonlySet<string>): EngineGap | undefined {
  return KNOWN_ENGINE_GAPS.find((gap) => tags.has(gap.shape) && gap.checks.includes(check));
}
