/**
 * The cheap text checks that come before any parse: most files of a real tree name no v0
 * member and run no command, and are never parsed (the codemod, the CLI's `check`, and the
 * lint rules, which skip their per-file setup there).
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";

const ROOTS = [...V0_ROOT_MEMBERS].join("|");
/**
 * Where a v0 member can stand in a use the engine reads (engine/sweep): after a dot
 * (`ddClient.backend`, `?.execHostCmd`, across lines and comments), as a string (`["backend"]`,
 * `` [`backend`] ``, `"backend" in c`, or `const k = "execHostCmd"` for a key `c[k]`), or taken
 * off the client in a pattern (`{ backend } =`, `{ execHostCmd: run, … }`, `{ toastError = f }`).
 * A local variable that happens to be named `backend` (`const backend = api(); backend.get()`)
 * is none of these.
 */
const MAY_HOLD_V0 = new RegExp(
  `\\.\\s*(?:\\/\\*[^*]*\\*+(?:[^/*][^*]*\\*+)*\\/\\s*|\\/\\/[^\\n]*\\n\\s*)*(?:${ROOTS})\\b|["'\`](?:${ROOTS})["'\`]|\\b(?:${ROOTS})\\s*(?:[,}/]|:\\s*[\\p{ID_Start}$_{[])|[{,]\\s*(?:${ROOTS})\\s*=(?!=)`,
  "u",
);

/** Could the text hold a v0 call? False means it certainly does not. */
export function mayContainV0Call(source: string): boolean {
  return MAY_HOLD_V0.test(source);
}

/** v1 runs commands through `…cli.exec(…)`. */
const MAY_HOLD_EXEC = /\bexec\b/;

/** Could the text hold a v0 call or a v1 exec (what the shell and args rules inspect)? */
export function mayRunCommand(source: string): boolean {
  return MAY_HOLD_V0.test(source) || MAY_HOLD_EXEC.test(source);
}

/** `ddClient: {` or `ddClient?: {`: could the text type the client by hand (engine/typings)? */
export function mayTypeClient(source: string): boolean {
  return /\bddClient\??\s*:\s*\{/.test(source);
}
