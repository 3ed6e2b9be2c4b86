/** The result panes: the `--dry` diff, the report and the lint findings, each finding a button that selects its place in an editor. */
import type { LintResult } from "./lint.js";
import type { ReportEntry } from "./engine.js";

/** One span a line, so the pane's textContent is the diff's exact bytes. */
export function renderDiff(pane: HTMLElement, diff: string): void {
  pane.replaceChildren(
    ...(diff.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((line) => {
      const span = document.createElement("span");
      span.className = /^(?:---|\+\+\+)/.test(line) ? "head" : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "";
      span.textContent = line;
      return span;
    }),
  );
}

export type SelectLine = (line: number, column: number) => void;

export function renderReport(list: HTMLElement, report: readonly ReportEntry[], select: SelectLine): void {
  list.replaceChildren(
    ...report.map((entry) => item(select, entry.line, entry.column, "the migrated file", `${entry.line}:${entry.column}`, entry.kind, entry.message)),
  );
  if (report.length === 0) list.replaceChildren(note("No v0 call found."));
}

export function renderLint(list: HTMLElement, lint: LintResult, select: SelectLine): void {
  if ("error" in lint) return list.replaceChildren(note(`Not parsed: ${lint.error}`));
  const items = lint.findings.map((m) => item(select, m.line, m.column, "the v0 code", `${m.line}:${m.column}`, m.rewrite ?? "manual", `${m.message} (${m.ruleId})`));
  list.replaceChildren(...(items.length ? items : [note("No lint findings.")]));
}

function item(select: SelectLine, line: number, column: number, editor: string, where: string, tag: string, message: string): HTMLLIElement {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.line = String(line);
  button.title = `Go to ${where} in ${editor}`;
  button.append(Object.assign(document.createElement("code"), { textContent: where }), " ", Object.assign(document.createElement("span"), { className: `tag ${tag}`, textContent: tag }), " ", message);
  button.addEventListener("click", () => select(line, column));
  li.append(button);
  return li;
}

function note(text: string): HTMLLIElement {
  return Object.assign(document.createElement("li"), { className: "note", textContent: text });
}
