/**
 * The value a call gives back is kept, along the grammar: every expression position a call can
 * stand in (what reads a value, what passes it on, what drops it), crossed with every table row
 * whose v1 value differs from v0's. Each scenario runs before and after the codemod on the
 * simulated host; what it returns must be equal, unless the finding reports the call.
 */
import { parse } from "@babel/parser";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { REPLACEABLE, sameValue, type Deprecation } from "../../deprecations/table.js";
import { readV0Declarations } from "../../scripts/v0-declarations.js";
import { migrateSource } from "../../transforms/migrate.js";
import { canonical } from "../differential/run-fixture.js";
import { createSimulatedHost } from "../simulated-host/index.js";

/**
 * `C` stands for the call. Grouped by the ESTree node that holds it: statements, operators,
 * literals, functions and classes, member and call forms, TypeScript and JSX wrappers.
 */
const POSITIONS: Record<string, string> = {
  // Statements.
  "ExpressionStatement.expression": "C; return 1;",
  "ReturnStatement.argument": "return C;",
  "VariableDeclarator.init": "const x = C; return x;",
  "IfStatement.test": "if (C) return 1; return 2;",
  "WhileStatement.test": "while (C) return 1; return 2;",
  "ForStatement.init": "for (C; false; ); return 1;",
  "ForStatement.test": "let n = 0; for (; C; ) { n++; break; } return n;",
  "ForStatement.update": "let n = 0; for (; n < 1; n++, C); return n;",
  "ForOfStatement.right": "try { for (const x of C) return x; return 0; } catch { return 'threw'; }",
  "SwitchStatement.discriminant": "switch (C) { case undefined: return 1; default: return 2; }",
  "ThrowStatement.argument": "try { throw C; } catch (e) { return e; }",
  // Operators.
  "AssignmentExpression.right": "let x; x = C; return x;",
  "AssignmentExpression.right (+=)": "let x = 'a'; x += C; return x;",
  "AssignmentExpression.right (member)": "const o = {}; o.v = C; return o;",
  "SequenceExpression.expressions (last)": "return (1, C);",
  "SequenceExpression.expressions (not last)": "return (C, 1);",
  "ConditionalExpression.consequent": "return flag ? C : 0;",
  "ConditionalExpression.test": "return C ? 1 : 2;",
  "ConditionalExpression.alternate (statement)": "flag ? 0 : C; return 1;",
  "LogicalExpression.right": "return flag && C;",
  "LogicalExpression.left": "return C || 0;",
  "LogicalExpression.left (??)": "return C ?? 0;",
  "LogicalExpression.right (statement)": "flag && C; return 1;",
  "UnaryExpression.argument (void)": "return void C;",
  "UnaryExpression.argument (!)": "return !C;",
  "UnaryExpression.argument (typeof)": "return typeof C;",
  "BinaryExpression.left": "return C === undefined;",
  "BinaryExpression.right": "return '' + C;",
  "BinaryExpression.left (**)": "return C ** 1;",
  "BinaryExpression.left (instanceof)": "return C instanceof Object;",
  "AwaitExpression.argument": "async: return await C;",
  "AwaitExpression.argument (statement)": "async: await C; return 1;",
  "AwaitExpression.argument (read later)": "async: const x = await C; return [x];",
  "YieldExpression.argument": "return (function* () { yield C; })().next().value;",
  // Literals.
  "ArrayExpression.elements": "return [C];",
  "Property.value": "return { v: C };",
  "Property.key (computed)": "return { [C]: 1 };",
  "SpreadElement.argument": "return { ...C };",
  "TemplateLiteral.expressions": "return `${C}`;",
  "TaggedTemplateExpression.quasi": "return ((s, v) => v)`${C}`;",
  // Functions and classes.
  "ArrowFunctionExpression.body": "return (() => C)();",
  "AssignmentPattern.right": "return ((v = C) => v)();",
  "PropertyDefinition.value": "return new (class { v = C })().v;",
  "ClassExpression.superClass": "try { return class extends C {}; } catch (e: any) { return e.constructor.name; }",
  // Member and call forms.
  "CallExpression.arguments": "return ((v) => v)(C);",
  "NewExpression.arguments": "return new (class { constructor(v) { this.v = v; } })(C).v;",
  "MemberExpression.object": "try { return C.close; } catch (e: any) { return e.constructor.name; }",
  "MemberExpression.object (?.)": "return C?.close;",
  "MemberExpression.object (.then)": "try { return C.then((v) => v); } catch (e: any) { return e.constructor.name; }",
  "MemberExpression.property (computed)": "return ({})[C];",
  "CallExpression.callee": "try { return C(); } catch (e: any) { return e.constructor.name; }",
  "TaggedTemplateExpression.tag": "try { return C`x`; } catch (e: any) { return e.constructor.name; }",
  // TypeScript and JSX wrappers.
  "TSAsExpression.expression": "return C as any;",
  "TSNonNullExpression.expression": "return C!;",
  "TSSatisfiesExpression.expression": "return (C satisfies unknown);",
  "JSXAttribute.value": "return <div title={C} />;",
  "JSXElement.children": "return <div>{C}</div>;",
};

const declarations = readV0Declarations();
/** Rows whose v1 value differs from v0's in some position: the subject of this test. */
const DIFFERING = REPLACEABLE.filter((row) => !sameValue(row));

function callOf(row: Deprecation): string {
  const args = row.kind === "spawn" ? ['"ls"', "[]", "cb"] : (declarations.get(row.id)?.parameters ?? []).map(() => '"a"');
  return `window.ddClient.${row.id}(${args.join(", ")})`;
}

function scenarioSource(template: string, call: string): string {
  const async = template.startsWith("async: ");
  const body = template.replace(/^async: /, "").replace(/\bC\b/g, call);
  return `export ${async ? "async " : ""}function scenario(cb: any, flag: any): any {\n  ${body}\n}\n`;
}

/** Runs the scenario on a fresh hybrid host: what it returns (awaited only where it is async), as comparable data. */
async function run(source: string): Promise<unknown> {
  const { code } = transformSync(source, { loader: "tsx", format: "cjs", jsxFactory: "h" });
  const host = createSimulatedHost({ api: "hybrid" });
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  const h = (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children });
  new Function("module", "exports", "window", "h", code)(module, module.exports, { ddClient: host.client }, h);
  const returned = module.exports.scenario!(() => {}, true);
  const value = source.includes("async function") ? await returned : returned;
  await host.settled();
  return canonical(value);
}

describe("the value a call gives back is kept in every position", () => {
  it("covers the rows whose values differ", () => {
    expect(DIFFERING.map((row) => row.id)).toEqual(expect.arrayContaining(["spawnHostCmd", "navigateToContainers"]));
  });

  const cases = Object.keys(POSITIONS).flatMap((position) => DIFFERING.map((row) => [position, row.id, row] as const));
  it.each(cases)("%s, %s", async (position, _id, row) => {
    const input = scenarioSource(POSITIONS[position]!, callOf(row));
    const result = migrateSource(input, "scenario.tsx");
    if (result.status === "failed") throw new Error(result.error);
    // Babel is strict where esbuild is lenient (`class extends void x {}`).
    expect(() => parse(result.output, { sourceType: "module", plugins: ["typescript", "jsx"] })).not.toThrow();
    const findings = result.findings.filter((finding) => finding.member === row.id);
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    const reported = finding.kind === "manual" || finding.review.some((review) => review.reason === "now-returns-promise");
    const before = await run(input);
    const after = await run(result.output);
    if (!reported) expect({ after, output: result.output }).toEqual({ after: before, output: result.output });
  });
});
