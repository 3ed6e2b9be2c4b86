/**
 * The `check` subcommand's flags and help text, kept apart from check-main.ts so that
 * `check --help` answers without loading ESLint.
 */

export const CHECK_FORMATS = ["text", "json", "sarif", "markdown"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The flags as commander hands them over (see bin/ddclient-migrate.ts). */
export interface CheckFlags {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly extensions: string;
  readonly ignore?: string[];
  /** Table ids, each flag a comma-separated list (cli/project-config). */
  readonly allow?: string[];
  readonly gitignore: boolean;
}

export const CHECK_HELP = `
Examples:
  $ npx ddclient-migrate check                    check the current directory; list every problem as file:line:col
  $ npx ddclient-migrate check src/ --ignore '**/*.test.ts'
  $ npx ddclient-migrate check --format json      the report as JSON (docs/check.md)
  $ npx ddclient-migrate check --format sarif --output ddclient.sarif
  $ npx ddclient-migrate check --allow navigateToRoute   a call kept on purpose (or: package.json "ddclient-migrate": { "allow": [...] })

  A GitHub Actions job that fails while a problem remains and shows each one as a
  code scanning alert (the job needs \`permissions: security-events: write\`):

    - run: npx ddclient-migrate check --format sarif --output ddclient.sarif
    - if: \${{ !cancelled() }}
      uses: github/codeql-action/upload-sarif@v4
      with:
        sarif_file: ddclient.sarif
        category: ddclient-migrate

Checks (the ESLint plugin's rules, without any ESLint config of yours):
  ddclient-migrate/no-deprecated-api    a v0 window.ddClient call
  ddclient-migrate/no-shell-operators   a pipe, redirection or && chain given to exec, v0 or v1
  ddclient-migrate/exec-args-array      a v1 exec whose command or argument holds several words

Exit codes:
  0  nothing found
  1  a file could not be read or parsed, or a named path yielded no file (listed);
     the check could not see all of it
  2  usage error
  3  something was found
`;
