/** The file kinds the page offers: every kind the CLI migrates, as `--extensions` names them. Apart, so the page's own bundle does not pull in the engine. */
export const KINDS = ["ts", "tsx", "js", "vue", "svelte", "html"] as const;
export type Kind = (typeof KINDS)[number];
