/**
 * What a run did not look at and why, as codes plus data, turned into prose here only: the
 * printed summary, the JSON report and `check` all say it the same way.
 */

/** Why an entry the walk met was not scanned. */
export type SkipReason = "link-outside-tree" | "link-loop" | "link-broken" | "no-files";

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
