/**
 * The access-form axis: every way JavaScript reaches a member, from the grammar — a call and
 * an optional call or optional member, a computed name (string, template, `const` key), a
 * parenthesized callee, `.bind`/`.call`/`.apply`, destructuring (plain, renamed, nested,
 * defaulted, in a parameter, in an assignment), an alias, a copy by spread, the member passed
 * as a value, and the feature tests `in` and `typeof`.
 */
export interface AccessInput {
  /** What the member is read off: `window.ddClient`, `window.ddClient.backend!`. */
  readonly receiver: string;
  /** The client itself, for forms that go through the namespace (`"backend" in c`). */
  readonly client: string;
  readonly member: string;
  readonly backend: boolean;
  /** The argument list, without parentheses. */
  readonly args: string;
  readonly ts: boolean;
  readonly chance: (p: number) => boolean;
  fresh(base: string): string;
}

export interface Access {
  readonly setup: readonly string[];
  /** The expression the value context reads. */
  readonly expr: string;
  readonly helpers: readonly string[];
  /** `call`: the row's own value; `test`: a feature test's boolean or type name. */
  readonly value: "call" | "test";
}

export interface AccessForm {
  readonly name: string;
  readonly applies?: (input: AccessInput) => boolean;
  readonly render: (input: AccessInput) => Access;
}

const RESERVED = new Set(["delete"]);
const call = (expr: string, setup: string[] = [], helpers: string[] = []): Access => ({ setup, expr, helpers, value: "call" });
const withThis = (self: string, args: string): string => [self, args].filter((part) => part !== "").join(", ");
const anyType = (i: AccessInput): string => (i.ts ? ": any" : "");

export const ACCESS_FORMS: readonly AccessForm[] = [
  { name: "call", render: (i) => call(`${i.receiver}.${i.member}(${i.args})`) },
  { name: "optional-call", render: (i) => call(`${i.receiver}.${i.member}?.(${i.args})`) },
  { name: "optional-member", render: (i) => call(`${i.backend ? `${i.client}.backend?` : `${i.client}?`}.${i.member}(${i.args})`) },
  { name: "computed-literal", render: (i) => call(`${i.receiver}["${i.member}"](${i.args})`) },
  { name: "computed-template", render: (i) => call(`${i.receiver}[\`${i.member}\`](${i.args})`) },
  {
    name: "computed-const",
    render: (i) => {
      const key = i.fresh("key");
      return call(`${i.receiver}[${key}](${i.args})`, [`const ${key} = "${i.member}";`]);
    },
  },
  { name: "parenthesized-callee", render: (i) => call(`(${i.receiver}.${i.member})(${i.args})`) },
  {
    name: "bind",
    render: (i) => {
      const run = i.fresh("bound");
      return call(`${run}(${i.args})`, [`const ${run} = ${i.receiver}.${i.member}.bind(${i.receiver});`]);
    },
  },
  { name: "call-method", render: (i) => call(`${i.receiver}.${i.member}.call(${withThis(i.receiver, i.args)})`) },
  { name: "apply-method", render: (i) => call(`${i.receiver}.${i.member}.apply(${i.receiver}, [${i.args}])`) },
  { name: "destructure", applies: (i) => !RESERVED.has(i.member), render: (i) => call(`${i.member}(${i.args})`, [`const { ${i.member} } = ${i.receiver};`]) },
  {
    name: "destructure-renamed",
    render: (i) => {
      const run = i.fresh("run");
      return call(`${run}(${i.args})`, [`const { ${i.member}: ${run} } = ${i.receiver};`]);
    },
  },
  {
    name: "destructure-nested",
    render: (i) => {
      const run = i.fresh("run");
      // JavaScript can reach through `backend` itself; typed code would need `backend` non-optional.
      const line = i.backend && !i.ts ? `const { backend: { ${i.member}: ${run} } } = ${i.client};` : `const [{ ${i.member}: ${run} }] = [${i.receiver}];`;
      return call(`${run}(${i.args})`, [line]);
    },
  },
  {
    name: "destructure-default",
    render: (i) => {
      const run = i.fresh("run");
      return call(`${run}(${i.args})`, [`const { ${i.member}: ${run} = ${i.receiver}.${i.member} } = ${i.receiver};`]);
    },
  },
  { name: "destructure-parameter", render: (i) => call(`(({ ${i.member}: run }${anyType(i)}) => run(${i.args}))(${i.receiver})`) },
  {
    name: "destructure-assignment",
    render: (i) => {
      const run = i.fresh("run");
      return call(`${run}(${i.args})`, [`let ${run}${anyType(i)};`, `({ ${i.member}: ${run} } = ${i.receiver});`]);
    },
  },
  {
    name: "alias",
    render: (i) => {
      const run = i.fresh("run");
      return call(`${run}(${i.args})`, [`const ${run} = ${i.receiver}.${i.member};`]);
    },
  },
  {
    name: "spread-copy",
    render: (i) => {
      const copy = i.fresh("copy");
      return call(`${copy}.${i.member}(${i.args})`, [`const ${copy} = { ...${i.receiver} };`]);
    },
  },
  { name: "passed-as-value", render: (i) => call(`invoke(${i.receiver}.${i.member}${i.args ? `, ${i.args}` : ""})`, [], ["invoke"]) },
  {
    name: "feature-in",
    render: (i) => ({ setup: [], expr: i.backend && i.chance(0.5) ? `("backend" in ${i.client})` : `("${i.member}" in ${i.receiver})`, helpers: [], value: "test" }),
  },
  { name: "feature-typeof", render: (i) => ({ setup: [], expr: `typeof ${i.receiver}.${i.member}`, helpers: [], value: "test" }) },
];
