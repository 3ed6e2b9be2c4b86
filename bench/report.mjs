// Turns the raw runs into the figures the project tracks (ratios against the baselines, peak
// memory, 2x-tree scaling, the big bundle) with their targets, prints them, and writes them
// to bench/results/ as JSON (every run, for comparing later) and a markdown table.
// A missed target is printed, never an error: timings depend on the machine and its load.
import fs from "node:fs";
import path from "node:path";
import { median } from "./measure.mjs";

const MB = (kb) => (kb === null ? null : (kb * 1024) / 1e6); // VmHWM is in KiB; targets are in MB (10^6 bytes)
const fmtS = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const fmtMB = (mb) => (mb === null ? "n/a" : `${Math.round(mb).toLocaleString("en-US")} MB`);
const fmtX = (x) => `${x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(0)}x`;

/** Medians of one command's runs: { label, command, runsMs, ms, cpuMs, peakMB, largestMB, processes }. */
export function summarizeRuns(label, command, runs) {
  const peaks = runs.map((r) => r.sumKb).filter((kb) => kb !== null);
  return {
    label,
    command,
    runsMs: runs.map((r) => Math.round(r.ms)),
    ms: median(runs.map((r) => r.ms)),
    cpuMs: runs.every((r) => r.cpuMs != null) ? median(runs.map((r) => r.cpuMs)) : null,
    peakMB: peaks.length ? MB(median(peaks)) : null,
    largestMB: peaks.length ? MB(median(runs.map((r) => r.maxKb))) : null,
    processes: Math.max(...runs.map((r) => r.processes)),
  };
}

/** The checks, each { name, value, shown, target, met } (met is null where there is no target). Targets: issue 19. */
export function checks({ a, b, c, d, a2, bundle, e, a0, e0 }) {
  const row = (name, value, shown, target, met) => ({ name, value, shown, target, met });
  const ratio = (x, y) => x / y;
  const memRatio = a.peakMB && a2.peakMB ? a2.peakMB / a.peakMB : null;
  const against = a0 && e0 ? [row("time a/a0 (CLI / --against build)", ratio(a.ms, a0.ms), fmtX(ratio(a.ms, a0.ms)), "<= 1.0x", ratio(a.ms, a0.ms) <= 1), row("time e/e0 (check / --against build)", ratio(e.ms, e0.ms), fmtX(ratio(e.ms, e0.ms)), "<= 1.0x", ratio(e.ms, e0.ms) <= 1)] : [];
  return [
    row("time a/b (CLI / jscodeshift naive)", ratio(a.ms, b.ms), fmtX(ratio(a.ms, b.ms)), "<= 0.1x", ratio(a.ms, b.ms) <= 0.1),
    row("time a/c (CLI / ast-grep scan)", ratio(a.ms, c.ms), fmtX(ratio(a.ms, c.ms)), "<= 1.0x", ratio(a.ms, c.ms) <= 1),
    row("time e/c (check / ast-grep scan)", ratio(e.ms, c.ms), fmtX(ratio(e.ms, c.ms)), "<= 1.0x", ratio(e.ms, c.ms) <= 1),
    row("time e/a (check / CLI)", ratio(e.ms, a.ms), fmtX(ratio(e.ms, a.ms)), "<= 1.0x", ratio(e.ms, a.ms) <= 1),
    ...against,
    row("time a/d (CLI / read every file)", ratio(a.ms, d.ms), fmtX(ratio(a.ms, d.ms)), "none", null),
    row("peak RSS of (a)", a.peakMB, fmtMB(a.peakMB), "< 300 MB", a.peakMB === null ? null : a.peakMB < 300),
    row("peak RSS of (e)", e.peakMB, fmtMB(e.peakMB), "< 300 MB", e.peakMB === null ? null : e.peakMB < 300),
    row("2x tree: time of (a)", ratio(a2.ms, a.ms), fmtX(ratio(a2.ms, a.ms)), "<= 2.1x", ratio(a2.ms, a.ms) <= 2.1),
    row("2x tree: peak RSS of (a)", memRatio, memRatio === null ? "n/a" : fmtX(memRatio), "<= 1.2x", memRatio === null ? null : memRatio <= 1.2),
    row("bundle: time of (a)", bundle.ms / 1000, fmtS(bundle.ms), "< 10 s", bundle.ms < 10_000),
    row("bundle: peak RSS of (a)", bundle.peakMB, fmtMB(bundle.peakMB), "< 1,000 MB", bundle.peakMB === null ? null : bundle.peakMB < 1000),
  ];
}

const verdict = (met) => (met === null ? "" : met ? "met" : "MISSED");

function commandLines(summaries) {
  return summaries.map((s) => [s.label, fmtS(s.ms), s.cpuMs == null ? "n/a" : fmtS(s.cpuMs), s.runsMs.map((ms) => (ms / 1000).toFixed(1)).join(" "), fmtMB(s.peakMB), fmtMB(s.largestMB), String(s.processes)]);
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const COMMAND_HEADER = ["command", "median", "CPU (user+sys)", "runs (s)", "peak RSS (sum)", "largest process", "processes"];
const CHECK_HEADER = ["figure", "measured", "target", ""];

/** Prints the summary to stdout. */
export function print(result) {
  const { summaries, figures, notes } = result;
  console.log(`\n${table(COMMAND_HEADER, commandLines(summaries))}\n`);
  console.log(table(CHECK_HEADER, figures.map((f) => [f.name, f.shown, f.target, verdict(f.met)])));
  for (const note of notes) console.log(`\n${note}`);
}

const mdRow = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
const mdTable = (header, rows) => [mdRow(header), mdRow(header.map(() => "---")), ...rows.map(mdRow)].join("\n");

/** Writes bench.json and bench.md under `dir`; returns their paths. */
export function write(dir, result) {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "bench.json");
  const md = path.join(dir, "bench.md");
  fs.writeFileSync(json, JSON.stringify(result, null, 2) + "\n");
  const { env, corpus, summaries, figures, notes } = result;
  const text = [
    `# ddclient-migrate benchmark, ${env.date}`,
    "",
    `${env.cpus} CPUs (${env.cpuModel}), ${Math.round(env.totalMemMB).toLocaleString("en-US")} MB RAM, Node ${env.node}, ${env.platform}; commit ${env.commit}; load average ${env.loadStart} at start, ${env.loadEnd} at end.`,
    "",
    `Tree: ${corpus.describe}. Runs: ${corpus.runs} of each command, interleaved (${corpus.order}); the figures are medians.`,
    "Peak RSS is the sum over the command's process and its descendants of each one's VmHWM, sampled from /proc every 20 ms; \"largest process\" is the biggest single one.",
    "",
    mdTable(COMMAND_HEADER, commandLines(summaries)),
    "",
    mdTable(CHECK_HEADER, figures.map((f) => [f.name, f.shown, f.target, verdict(f.met)])),
    "",
    "Commands (`<tree>` is the generated tree):",
    "",
    ...summaries.map((s) => `- ${s.label}: \`${s.command}\``),
    ...notes.map((n) => `\n${n}`),
    "",
  ].join("\n");
  fs.writeFileSync(md, text);
  return [json, md];
}
