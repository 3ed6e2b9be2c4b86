/**
 * The page: the editor and options in, the engine's result out, on every keystroke (the editors
 * are CodeMirror, editor.ts). The engine
 * is engine.js, loaded before this script as the global `ddclientPlayground`, so the tests and
 * the page run one bundle. The state lives in the URL's hash (state.ts), replaced, not pushed,
 * so typing does not fill the history.
 */
import examples from "playground:examples";
import type { EditorView } from "@codemirror/view";
import { diffLines } from "./diff-lines.js";
import { createEditor, type Mark } from "./editor.js";
import type { PlaygroundInput, PlaygroundResult, ReportEntry } from "./engine.js";
import { KINDS, type Kind } from "./kinds.js";
import { renderDiff, renderLint, renderReport } from "./render.js";
import { DEFAULT_STATE, decodeState, encodeState, kindOf, withKind, type PageState } from "./state.js";

declare global {
  interface Window {
    ddclientPlayground: { migrate(input: PlaygroundInput): PlaygroundResult };
    /** The input of the result on screen: tests wait for it to be the editor's text. */
    playgroundShown?: PlaygroundInput;
    /** The editors, for the tests to read their text and selection. */
    playgroundEditors: { source: EditorView; output: EditorView };
  }
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let result: PlaygroundResult | undefined;
/** The engine runs once typing pauses this long: keys typed faster wait for one run, not one each. */
const TYPING_PAUSE_MS = 40;
let typing: ReturnType<typeof setTimeout> | undefined;
// Typing updates the result without rewriting the editor, which would move the caret.
const editor = createEditor($("source"), {
  label: "v0 code",
  readOnly: false,
  onChange: (source) => {
    state = { ...state, source };
    clearTimeout(typing);
    typing = setTimeout(run, TYPING_PAUSE_MS);
  },
});
const migrated = createEditor($("output"), { label: "Migrated file", readOnly: true });
window.playgroundEditors = { source: editor.view, output: migrated.view };
const fileName = $<HTMLInputElement>("file");
const kind = $<HTMLSelectElement>("kind");
const client = $<HTMLSelectElement>("client");
const rawArgs = $<HTMLInputElement>("raw-args");
const safeOnly = $<HTMLInputElement>("safe-only");

let state: PageState = decodeState(location.hash) ?? { ...DEFAULT_STATE, file: examples[0]!.file, source: examples[0]!.source };

function show(): void {
  editor.setText(state.source);
  fileName.value = state.file;
  kind.value = kindOf(state.file);
  editor.setKind(kind.value as Kind);
  migrated.setKind(kind.value as Kind);
  client.value = state.client;
  rawArgs.checked = state.rawArgs;
  safeOnly.checked = state.safeOnly;
  run();
}

function run(): void {
  clearTimeout(typing);
  result = window.ddclientPlayground.migrate(state);
  $("status").textContent = result.status === "failed" ? `Left untouched: ${result.error}` : result.status === "changed" ? "Would be changed:" : "Nothing to change.";
  renderDiff($("diff"), result.diff);
  $("copied").textContent = "";
  const { removed, added } = diffLines(result.diff);
  editor.show(result.inputReport.map(toMark), removed);
  migrated.setText(result.output);
  migrated.show(result.report.map(toMark), added);
  // The report is the CLI's, at places in the file as written; the lint findings are at places of the v0 code.
  renderReport($("report"), result.report, migrated.select);
  renderLint($("lint"), result.lint, editor.select);
  history.replaceState(null, "", encodeState(state));
  window.playgroundShown = state;
}

/** A finding's mark: its kind, what the report says, and each review note on a line of its own. */
function toMark(entry: ReportEntry): Mark {
  return { line: entry.line, column: entry.column, severity: entry.kind === "manual" ? "warning" : "info", message: [`${entry.kind}: ${entry.message}`, ...entry.review].join("\n") };
}

/** The migrated file to the clipboard; where the page may not use the Clipboard API, through a selection. */
async function copyOutput(): Promise<void> {
  const text = result?.output ?? "";
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  $("copied").textContent = "Copied.";
}

function update(change: Partial<PageState>): void {
  state = { ...state, ...change };
  show();
}

$("copy").addEventListener("click", () => void copyOutput());
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
