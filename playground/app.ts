/**
 * The page: the editor and options in, the engine's result out, on every keystroke. The engine
 * is engine.js, loaded before this script as the global `ddclientPlayground`, so the tests and
 * the page run one bundle. The state lives in the URL's hash (state.ts), replaced, not pushed,
 * so typing does not fill the history.
 */
import examples from "playground:examples";
import type { PlaygroundInput, PlaygroundResult } from "./engine.js";
import { KINDS, type Kind } from "./kinds.js";
import { renderDiff, renderLint, renderReport } from "./render.js";
import { DEFAULT_STATE, decodeState, encodeState, kindOf, withKind, type PageState } from "./state.js";

declare global {
  interface Window {
    ddclientPlayground: { migrate(input: PlaygroundInput): PlaygroundResult };
    /** The input of the result on screen: tests wait for it to be the editor's text. */
    playgroundShown?: PlaygroundInput;
  }
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>("source");
const fileName = $<HTMLInputElement>("file");
const kind = $<HTMLSelectElement>("kind");
const client = $<HTMLSelectElement>("client");
const rawArgs = $<HTMLInputElement>("raw-args");
const safeOnly = $<HTMLInputElement>("safe-only");

let state: PageState = decodeState(location.hash) ?? { ...DEFAULT_STATE, file: examples[0]!.file, source: examples[0]!.source };

function show(): void {
  editor.value = state.source;
  fileName.value = state.file;
  kind.value = kindOf(state.file);
  client.value = state.client;
  rawArgs.checked = state.rawArgs;
  safeOnly.checked = state.safeOnly;
  run();
}

function run(): void {
  const result = window.ddclientPlayground.migrate(state);
  $("status").textContent = result.status === "failed" ? `Left untouched: ${result.error}` : result.status === "changed" ? "Would be changed:" : "Nothing to change.";
  renderDiff($("diff"), result.diff);
  $("output").textContent = result.output;
  renderReport($("report"), result.report, selectLine);
  renderLint($("lint"), result.lint, selectLine);
  history.replaceState(null, "", encodeState(state));
  window.playgroundShown = state;
}

/** Selects the whole line in the editor and scrolls it into view. */
function selectLine(line: number): void {
  const lines = editor.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, text) => n + text.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  editor.scrollTop = Math.max(0, (line - 3) * parseFloat(getComputedStyle(editor).lineHeight));
}

function update(change: Partial<PageState>): void {
  state = { ...state, ...change };
  show();
}

// Typing updates the result without rewriting the editor, which would move the caret.
editor.addEventListener("input", () => {
  state = { ...state, source: editor.value };
  run();
});
fileName.addEventListener("change", () => update({ file: withKind(fileName.value.trim() || DEFAULT_STATE.file, kind.value as Kind) }));
kind.append(...KINDS.map((k) => new Option(k, k)));
kind.addEventListener("change", () => update({ file: withKind(state.file, kind.value as Kind) }));
client.addEventListener("change", () => update({ client: client.value === "import" ? "import" : "keep" }));
rawArgs.addEventListener("change", () => update({ rawArgs: rawArgs.checked }));
safeOnly.addEventListener("change", () => update({ safeOnly: safeOnly.checked }));
window.addEventListener("hashchange", () => {
  const shared = decodeState(location.hash);
  if (shared && encodeState(shared) !== encodeState(state)) update(shared);
});

$("examples").append(
  ...examples.map((example) => {
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: example.file.replace(/^src\//, "") });
    button.addEventListener("click", () => update({ file: example.file, source: example.source }));
    const li = document.createElement("li");
    li.append(button);
    return li;
  }),
);
show();
