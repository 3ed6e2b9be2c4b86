/**
 * The page's two CodeMirror 6 editors: the v0 code (editable) and the migrated file (read-only).
 * Each highlights its kind's syntax, marks findings (hover a mark for its reason; F8 goes to the
 * next, Ctrl-Shift-M lists them in a panel) and tints the lines the diff changes. Tab is left to
 * the browser, so the keyboard can always leave the editor. Only the language parsers, not their
 * completions, are bundled: the page has no use for completion and it would double the size.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { jsxLanguage, tsxLanguage, typescriptLanguage } from "@codemirror/lang-javascript";
import { htmlLanguage } from "@codemirror/lang-html";
import { defaultHighlightStyle, syntaxHighlighting, type Language } from "@codemirror/language";
import { lintKeymap, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, type DecorationSet } from "@codemirror/view";
import type { Kind } from "./kinds.js";

/** Vue and Svelte files are HTML to the highlighter: their `<script lang="ts">` and `<style>` nest as TypeScript and CSS. */
const LANGUAGES: Record<Kind, Language> = {
  ts: typescriptLanguage,
  tsx: tsxLanguage,
  // The CLI parses .js files with JSX on, so the highlighter does too.
  js: jsxLanguage,
  vue: htmlLanguage,
  svelte: htmlLanguage,
  html: htmlLanguage,
};

/** One place to mark, at 1-based line and column as the report gives it. */
export interface Mark {
  readonly line: number;
  readonly column: number;
  readonly severity: "warning" | "info";
  readonly message: string;
}

export interface Editor {
  readonly view: EditorView;
  setKind(kind: Kind): void;
  /** Replaces the text, when it differs (not from typing: the caret goes to the start). */
  setText(text: string): void;
  /** The marks and the lines to tint, for the text now shown. */
  show(marks: readonly Mark[], changedLines: readonly number[]): void;
  /** Selects the marked token at `line`:`column` and focuses the editor. */
  select(line: number, column: number): void;
}

const SET_TEXT = "playground.set";
const setChanged = StateEffect.define<readonly number[]>();
const changedLine = Decoration.line({ class: "cm-changed" });

/** The diff's lines in this editor, tinted until the next result (an edit maps them meanwhile). */
const changedLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, tr) {
    const effect = tr.effects.find((e) => e.is(setChanged));
    if (!effect) return lines.map(tr.changes);
    const builder = new RangeSetBuilder<Decoration>();
    for (const line of effect.value) if (line <= tr.state.doc.lines) builder.add(tr.state.doc.line(line).from, tr.state.doc.line(line).from, changedLine);
    return builder.finish();
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function createEditor(parent: HTMLElement, options: { label: string; readOnly: boolean; onChange?: (text: string) => void }): Editor {
  const language = new Compartment();
  let kindShown: Kind = "ts";
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle),
    language.of(typescriptLanguage),
    changedLines,
    keymap.of([...lintKeymap, ...defaultKeymap, ...historyKeymap]),
    EditorView.contentAttributes.of({ "aria-label": options.label, spellcheck: "false", autocorrect: "off", autocapitalize: "off" }),
    EditorState.readOnly.of(options.readOnly),
  ];
  const { onChange } = options;
  // Every change but the page's own setText is the user's: typing, pasting, deleting, undo.
  if (onChange) extensions.push(EditorView.updateListener.of((update) => void (update.docChanged && !update.transactions.some((tr) => tr.isUserEvent(SET_TEXT)) && onChange(update.state.doc.toString()))));
  const view = new EditorView({ parent, state: EditorState.create({ extensions }) });

  const offsetOf = (line: number, column: number): number => {
    const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    return Math.min(at.from + column - 1, at.to);
  };
  /** The marked range: the name at the place (the report's column is the member's: `execHostCmd`, `backend.get`), or one character. */
  const rangeAt = (line: number, column: number): { from: number; to: number } => {
    const from = offsetOf(line, column);
    const rest = view.state.doc.sliceString(from, view.state.doc.lineAt(from).to);
    const name = /^[\w$]+(?:\??\.[\w$]+)*/.exec(rest)?.[0] ?? rest.slice(0, 1);
    return { from, to: from + name.length };
  };

  return {
    view,
    // A new language reparses the whole text: only when the kind changes.
    setKind: (kind) => void (kind !== kindShown && ((kindShown = kind), view.dispatch({ effects: language.reconfigure(LANGUAGES[kind]) }))),
    setText: (text) => void (text !== view.state.doc.toString() && view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, userEvent: SET_TEXT })),
    show(marks, lines) {
      const diagnostics: Diagnostic[] = marks.map((mark) => ({ ...rangeAt(mark.line, mark.column), severity: mark.severity, message: mark.message }));
      view.dispatch(setDiagnostics(view.state, diagnostics), { effects: setChanged.of(lines) });
    },
    select(line, column) {
      const { from, to } = rangeAt(line, column);
      view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.focus();
    },
  };
}
