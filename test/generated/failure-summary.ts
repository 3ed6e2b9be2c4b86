/**
 * The failures of a batch grouped by axis value, so an engine change can be checked against
 * classes rather than single programs (DDCM_GENERATED_REPORT=1): for each check, each axis
 * value that its failing scenarios drew, with how many of the scenarios drawing that value
 * fail — a value that fails every time it is drawn names the class.
 */
import type { SourceReport } from "./check-programs.js";
import type { CheckName } from "./static-checks.js";

export interface FailureClass {
  readonly check: CheckName;
  readonly value: string;
  readonly failing: number;
  readonly drawn: number;
}

export function failureClasses(reports: readonly SourceReport[]): FailureClass[] {
  const drawn = new Map<string, number>();
  for (const report of reports) for (const scenario of report.source.scenarios) for (const tag of scenario.tags) drawn.set(tag, (drawn.get(tag) ?? 0) + 1);
  const failing = new Map<string, Set<string>>();
  for (const report of reports) {
    for (const failure of report.failures) {
      const scenario = report.source.scenarios.find((s) => s.name === failure.scenario);
      for (const tag of scenario?.tags.filter((t) => t.includes(":")) ?? ["(whole program)"]) {
        const key = `${failure.check}\u0000${tag}`;
        if (!failing.has(key)) failing.set(key, new Set());
        failing.get(key)!.add(`${report.source.name}#${failure.scenario ?? ""}`);
      }
    }
  }
  return [...failing]
    .map(([key, scenarios]) => {
      const [check, value] = key.split("\u0000") as [CheckName, string];
      return { check, value, failing: scenarios.size, drawn: drawn.get(value) ?? 0 };
    })
    .sort((a, b) => a.check.localeCompare(b.check) || b.failing / Math.max(b.drawn, 1) - a.failing / Math.max(a.drawn, 1) || b.failing - a.failing);
}

export function renderSummary(reports: readonly SourceReport[]): string {
  const classes = failureClasses(reports);
  const lines: string[] = [];
  for (const check of new Set(classes.map((c) => c.check))) {
    const mine = classes.filter((c) => c.check === check);
    lines.push(`${check}:`);
    for (const c of mine) lines.push(`  ${c.value.padEnd(44)} ${String(c.failing).padStart(4)} of ${String(c.drawn).padStart(4)} drawn`);
  }
  return lines.join("\n");
}
