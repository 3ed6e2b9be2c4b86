/** Modules the playground's build (playground/build.mjs) writes at bundle time. */
declare module "playground:vendor" {
  /** dist/vendor/babel-parser.cjs, the parser copy the CLI loads. */
  export const babelParser: unknown;
  /** dist/vendor/visitor-keys.json. */
  export const visitorKeys: unknown;
}

declare module "playground:examples" {
  /** Every file of examples/legacy-extension/src, by its path relative to examples/legacy-extension (`src/App.tsx`), sorted. */
  const examples: readonly { readonly file: string; readonly source: string }[];
  export default examples;
}
