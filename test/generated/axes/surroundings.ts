/**
 * Where a scenario's statements stand in their function: directly, or inside a block a rewrite
 * must keep working in (an `if`, a loop whose variable shadows `file`, a `try`, a nested async
 * arrow). Each returns what the statements return; the fall-through is never reached, since
 * `flag` is truthy on the simulated host and the loop runs once.
 */
export interface Surrounding {
  readonly name: string;
  readonly wrap: (body: readonly string[], fresh: (base: string) => string) => string[];
}

const indent = (body: readonly string[]): string[] => body.map((line) => `  ${line}`);

export const SURROUNDINGS: readonly Surrounding[] = [
  { name: "none", wrap: (body) => [...body] },
  { name: "if", wrap: (body) => ["if (flag) {", ...indent(body), "}", `return "not reached";`] },
  // The loop variable shadows the parameter `file`: a callback hoisted out of the body would read the wrong one.
  { name: "for-of", wrap: (body) => ['for (const file of ["a.log"]) {', ...indent(body), "}", `return "not reached";`] },
  { name: "try", wrap: (body) => ["try {", ...indent(body), "} catch (error) {", "  return `caught ${String(error)}`;", "}"] },
  {
    name: "nested-arrow",
    wrap: (body, fresh) => {
      const inner = fresh("inner");
      return [`const ${inner} = async () => {`, ...indent(body), "};", `return ${inner}();`];
    },
  },
];
