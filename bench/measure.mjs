// Runs one command as a whole process and measures its wall time and peak memory, without
// any dependency (no /usr/bin/time, which CI images may lack): while the command runs, the
// bench polls /proc for the process and every descendant (jscodeshift forks workers, ast-grep
// is one process with threads) and keeps, per pid, the kernel's high-water mark VmHWM.
//
// Peak RSS is reported two ways:
//   sumKb: the sum over all processes of each one's VmHWM: what the command needed at most,
//          counting each worker's own peak (an upper bound when peaks do not coincide);
//   maxKb: the largest single process's VmHWM.
// CPU time (cpuMs) is the sum over the same processes of the last user+system time sampled
// from /proc/<pid>/stat (all threads): less noisy than wall time on a loaded machine.
// Sampling every POLL_MS misses growth in a process's last POLL_MS and processes that live
// shorter than that; every command measured here runs for far longer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

const POLL_MS = 20;

function readStatus(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null; // exited between two reads
  }
}

/** Pids of `pid`'s children, over all its threads (a child belongs to the thread that forked it). */
function childrenOf(pid) {
  const out = [];
  let tasks;
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ")) if (child) out.push(Number(child));
    } catch {
      // thread gone
    }
  }
  return out;
}

const TICK_MS = 1000 / 100; // USER_HZ, 100 on Linux

/** user + system time of `pid` in ms (its threads, not its children), or null once it is gone. */
function cpuOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** One sample of the tree under `root`: updates `peaks` (pid → max VmHWM in kB) and `cpu` (pid → CPU ms). */
function sample(root, peaks, cpu) {
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    const status = readStatus(pid);
    if (status === null) continue;
    const hwm = /^VmHWM:\s+(\d+)/m.exec(status);
    if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1])));
    const ms = cpuOf(pid);
    if (ms !== null) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, ms));
    stack.push(...childrenOf(pid));
  }
}

export const canMeasureMemory = fs.existsSync("/proc/self/status") && fs.existsSync(`/proc/self/task/${process.pid}/children`);

/**
 * Runs `command args` in `cwd` with stdout written to `stdoutFile` (a file or /dev/null, never
 * a pipe: the output can be tens of MB and buffering it would be the bench's cost, not the
 * command's) and stderr to `stderrFile`. Resolves { ms, cpuMs, sumKb, maxKb, processes, code, stderr }.
 */
export function measure(command, args, { cwd, stdoutFile = "/dev/null", stderrFile, env = process.env }) {
  const out = fs.openSync(stdoutFile, "w");
  const err = fs.openSync(stderrFile, "w");
  const peaks = new Map();
  const cpu = new Map();
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, err] });
    const timer = canMeasureMemory ? setInterval(() => sample(child.pid, peaks, cpu), POLL_MS) : null;
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearInterval(timer);
      fs.closeSync(out);
      fs.closeSync(err);
      const stderr = fs.readFileSync(stderrFile, "utf8");
      const values = [...peaks.values()];
      resolve({
        ms,
        cpuMs: canMeasureMemory ? [...cpu.values()].reduce((a, b) => a + b, 0) : null,
        sumKb: canMeasureMemory ? values.reduce((a, b) => a + b, 0) : null,
        maxKb: canMeasureMemory ? Math.max(0, ...values) : null,
        processes: peaks.size,
        code: signal ? 128 + os.constants.signals[signal] : code,
        stderr,
      });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
