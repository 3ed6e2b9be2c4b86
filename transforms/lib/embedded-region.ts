/**
 * The ranges of a markup file that hold code, as embedded-scan finds them and embedded-svelte
 * reads them in Svelte braces. A file of its own so that embedded-svelte need not import
 * embedded-scan, which imports it.
 */

/** A range of the file holding code, `start`/`end` offsets of the code itself (inside quotes or braces). */
export type Region =
  /** `<script lang="ts">…</script>`: its text, parsed as a file of `lang`. */
  | { readonly kind: "script"; readonly start: number; readonly end: number; readonly lang: "ts" | "tsx" | "js" | "jsx"; readonly module: boolean }
  /**
   * Code in markup. `statements`: a handler body (`onclick="a(); b()"`), else one expression.
   * `quote`: the attribute's quote when the value is HTML-encoded (`&quot;`…), null for raw code
   * (Svelte braces). `global`: the names are the page's globals; false in Vue templates, whose
   * names resolve against the component instance (`window` there is `this.window`).
   */
  | { readonly kind: "code"; readonly start: number; readonly end: number; readonly statements: boolean; readonly quote: string | null; readonly global: boolean }
  /** Markup syntax that is not plain JavaScript (`{@debug x}`, `{:then value}`, `v-for="x in xs"`). */
  | { readonly kind: "opaque"; readonly start: number; readonly end: number }
  /**
   * Where the markup stops making sense: `opened` (`the Svelte expression \`{\``) starts at
   * `start` and is never closed, so nothing from there to the end can be read. Always last.
   */
  | { readonly kind: "unclosed"; readonly start: number; readonly end: number; readonly opened: string };
