/**
 * What a run did not look at and why, as codes plus data, turned into prose here only: the
 * printed summary, the JSON report and `check` all say it the same way.
 */

/** Why an entry the walk met was not scanned. */
export type SkipReason = "link-outside-tree" | "link-loop" | "link-broken" | "no-files" | "unreadable-directory" | "unreadable-gitignore";

/** Reasons that leave files unseen: `--check` and `check` fail on them rather than pass what they never looked at. */
export const INCOMPLETE: ReadonlySet<SkipReason> = new Set(["no-files", "unreadable-directory", "unreadable-gitignore"]);

/** How many entries below an explicitly named path each rule kept out (reason `no-files`). */
export interface Excluded {
  readonly gitignored: number;
  readonly ignoredByOption: number;
  readonly otherExtension: number;
  readonly alwaysSkipped: number;
  readonly links: number;
}

export interface Skipped {
  /** Absolute: the link, or the path named on the command line that yielded no file. */
  readonly path: string;
  readonly reason: SkipReason;
  /** `link-outside-tree`: the link's target, absolute. */
  readonly target?: string;
  /** `no-files`: what kept each entry out. */
  readonly excluded?: Excluded;
  /** `unreadable-directory`, `unreadable-gitignore`: the system's error (`EACCES: permission denied, scandir '…'`). */
  readonly error?: string;
}

/** What `--check` and `check` say when the walk left something unseen (INCOMPLETE); undefined when it did not. */
export function incompleteVerdict(reasons: readonly SkipReason[]): string | undefined {
  if (reasons.some((reason) => reason === "unreadable-directory" || reason === "unreadable-gitignore")) {
    return "Check incomplete: a directory or a .gitignore could not be read, so files there were not checked (see Skipped).";
  }
  if (reasons.includes("no-files")) return "Check incomplete: a path named on the command line held no file to scan (see Skipped).";
  return undefined;
}

export function noExclusions(): Excluded {
  return { gitignored: 0, ignoredByOption: 0, otherExtension: 0, alwaysSkipped: 0, links: 0 };
}

/** One sentence, ending in a period. */
export function describeSkipped(skipped: Skipped): string {
  switch (skipped.reason) {
    case "link-outside-tree":
      return `A symbolic link to ${skipped.target}, outside the tree being migrated: not followed. Name its target to migrate it.`;
    case "link-loop":
      return "A symbolic link that loops: not followed.";
    case "link-broken":
      return "A symbolic link to nothing: not followed.";
    case "no-files":
      return describeNoFiles(skipped.excluded ?? noExclusions());
    case "unreadable-directory":
      return `A directory that could not be read (${skipped.error}): none of its files were scanned.`;
    case "unreadable-gitignore":
      return `A .gitignore that could not be read (${skipped.error}): the directory it governs was left untouched, since which of its files are ignored is unknown.`;
  }
}

function describeNoFiles(excluded: Excluded): string {
  const parts = [
    excluded.gitignored ? `${count(excluded.gitignored, "entry")} excluded by .gitignore (--no-gitignore includes ${excluded.gitignored === 1 ? "it" : "them"})` : "",
    excluded.ignoredByOption ? `${count(excluded.ignoredByOption, "entry")} excluded by --ignore` : "",
    excluded.otherExtension ? `${count(excluded.otherExtension, "file")} without a scanned extension (see --extensions)` : "",
    excluded.alwaysSkipped ? `${count(excluded.alwaysSkipped, "directory")} always skipped (node_modules, dist, build, coverage, .git)` : "",
    excluded.links ? `${count(excluded.links, "symbolic link")} not followed` : "",
  ].filter(Boolean);
  return parts.length ? `No file to scan here: ${parts.join("; ")}.` : "No file to scan here: nothing is in it.";
}

function count(n: number, noun: string): string {
  const plural = noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${n} ${n === 1 ? noun : plural}`;
}
