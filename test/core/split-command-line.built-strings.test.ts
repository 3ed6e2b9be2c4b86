/**
 * Grammar-driven: a command line built from string parts, however JavaScript builds it, is
 * split like a template literal. Each case draws a line of words (word positions: the command,
 * an argument, a piece of a word, inside or outside quotes) whose parts are literal text,
 * numbers, constants the file shows, and values known only at run time; then writes it as a
 * JavaScript expression by drawing string-building forms at every level (string literal,
 * template literal, `String.raw`, `+`, parenthesised `+`, `concat`, `[…].join(sep)`, `String()`,
 * `const`, nested).
 *
 * Per case, the program runs before and after the codemod: the v0 line goes through real `sh`
 * (dash and bash), and the v1 words must be the words the shells give: with `--raw-args` as a
 * raw host passes them, by default as Docker Desktop's non-streamed exec re-reads them. The call must be migrated: every line drawn is static. Where the line
 * is also logged, the logged text must stay the same (a shared constant keeps one source),
 * or the call is reported as `shared-command-line`.
 *
 * BUILT_STRINGS_SEED picks another seed, BUILT_STRINGS_CASES more cases (default 200).
 */
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.mjs";
import { migrateSource } from "../../transforms/migrate.js";
import { SHELLS, shellSandbox, shellWords } from "../support/shell-words.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = Number(process.env.BUILT_STRINGS_SEED ?? 0x57a71c);
const CASES = Number(process.env.BUILT_STRINGS_CASES ?? 200);

const sandbox = shellSandbox();
afterAll(() => sandbox.remove(), IO_TIMEOUT);

type Quote = "none" | "single" | "double";
/** A part of the line: shell text, or a value (a parameter known at run time, or a constant). */
type Token = { readonly kind: "text"; readonly text: string } | { readonly kind: "value"; readonly name: string };

interface Case {
  readonly program: string;
  /** Run-time values of the parameters, in order. */
  readonly args: readonly string[];
  readonly forms: ReadonlySet<string>;
  readonly logged: boolean;
}

function drawCase(seed: number): Case {
  const random = mulberry32(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const forms = new Set<string>();
  const params: { name: string; value: string }[] = [];
  const decls: string[] = [];
  let fresh = 0;

  // Values: unquoted ones are one plain word (the shell split them, v1 does not); inside
  // quotes they may hold spaces, never the quote or what the shell expands there.
  // Not `x=1` in the first word: `toolx=1` would be an assignment to the shell, rightly refused.
  const plainValue = (first: boolean): string => pick(first ? ["v1", "--flag", "a.b", "/tmp/p", "42"] : ["v1", "--flag", "a.b", "x=1", "/tmp/p", "42"]);
  const quotedValue = (): string => pick(["a b", "C:/Program Files/x.exe", "two  spaces", " lead", "x=1 y=2", "plain"]);
  const constant = (value: string): string => {
    const name = `K${fresh++}`;
    // A constant whose value the file shows, itself built by any form.
    decls.push(`const ${name} = ${chance(0.5) ? JSON.stringify(value) : render([{ kind: "text", text: value }], 1)};`);
    return name;
  };
  const value = (quote: Quote, first: boolean): Token => {
    const known = chance(0.4);
    const text = quote === "none" ? (known && chance(0.5) ? pick(["-n dev", "--a --b"]) : plainValue(first)) : quotedValue();
    if (known) return { kind: "value", name: constant(text) };
    const name = `p${params.length}`;
    params.push({ name, value: text });
    return { kind: "value", name };
  };
  const literal = (first: boolean): string => (first ? pick(["tool", "docker", "kubectl", "/usr/bin/env"]) : pick(["logs", "-n", "--tail", "10", "--name=", "ps", "a:b", "x", "7"]));

  // The line: words one space apart, each of pieces in one quoting.
  const tokens: Token[] = [];
  const wordCount = 1 + int(4);
  for (let w = 0; w < wordCount; w++) {
    if (w > 0) tokens.push({ kind: "text", text: " " });
    const pieces = 1 + int(2);
    for (let p = 0; p < pieces; p++) {
      const quote: Quote = w === 0 ? "none" : pick(["none", "none", "single", "double"]);
      const mark = quote === "single" ? "'" : quote === "double" ? '"' : "";
      if (mark) tokens.push({ kind: "text", text: mark });
      if (chance(0.5) || (w === 0 && p === 0)) tokens.push({ kind: "text", text: quote === "none" ? literal(w === 0 && p === 0) : pick(["a b", "x", "--k="]) });
      else tokens.push(value(quote, w === 0));
      if (mark) tokens.push({ kind: "text", text: mark });
    }
  }

  /** An expression whose value is the tokens' text, drawn from the string-building forms. */
  function render(parts: readonly Token[], depth: number): string {
    const merged = mergeTexts(parts);
    if (merged.length === 1 && (depth > 3 || chance(0.4))) return leaf(merged[0]!);
    const form = depth > 3 ? "template" : pick(["template", "plus", "plus-paren", "concat", "join", "const"]);
    forms.add(form);
    if (form === "const") {
      const name = `C${fresh++}`;
      decls.push(`const ${name} = ${render(merged, depth + 1)};`);
      return name;
    }
    // `[a, b].join(" ")`: the line cut at one of its spaces.
    const spaced = merged.findIndex((token) => token.kind === "text" && token.text.includes(" "));
    if (form === "join" && spaced >= 0 && chance(0.5)) {
      const text = (merged[spaced] as { text: string }).text;
      const at = text.indexOf(" ");
      const left = mergeTexts([...merged.slice(0, spaced), { kind: "text", text: text.slice(0, at) }]);
      const right = mergeTexts([{ kind: "text", text: text.slice(at + 1) }, ...merged.slice(spaced + 1)]);
      forms.add("join-space");
      return `[${operand(left, depth)}, ${operand(right, depth)}].join(" ")`;
    }
    const chunks = cut(merged);
    if (form === "template") return "`" + chunks.map((chunk) => (chunk.length === 1 && chunk[0]!.kind === "text" && chance(0.5) ? escapeTemplate(chunk[0]!.text) : "${" + render(chunk, depth + 1) + "}")).join("") + "`";
    if (form === "join") {
      return "[" + chunks.map((chunk) => operand(chunk, depth)).join(", ") + '].join("")';
    }
    // `+` and `concat` need a first operand that is certainly a string, or `1 + 2` would add.
    const first = stringy(chunks[0]!, depth);
    const rest = chunks.slice(1).map((chunk) => operand(chunk, depth));
    if (form === "concat") return `${first}.concat(${rest.join(", ")})`;
    const sum = [first, ...rest].join(" + ");
    return form === "plus-paren" ? `(${sum})` : sum;
  }
  function operand(chunk: readonly Token[], depth: number): string {
    const only = chunk.length === 1 ? chunk[0]! : undefined;
    // A number where the line shows digits: made a string by `+`, `concat` or `join`.
    if (only?.kind === "text" && /^[1-9][0-9]*$/.test(only.text) && chance(0.6)) return (forms.add("number"), only.text);
    const text = render(chunk, depth + 1);
    if (chance(0.1)) return (forms.add("String()"), `String(${text})`);
    return /^[\w$]+$/.test(text) || /^["`\[]/.test(text) ? text : `(${text})`;
  }
  function stringy(chunk: readonly Token[], depth: number): string {
    const only = chunk.length === 1 ? chunk[0]! : undefined;
    if (only?.kind === "text") return JSON.stringify(only.text);
    return "`${" + render(chunk, depth + 1) + "}`";
  }
  function leaf(token: Token): string {
    if (token.kind === "value") return token.name;
    if (!/[`\\$]/.test(token.text) && chance(0.2)) return (forms.add("String.raw"), "String.raw`" + token.text + "`");
    return chance(0.5) ? JSON.stringify(token.text) : "`" + escapeTemplate(token.text) + "`";
  }
  /** Two or three runs of tokens, a text possibly cut in the middle. */
  function cut(parts: readonly Token[]): Token[][] {
    const flat: Token[] = parts.flatMap((token) => (token.kind === "text" && token.text.length > 1 && chance(0.5) ? splitText(token.text) : [token]));
    if (flat.length < 2) return [flat];
    const count = Math.min(flat.length, 2 + int(2));
    const cuts = new Set<number>();
    while (cuts.size < count - 1) cuts.add(1 + int(flat.length - 1));
    const sorted = [...cuts].sort((a, b) => a - b);
    return [0, ...sorted].map((start, i) => flat.slice(start, sorted[i] ?? flat.length));
  }
  function splitText(text: string): Token[] {
    const at = 1 + int(text.length - 1);
    return [
      { kind: "text", text: text.slice(0, at) },
      { kind: "text", text: text.slice(at) },
    ];
  }

  const line = render(tokens, 0);
  const logged = chance(0.3);
  const body = logged ? [`  const line = ${line};`, "  log(line);", "  return window.ddClient.execHostCmd(line);"] : [`  return window.ddClient.execHostCmd(${line});`];
  const program = [`export function run(${params.map((p) => p.name).join(", ")}) {`, ...decls.map((decl) => `  ${decl}`), ...body, "}", ""].join("\n");
  return { program, args: params.map((p) => p.value), forms, logged };
}

function mergeTexts(parts: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of parts) {
    const last = out[out.length - 1];
    if (token.kind === "text" && last?.kind === "text") out[out.length - 1] = { kind: "text", text: last.text + token.text };
    else out.push(token);
  }
  return out;
}

const escapeTemplate = (text: string): string => text.replace(/[`\\]|\$\{/g, (m) => "\\" + m);

/** Runs the program: the v0 line it passes, or the v1 command and args; and what it logged. */
function runProgram(source: string, args: readonly string[]): { call: string | string[]; logged: unknown[] } {
  let call: string | string[] = [];
  const logged: unknown[] = [];
  const window = {
    ddClient: {
      execHostCmd: (line: string) => void (call = line),
      extension: { host: { cli: { exec: (cmd: string, argv: unknown) => void (call = Array.isArray(argv) ? [cmd, ...(argv as string[])] : [cmd, `not an array: ${String(argv)}`]) } } },
    },
  };
  const body = source.replace(/^export /m, "") + "\nreturn run;";
  const run = new Function("window", "log", body)(window, (value: unknown) => logged.push(value)) as (...a: string[]) => void;
  run(...args);
  return { call, logged };
}

describe.skipIf(SHELLS.length === 0)("lines built from string parts", () => {
  const cases = Array.from({ length: CASES }, (_, i) => ({ seed: SEED + i, ...drawCase(SEED + i) }));

  it("reaches every string-building form", () => {
    const seen = new Set(cases.flatMap((c) => [...c.forms]));
    expect([...seen].sort()).toEqual(["String()", "String.raw", "concat", "const", "join", "join-space", "number", "plus", "plus-paren", "template"]);
    expect(cases.some((c) => c.logged)).toBe(true);
  });

  /**
   * Each case migrated with `options`; `host` turns the v1 command and args into the words the
   * program receives: a raw host passes them as they are, Docker Desktop's non-streamed exec
   * joins them and reads the line like the shell.
   */
  function check(options: { rawArgs: boolean }, host: "raw" | "docker-desktop"): void {
    const migrated = cases.map((c) => ({ ...c, result: migrateSource(c.program, "case.js", options) }));
    const before = migrated.map((c) => runProgram(c.program, c.args));
    const failures: string[] = [];
    let sharedRewritten = 0;
    for (const shell of SHELLS) {
      const words = shellWords(shell, before.map((b) => b.call as string), sandbox);
      const after = migrated.map((c) => (c.result.status === "failed" || c.result.findings[0]?.kind === "manual" ? null : runProgram(c.result.output, c.args)));
      const rejoined = host === "raw" ? [] : shellWords(shell, after.map((run) => (run ? (run.call as string[]).join(" ") : "")), sandbox);
      migrated.forEach((c, i) => {
        const where = `seed ${c.seed} (${shell}):\n${c.program}`;
        if (c.result.status === "failed") return void failures.push(`${where}failed`);
        const [finding] = c.result.findings;
        if (finding?.kind === "manual") {
          if (!(c.logged && finding.reason === "shared-command-line")) failures.push(`${where}reported ${finding.reason} ${JSON.stringify(finding.data)}`);
          return;
        }
        if (c.logged) sharedRewritten++;
        const received = host === "raw" ? after[i]!.call : rejoined[i];
        if (JSON.stringify(received) !== JSON.stringify(words[i])) failures.push(`${where}\n${c.result.output}\nv1 ${JSON.stringify(received)} but ${shell} ${JSON.stringify(words[i])}`);
        if (JSON.stringify(after[i]!.logged) !== JSON.stringify(before[i]!.logged)) failures.push(`${where}logged ${JSON.stringify(after[i]!.logged)}, was ${JSON.stringify(before[i]!.logged)}`);
      });
    }
    expect(failures.slice(0, 3)).toEqual([]);
    // Every line that is not logged was rewritten (above); logged ones too where they can keep one source.
    expect(sharedRewritten).toBeGreaterThan(0);
  }

  it("splits each as the shell did, or reports a shared constant it cannot keep one source of (raw values, a raw host)", () => {
    check({ rawArgs: true }, "raw");
  }, 120_000);

  it("splits each as the shell did, or reports a shared constant it cannot keep one source of (Docker Desktop's non-streamed exec)", () => {
    check({ rawArgs: false }, "docker-desktop");
  }, 120_000);
});
