/**
 * The checks of one generated program that need no compiler program and no host: the codemod
 * does not fail, its output parses and is stable, lines outside the v0 statements are kept, and
 * every v0 call is in the report and seen by the lint rule, before and after.
 */
import path from "node:path";
import ts from "typescript";
import type { Finding } from "../../core/report.js";
import { migrateSource } from "../../transforms/migrate.js";
import { parseProgram } from "../../transforms/parse.js";
import { lint } from "../eslint-plugin/helpers.js";
import { findV0Calls, parseForV0Calls, type V0Call } from "../support/v0-calls.js";

export type CheckName =
  | "migrates"
  | "output-parses"
  | "idempotent"
  | "untouched-lines"
  | "input-call-reported"
  | "report-position"
  | "lint-sees-input-call"
  | "leftover-reported"
  | "lint-sees-leftover"
  | "input-typechecks"
  | "typechecks"
  | "same-trace";

export interface Failure {
  readonly check: CheckName;
  readonly detail: string;
}

export interface Migrated {
  readonly fileName: string;
  readonly input: string;
  readonly output: string;
  readonly findings: readonly Finding[];
}

/** Calls the generator made on objects that are not the client (lookalikes, shadowed names, a project type). */
export const isNotClient = (call: V0Call): boolean => /lookalike|shadow|notclient/.test(call.text);

const RULE = "ddclient-migrate/no-deprecated-api";
/** ESLint by the file's base name: a path under an ignored folder would not be linted at all. */
const lintRule = (text: string, fileName: string) => lint(text, path.basename(fileName), { [RULE]: "warn" }).filter((m) => m.ruleId === RULE);

export function migrateAndCheck(input: string, fileName: string): { migrated?: Migrated; failures: Failure[] } {
  const result = migrateSource(input, fileName);
  if (result.status === "failed") return { failures: [{ check: "migrates", detail: result.error }] };
  const migrated = { fileName, input, output: result.output, findings: result.findings };
  const failures: Failure[] = [];
  try {
    parseProgram(result.output, fileName);
  } catch (error) {
    failures.push({ check: "output-parses", detail: (error as Error).message });
    return { migrated, failures };
  }
  const again = migrateSource(result.output, fileName);
  if (again.status !== "unchanged") failures.push({ check: "idempotent", detail: again.status === "failed" ? again.error : "a second run changes the output" });
  failures.push(...untouchedLines(input, result.output, fileName), ...reported(migrated));
  return { migrated, failures };
}

/** The lines of the statements a v0 call stands in (and the brace-less `if`/`for` around it), which the codemod may rewrite. */
function editableLines(file: ts.SourceFile, calls: readonly V0Call[]): Set<number> {
  const lines = new Set<number>();
  const mark = (node: ts.Node): void => {
    const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
    const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
    for (let line = first; line <= last; line++) lines.add(line);
  };
  for (const call of calls) {
    let node: ts.Node = call.node;
    while (!ts.isStatement(node.parent) && !ts.isSourceFile(node.parent) && !ts.isBlock(node.parent)) node = node.parent;
    const statement = ts.isStatement(node) ? node : node.parent;
    mark(statement);
    // The constants its arguments read, which a rewrite may turn into what the call now needs.
    for (const name of identifiersIn(call.node.arguments)) for (const declaration of declarationsOf(file, name)) mark(declaration);
    if (ts.isIfStatement(statement.parent) || ts.isIterationStatement(statement.parent, false)) mark(statement.parent);
    // A wrapper whose command line reads its parameter: its callers may be rewritten with it.
    const wrapper = ts.findAncestor(call.node, ts.isFunctionDeclaration);
    if (wrapper?.name && wrapper.parameters.some((p) => call.text.includes(p.name.getText(file)))) {
      mark(wrapper.parameters[0]!);
      const name = new RegExp(`\\b${wrapper.name.text}\\b`);
      file.text.split("\n").forEach((text, line) => name.test(text) && lines.add(line));
    }
  }
  // `const { backend } = window.ddClient` / `const backend = client.backend`, which go once unused.
  file.text.split("\n").forEach((text, line) => /const (\{ )?backend\b/.test(text) && lines.add(line));
  return lines;
}

function identifiersIn(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  nodes.forEach(visit);
  return names;
}

/** The `const`/`let` statements declaring `name` anywhere in the file. */
function declarationsOf(file: ts.SourceFile, name: string): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableStatement(node) && node.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every input line outside the editable statements comes out unchanged and in order. */
function untouchedLines(input: string, output: string, fileName: string): Failure[] {
  const file = parseForV0Calls(input, fileName);
  const editable = editableLines(file, findV0Calls(file).filter((call) => !isNotClient(call)));
  const kept = input.split("\n").filter((_, line) => !editable.has(line));
  const out = output.split("\n");
  let cursor = 0;
  for (const line of kept) {
    const at = out.indexOf(line, cursor);
    if (at < 0) return [{ check: "untouched-lines", detail: `input line not kept (in order): ${JSON.stringify(line)}` }];
    cursor = at + 1;
  }
  return [];
}

const where = (call: { line: number; column: number }): string => `${call.line}:${call.column}`;

/** Every v0 call is in the codemod's report and seen by the lint rule; every call left in the output too. */
function reported({ fileName, input, output, findings }: Migrated): Failure[] {
  const failures: Failure[] = [];
  const inputCalls = findV0Calls(parseForV0Calls(input, fileName)).filter((call) => !isNotClient(call));
  const unmatched = [...findings];
  const take = (match: (finding: Finding) => boolean): boolean => {
    const index = unmatched.findIndex(match);
    return index >= 0 && unmatched.splice(index, 1).length > 0;
  };
  const misplaced: V0Call[] = [];
  for (const call of inputCalls) if (!take((f) => f.member === call.member && where(f.at) === where(call))) misplaced.push(call);
  for (const call of misplaced) {
    if (take((f) => f.member === call.member)) failures.push({ check: "report-position", detail: `${call.member} at ${where(call)}: its finding points elsewhere` });
    else failures.push({ check: "input-call-reported", detail: `${call.member} at ${where(call)} has no finding: ${call.text.split("\n")[0]}` });
  }
  const inputLint = lintRule(input, fileName);
  for (const call of inputCalls) {
    if (!inputLint.some((m) => m.line === call.line && m.column === call.column)) failures.push({ check: "lint-sees-input-call", detail: `${call.member} at ${where(call)}` });
  }
  const leftovers = findV0Calls(parseForV0Calls(output, fileName)).filter((call) => !isNotClient(call));
  const outputLint = lintRule(output, fileName);
  for (const call of leftovers) {
    if (!outputLint.some((m) => m.line === call.line && m.column === call.column)) failures.push({ check: "lint-sees-leftover", detail: `${call.member} at output ${where(call)}: ${call.text.split("\n")[0]}` });
  }
  for (const member of new Set(leftovers.map((call) => call.member))) {
    const left = leftovers.filter((call) => call.member === member).length;
    const manual = findings.filter((f) => f.kind === "manual" && f.member === member).length;
    if (left > manual) failures.push({ check: "leftover-reported", detail: `${left} ${member} call(s) left in the output, ${manual} reported for a person` });
  }
  return failures;
}
