/**
 * The command's flags and help text, kept apart from main.ts so that `--help` and `--version`
 * answer without loading the codemod.
 */
import { InvalidArgumentError } from "commander";
import { DEFAULT_EXTENSIONS } from "./types.js";

/** The flags as commander hands them over (see bin/ddclient-migrate.ts). */
export interface CliFlags {
  readonly dry?: boolean;
  readonly check?: boolean;
  readonly json?: string;
  readonly markdown?: string;
  readonly report: "text" | "json" | "markdown";
  readonly extensions: string;
  readonly ignore?: string[];
  readonly gitignore: boolean;
  readonly allowDirty?: boolean;
  readonly rawArgs?: boolean;
  readonly safeOnly?: boolean;
  readonly interactive?: boolean;
  readonly clientModule?: string[];
  readonly client: "keep" | "import";
  readonly cpus?: number;
  readonly runInBand?: boolean;
  readonly workerThreshold?: number;
}

export const DEFAULT_EXTENSION_LIST = DEFAULT_EXTENSIONS.join(",");

/** commander argument parser for `--cpus` and `--worker-threshold`. */
export function parseCount(minimum: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < minimum) throw new InvalidArgumentError(`expected an integer of at least ${minimum}.`);
    return n;
  };
}

/** commander collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export const HELP_EXAMPLES = `
Examples:
  $ npx ddclient-migrate src/                 migrate every file under src/ in place
  $ npx ddclient-migrate --dry                preview the changes as a unified diff, write nothing
  $ npx ddclient-migrate --check src/         CI: exit 3 while any v0 call remains, write nothing
  $ npx ddclient-migrate --json report.json   migrate and save the report (docs/report-schema.md)
  $ npx ddclient-migrate --report json --dry  print the report as JSON on stdout
  $ npx ddclient-migrate --markdown pr.md     migrate and write a summary for the pull request
  $ npx ddclient-migrate ui/ --ignore '**/*.test.ts' --extensions ts,tsx

Exit codes:
  0  done (calls left for a person are listed, not an error)
  1  some files failed to parse, decode or write; they were left untouched
     (with --check: also a named path that yielded no file)
  2  usage error, or refused to write over uncommitted changes (see --allow-dirty)
  3  --check found a v0 call left to migrate
  130, 143  stopped by SIGINT or SIGTERM; the files written so far are listed
`;
