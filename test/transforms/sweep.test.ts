/**
 * The closing sweep (engine/sweep), tested along the grammar's axes rather than by a list of
 * shapes: each program is one v0 use drawn from (access form × table row × receiver kind), and
 * both the codemod and `no-deprecated-api` must say something at the use's first v0 segment, or
 * nothing at all when the receiver is proven not the client. The access forms are built from
 * two independent parts: how each segment is reached (dot, `?.`, `!.`, a string key, a
 * template key, a constant key) and what the code does with the member (ESTree's places a
 * value can be: call, `.bind/.call/.apply`, typeof, delete, assignment, and every expression
 * slot that reads it), plus the places a member is reached without a member expression
 * (`in`, object patterns in declarations, assignments, parameters, catch clauses, for-of heads).
 */
import { describe, expect, it } from "vitest";
import { DEPRECATIONS, type Deprecation } from "../../deprecations/table.js";
import { migrateSource } from "../../transforms/migrate.js";
import { lint } from "../eslint-plugin/helpers.js";

const RULE = "ddclient-migrate/no-deprecated-api";
const MARK = "§";

type ReceiverKind = "client" | "unknown" | "not-client";

interface Receiver {
  readonly name: string;
  readonly kind: ReceiverKind;
  readonly prelude: string;
  readonly text: string;
}

const RECEIVERS: readonly Receiver[] = [
  { name: "window.ddClient", kind: "client", prelude: "", text: "window.ddClient" },
  { name: "createDockerDesktopClient()", kind: "client", prelude: 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nconst client = createDockerDesktopClient();\n', text: "client" },
  { name: "a property of a parameter", kind: "unknown", prelude: "declare const props: { client: any };\n", text: "props.client" },
  { name: "a local object literal", kind: "not-client", prelude: "const api: any = { execHostCmd() {}, backend: {} };\n", text: "api" },
  { name: "a shadowed window", kind: "not-client", prelude: "const window = { ddClient: {} as any };\n", text: "window.ddClient" },
];

/** How one segment is reached; `K` declares the constant key it needs. */
const SEGMENTS: Record<string, (name: string) => { text: string; key?: string }> = {
  dot: (name) => ({ text: `.${MARK}${name}` }),
  optional: (name) => ({ text: `?.${MARK}${name}` }),
  "non-null": (name) => ({ text: `!.${MARK}${name}` }),
  string: (name) => ({ text: `[${MARK}"${name}"]` }),
  template: (name) => ({ text: `[${MARK}\`${name}\`]` }),
  constant: (name) => ({ text: `[${MARK}K_${name}]`, key: `const K_${name} = "${name}";\n` }),
};

/** What the code does with the member expression `e` (a statement, at the top or in a function). */
const USES: Record<string, (e: string, receiver: string) => string> = {
  call: (e) => `${e}("ls");`,
  "optional call": (e) => `${e}?.("ls");`,
  bind: (e, r) => `const bound = ${e}.bind(${r});`,
  "call method": (e, r) => `${e}.call(${r}, "ls");`,
  apply: (e, r) => `${e}.apply(${r}, ["ls"]);`,
  typeof: (e) => `if (typeof ${e} === "function") {}`,
  delete: (e) => `delete ${e};`,
  assignment: (e) => `${e} = () => {};`,
  "compound assignment": (e) => `${e} ??= () => {};`,
  // Exported: an unused alias of a v0 member is removed by the codemod (and reported by the rule as unused).
  declaration: (e) => `export const held = ${e};`,
  argument: (e) => `console.log(${e});`,
  return: (e) => `export function get() {\n  return ${e};\n}`,
  "arrow body": (e) => `export const get = () => ${e};`,
  "array element": (e) => `export const all = [${e}];`,
  "object property": (e) => `export const all = { run: ${e} };`,
  spread: (e) => `export const all = [...[${e}]];`,
  "template placeholder": (e) => "console.log(`${" + e + "}`);",
  conditional: (e) => `export const pick = Math.random() > 0.5 ? ${e} : null;`,
  logical: (e) => `export const pick = Math.random() > 0.5 && ${e};`,
  sequence: (e) => `export const pick = (0, ${e});`,
  await: (e) => `export async function f() {\n  await ${e};\n}`,
  "default parameter": (e) => `export function f(run = ${e}) {\n  return run;\n}`,
  "class field": (e) => `export class C {\n  run = ${e};\n}`,
  new: (e) => `new ${e}();`,
  "tagged template": (e) => `${e}\`ls\`;`,
};

/** Forms that reach the member without a member expression; the receiver's text is `r`. */
const PATTERNS: Record<string, (row: Deprecation, r: string) => { code: string; member: string; unknownSource?: boolean } | null> = {
  "in test": (row, r) => ({ code: `if (${MARK}"${root(row)}" in ${r}) {}`, member: root(row) }),
  "constant in test": (row, r) => ({ code: `const K = "${root(row)}";\nif (${MARK}K in ${r}) {}`, member: root(row) }),
  "declaration pattern": (row, r) => pattern(row, (p) => `export const ${p} = ${r};`),
  "assignment pattern": (row, r) => pattern(row, (p) => `let local: any;\n(${p} = ${r});`, "local"),
  "nested pattern": (row, r) => (row.id.includes(".") ? { code: `const { ${MARK}backend: { ${method(row)}: m } } = ${r};`, member: row.id } : null),
  "renamed, defaulted and computed keys": (row, r) => (row.id.includes(".") ? null : { code: `const { [${MARK}"${row.id}"]: local = () => {} } = ${r};`, member: row.id }),
  "backend held then its method": (row, r) => (row.id.includes(".") ? { code: `const b = ${r}.backend;\n${MARK}b["${method(row)}"]("/x");`, member: row.id } : null),
  "backend spread into a copy then its method": (row, r) => (row.id.includes(".") ? { code: `const b = { ...${r}.backend };\n${MARK}b.${method(row)}("/x");`, member: row.id } : null),
  // A copy of the client is not the client (no rewrite onto it), but holds its members: each is reported where it is used.
  "client spread into a copy then its member": (row, r) => {
    const rest = row.id.includes(".") ? `.${method(row)}` : "";
    return { code: `const copy = { ...${r} };\ncopy.${MARK}${root(row)}${rest}("/x");`, member: row.id };
  },
  "backend destructured then its method": (row, r) => (row.id.includes(".") ? { code: `const { backend } = ${r};\nconst { ${method(row)}: m } = ${MARK}backend;`, member: row.id } : null),
  parameter: (row) => pattern(row, (p) => `export function f(${p}: any) {}`, undefined, true),
  "catch clause": (row) => pattern(row, (p) => `try {} catch (${p}) {}`, undefined, true),
  "for-of head": (row) => pattern(row, (p) => `for (const ${p} of [] as any[]) {}`, undefined, true),
};

function root(row: Deprecation): string {
  return row.id.split(".")[0]!;
}

function method(row: Deprecation): string {
  return row.id.split(".")[1]!;
}

/** `{ execHostCmd: local }` or, for a backend row, `{ backend: { get: local } }`. */
function pattern(row: Deprecation, statement: (pattern: string) => string, local = "local", unknownSource = false) {
  const target = row.id.includes(".") ? `{ ${method(row)}: ${local} }` : local;
  return { code: statement(`{ ${MARK}${root(row)}: ${target} }`), member: row.id, unknownSource };
}

interface Program {
  readonly title: string;
  readonly code: string;
  readonly at: { line: number; column: number };
  readonly member: string;
  readonly receiver: Receiver;
  readonly unknownSource: boolean;
}

/** The code with the marker taken out, and the marker's 1-based place. */
function placed(code: string): { code: string; at: { line: number; column: number } } {
  const offset = code.indexOf(MARK);
  const before = code.slice(0, offset).split("\n");
  return { code: code.slice(0, offset) + code.slice(offset + 1), at: { line: before.length, column: before.at(-1)!.length + 1 } };
}

/** Only the first segment keeps the marker. */
function firstMarkOnly(text: string): string {
  const first = text.indexOf(MARK);
  return text.slice(0, first + 1) + text.slice(first + 1).replaceAll(MARK, "");
}

function programs(): Program[] {
  const out: Program[] = [];
  const segmentForms = Object.keys(SEGMENTS);
  const useForms = Object.keys(USES);
  // Every access form with every receiver, the table's rows drawn in turn so that each row meets many forms.
  let draw = 0;
  const nextRow = (): Deprecation => DEPRECATIONS[draw++ % DEPRECATIONS.length]!;
  for (const receiver of RECEIVERS) {
    for (const use of useForms) {
      for (const first of segmentForms) {
        const row = nextRow();
        const second = segmentForms[(draw * 7) % segmentForms.length]!;
        const names = row.id.split(".");
        const segments = names.map((name, i) => SEGMENTS[i === 0 ? first : second]!(name));
        if (/assignment|delete|new|tagged/.test(use) && segments.some((s) => s.text.startsWith("?."))) continue; // not valid JavaScript
        const keys = [...new Set(segments.flatMap((s) => (s.key ? [s.key] : [])))].join("");
        const expression = firstMarkOnly(receiver.text + segments.map((s) => s.text).join(""));
        const { code, at } = placed(receiver.prelude + keys + USES[use]!(expression, receiver.text) + "\n");
        out.push({ title: `${use} of ${first}/${second} ${row.id} on ${receiver.name}`, code, at, member: row.id, receiver, unknownSource: false });
      }
    }
    for (const [name, build] of Object.entries(PATTERNS)) {
      // Three programs each, drawing on past the rows a form does not apply to (a backend-only form and a root row).
      for (let made = 0, tries = 0; made < 3 && tries < DEPRECATIONS.length; tries++) {
        const built = build(nextRow(), receiver.text);
        if (!built) continue;
        made++;
        const { code, at } = placed(receiver.prelude + built.code + "\n");
        out.push({ title: `${name} of ${built.member} on ${receiver.name}`, code, at, member: built.member, receiver, unknownSource: built.unknownSource === true });
      }
    }
  }
  return out;
}

/** Said at the use's place: proven not the client, nothing; unknown, only a distinctive name. */
function expectation(program: Program): "finding" | "nothing" | "no finding here" {
  const kind: ReceiverKind = program.unknownSource ? "unknown" : program.receiver.kind;
  if (kind === "not-client" && !program.unknownSource) return "nothing";
  if (kind === "client") return "finding";
  const row = DEPRECATIONS.find((r) => r.id === program.member);
  return row?.distinctive ? "finding" : "no finding here";
}

const ALL = programs();

describe("closing sweep: every v0 use is migrated or reported at its place", () => {
  it("reaches every access form, segment form, row and receiver", () => {
    const titles = ALL.map((p) => p.title).join("\n");
    for (const use of Object.keys(USES)) expect(titles).toContain(`${use} of `);
    for (const form of Object.keys(SEGMENTS)) expect(titles).toContain(` of ${form}/`);
    for (const form of Object.keys(PATTERNS)) expect(titles).toContain(`${form} of `);
    for (const receiver of RECEIVERS) expect(titles).toContain(`on ${receiver.name}`);
    for (const row of DEPRECATIONS) expect(titles).toContain(` ${row.id} on `);
  });

  for (const program of ALL) {
    it(program.title, () => {
      const where = `${program.at.line}:${program.at.column}`;
      const result = migrateSource(program.code, "/project/src/use.ts");
      expect(result.status, program.code).not.toBe("failed");
      const findings = result.findings.map((f) => `${f.member} ${f.at.line}:${f.at.column}`);
      const messages = lint(program.code, "use.ts", { [RULE]: "warn" });
      expect(messages.filter((m) => m.fatal), program.code).toEqual([]);
      const linted = messages.map((m) => `${m.line}:${m.column}`);
      const expected = expectation(program);
      if (expected === "finding") {
        expect(findings, program.code).toContain(`${program.member} ${where}`);
        expect(linted, program.code).toContain(where);
      } else if (expected === "nothing") {
        expect(findings, program.code).toEqual([]);
        expect(linted, program.code).toEqual([]);
      } else {
        expect(findings.filter((f) => f.endsWith(` ${where}`)), program.code).toEqual([]);
        expect(linted.filter((l) => l === where), program.code).toEqual([]);
      }
    });
  }
});

// A spread copy's own properties after the spread replace the copied members: no v0 use there.
describe("closing sweep: spread copies", () => {
  const cases: { title: string; code: string; expected: string[] }[] = [
    {
      title: "of the client, a member replaced",
      code: "const copy = { ...window.ddClient, listContainers: () => [] };\ncopy.listContainers();\ncopy.listImages();\n",
      expected: ["listImages 3:6 unrecognised-use"],
    },
    {
      title: "of backend, a method replaced",
      code: 'const copy = { ...window.ddClient.backend, get: (path: string) => path };\ncopy.get("/x");\nconst { post } = copy;\n',
      expected: ["backend.post 3:18 unrecognised-use"],
    },
    {
      title: "of a value proven not the client",
      code: "const api = { listImages: () => [] };\nconst copy = { ...api };\ncopy.listImages();\n",
      expected: [],
    },
  ];
  for (const { title, code, expected } of cases) {
    it(title, () => {
      const result = migrateSource(code, "/project/src/use.ts");
      expect(result.findings.map((f) => `${f.member} ${f.at.line}:${f.at.column} ${f.kind === "manual" ? f.reason : f.kind}`)).toEqual(expected);
      expect(lint(code, "use.ts", { [RULE]: "warn" }).map((m) => `${m.line}:${m.column}`)).toEqual(expected.map((e) => e.split(" ")[1]));
    });
  }
});

// The sweep reads the input, so its findings stand where the use is in the input, whatever the
// rewrites before it did to the lines; a use inside a rewritten call whose text moves (a spawn
// callback hoisted before its call) is still reported, at its input place.
describe("closing sweep: positions", () => {
  const cases: { title: string; code: string; expected: string[]; left: string }[] = [
    {
      title: "after a rewrite that adds lines",
      code: 'window.ddClient.spawnHostCmd("tail", ["-f", "x"], (data: any, error: any) => {\n  console.log(data, error);\n});\nwindow.ddClient["execHostCmd"]("ls");\n',
      expected: ["spawnHostCmd 1:17 migrated", "execHostCmd 4:17 manual"],
      left: 'window.ddClient["execHostCmd"]',
    },
    {
      title: "inside a spawn callback moved before its call",
      code: 'export function watch() {\n  window.ddClient.spawnHostCmd("tail", ["-f", "x"], (data: any, error: any) => {\n    window.ddClient["toastError"](String(error));\n  });\n}\n',
      expected: ["spawnHostCmd 2:19 migrated", "toastError 3:21 manual"],
      left: 'window.ddClient["toastError"]',
    },
    {
      title: "on the same line as a rewritten call, after it",
      code: 'window.ddClient.execHostCmd("docker ps -a"); const run = window.ddClient.execHostCmd.bind(window.ddClient);\n',
      expected: ["execHostCmd 1:17 migrated", "execHostCmd 1:74 manual"],
      left: "window.ddClient.execHostCmd.bind",
    },
  ];
  for (const { title, code, expected, left } of cases) {
    it(title, () => {
      const result = migrateSource(code, "/project/src/use.ts");
      expect(result.findings.map((f) => `${f.member} ${f.at.line}:${f.at.column} ${f.kind}`)).toEqual(expected);
      const linted = lint(code, "use.ts", { [RULE]: "warn" }).map((m) => `${m.line}:${m.column}`);
      expect(linted).toEqual(expected.map((e) => e.split(" ")[1]));
      // The use is still in the output, where the report says it was in the input.
      expect(result.status === "failed" ? "" : result.output).toContain(left);
    });
  }
});
