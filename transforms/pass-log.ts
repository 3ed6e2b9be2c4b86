/**
 * How many files each pass of a run read and parsed, and how often each file was parsed, in
 * this process: the run's `stats` (cli/run, cli/check), so that the cost of the passes can be
 * seen, and held to a parse per file, without a profiler. Counting is a map update per read
 * or parse, far below the cost of either.
 */

/** What a pass did: files read, files parsed. */
export interface PassCounts {
  reads: number;
  parses: number;
}

/** Pass name → counts; file → times parsed (over every pass). */
export interface PassLog {
  readonly passes: Record<string, PassCounts>;
  readonly parsed: Record<string, number>;
}

let current = "other";
let log: PassLog = { passes: {}, parsed: {} };

/** The pass that the reads and parses from here on belong to. */
export function enterPass(name: string): void {
  current = name;
}

function countsOf(pass: string): PassCounts {
  return (log.passes[pass] ??= { reads: 0, parses: 0 });
}

export function noteRead(): void {
  countsOf(current).reads++;
}

export function noteParse(file: string): void {
  countsOf(current).parses++;
  log.parsed[file] = (log.parsed[file] ?? 0) + 1;
}

/** What was logged since the last call, which starts a new log. */
export function takePassLog(): PassLog {
  const taken = log;
  log = { passes: {}, parsed: {} };
  current = "other";
  return taken;
}

/** Adds `other` (a worker's log) to this process's log. */
export function addPassLog(other: PassLog): void {
  for (const [pass, counts] of Object.entries(other.passes)) {
    const target = countsOf(pass);
    target.reads += counts.reads;
    target.parses += counts.parses;
  }
  for (const [file, times] of Object.entries(other.parsed)) log.parsed[file] = (log.parsed[file] ?? 0) + times;
}
