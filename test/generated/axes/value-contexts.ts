/**
 * The value-context axis: every place an expression's value can go, from a statement that
 * drops it to the positions that read it (return, an arrow's body, an assignment, an
 * argument, an array element, a property, a spread, a branch, a logical operand, a sequence,
 * a template placeholder, `.then`, `typeof`, a class field, a default parameter, JSX). Each
 * renders the scenario's last statements, which return what the code ends up holding, so the
 * simulated host can compare it before and after.
 */
export type ValueKind = "promise" | "void" | "test";

export interface ContextInput {
  readonly expr: string;
  readonly value: ValueKind;
  readonly ts: boolean;
  readonly jsx: boolean;
  /** The receiver reads `this`: a nested class would rebind it. */
  readonly usesThis: boolean;
  fresh(base: string): string;
}

export interface ValueContext {
  readonly name: string;
  readonly applies?: (input: ContextInput) => boolean;
  readonly render: (input: ContextInput) => { lines: string[]; helpers: string[] };
}

const lines = (...text: string[]): { lines: string[]; helpers: string[] } => ({ lines: text, helpers: [] });
const typed = (i: ContextInput, type: string): string => (i.ts ? `: ${type}` : "");
/** TypeScript refuses to test a void, or a promise or a string that is never nullish: typed code reads it through `unknown`. */
const testable = (i: ContextInput): string => (i.ts ? `(${i.expr} as unknown)` : i.expr);

export const VALUE_CONTEXTS: readonly ValueContext[] = [
  { name: "statement", render: (i) => lines(`${i.expr};`, `return "done";`) },
  {
    name: "await",
    render: (i) => {
      const v = i.fresh("awaited");
      return lines(`const ${v} = await ${i.expr};`, `return ${v};`);
    },
  },
  { name: "void", render: (i) => lines(`void ${i.expr};`, `return "done";`) },
  { name: "return", render: (i) => lines(`return ${i.expr};`) },
  {
    name: "arrow-body",
    render: (i) => {
      const f = i.fresh("arrow");
      return lines(`const ${f} = () => ${i.expr};`, `return ${f}();`);
    },
  },
  {
    name: "assignment",
    render: (i) => {
      const v = i.fresh("assigned");
      return lines(`let ${v}${typed(i, "unknown")};`, `${v} = ${i.expr};`, `return ${v};`);
    },
  },
  {
    name: "variable-init",
    render: (i) => {
      const v = i.fresh("held");
      return lines(`const ${v} = ${i.expr};`, `return ${v};`);
    },
  },
  { name: "argument", render: (i) => ({ lines: [`return keep(${i.expr});`], helpers: ["keep"] }) },
  { name: "array-element", render: (i) => lines(`return [${i.expr}, "next"];`) },
  { name: "object-property", render: (i) => lines(`return { value: ${i.expr} };`) },
  { name: "spread", render: (i) => lines(`return { ...(${i.expr}${i.ts ? " as any" : ""}) };`) },
  { name: "conditional-branch", render: (i) => lines(`return flag ? ${i.expr} : "other";`) },
  { name: "logical-operand", render: (i) => lines(`return flag && ${i.expr};`) },
  // TypeScript knows a `typeof` or an `in` is never nullish, whatever the cast.
  { name: "nullish-operand", applies: (i) => !(i.ts && i.value === "test"), render: (i) => lines(`return ${testable(i)} ?? "none";`) },
  { name: "sequence", render: (i) => lines(`return (console.log("sequence"), ${i.expr});`) },
  { name: "template", render: (i) => lines(`return \`value \${${i.expr}}\`;`) },
  { name: "then", applies: (i) => i.value === "promise", render: (i) => lines(`return ${i.expr}.then((result${typed(i, "unknown")}) => ({ result }));`) },
  { name: "then-callback", render: (i) => lines(`return Promise.resolve().then(() => ${i.expr});`) },
  { name: "condition", render: (i) => lines(`if (${testable(i)}) return "truthy";`, `return "falsy";`) },
  { name: "typeof", render: (i) => lines(`return typeof ${i.expr};`) },
  {
    name: "class-field",
    applies: (i) => !i.usesThis,
    render: (i) => {
      const holder = i.fresh("Holder");
      return lines(`class ${holder} {`, `  value = ${i.expr};`, `}`, `return new ${holder}().value;`);
    },
  },
  {
    name: "default-parameter",
    render: (i) => {
      const f = i.fresh("withDefault");
      return lines(`const ${f} = (value = ${i.expr}) => value;`, `return ${f}();`);
    },
  },
  {
    name: "jsx-attribute",
    applies: (i) => i.jsx,
    render: (i) => {
      const element = i.fresh("element");
      return lines(`const ${element}${typed(i, "any")} = <div data-value={${i.expr}} />;`, `return ${element}.props["data-value"];`);
    },
  },
  {
    name: "jsx-child",
    applies: (i) => i.jsx,
    render: (i) => {
      const element = i.fresh("element");
      return lines(`const ${element}${typed(i, "any")} = <div>{${i.expr}}</div>;`, `return ${element}.props.children;`);
    },
  },
];
