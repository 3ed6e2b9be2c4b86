/**
 * The commander declaration of `ddclient-migrate` and its `check` subcommand. The commands
 * themselves live in cli/, loaded only when one runs.
 */
import { Command, Option } from "commander";
import { collect, DEFAULT_EXTENSION_LIST, HELP_EXAMPLES, parseCount, type CliFlags } from "../cli/args.js";
import { CHECK_FORMATS, CHECK_HELP, type CheckFlags } from "../cli/check-args.js";
import { TOOL } from "../cli/version.js";

/** The whole command line, declared and not yet parsed (the docs' option tables read it too). */
export function createProgram(): Command {
  const program = new Command()
    .name("ddclient-migrate")
    .description("Migrate Docker Desktop extension front ends from the deprecated v0 window.ddClient API to v1.")
    .usage("[options] [paths...]")
    // `ddclient-migrate check --extensions ts` gives --extensions to check, not to the migration.
    .enablePositionalOptions()
    .version(TOOL.version, "-V, --version", "print the version")
    .argument("[paths...]", "files and directories to migrate", ["."])
    .option("--dry", "write nothing; print a unified diff of the changes")
    .option("--check", "write nothing; exit 3 if any v0 call remains (migratable or not)")
    .option("--json <file>", "also write the report as JSON to <file>")
    .option("--markdown <file>", "also write the report as Markdown to <file>, for a pull request")
    .addOption(new Option("--report <format>", "what to print on stdout").choices(["text", "json", "markdown"]).default("text"))
    .option("--extensions <list>", "comma-separated file extensions to scan", DEFAULT_EXTENSION_LIST)
    .option("--ignore <glob>", "skip paths matching <glob>, relative to the current directory (repeatable)", collect)
    .option("--no-gitignore", "scan files that .gitignore excludes too")
    .option("--allow-dirty", "write even over files with uncommitted git changes")
    .option("--raw-args", "emit host-dependent words as raw values, for hosts that pass args through (Podman Desktop)")
    .option("--safe-only", "apply only the rewrites that eslint --fix applies; list those that change behaviour on some host for review")
    .option("--interactive", "show each change and ask whether to apply it (needs a terminal)")
    .addOption(new Option("--client <style>", "keep each call's receiver, or use one module-level createDockerDesktopClient() per file").choices(["keep", "import"]).default("keep"))
    .option("--client-module <module>", "a module (path or package) whose exports are the client or hooks returning it (repeatable)", collect)
    .option("--cpus <n>", "worker processes for large trees (default: available CPUs - 1, at least 1)", parseCount(1))
    .option("--run-in-band", "process every file in this process, without workers")
    .addOption(new Option("--worker-threshold <n>", "use workers above this many candidate files").argParser(parseCount(0)).hideHelp())
    .addHelpText("after", HELP_EXAMPLES)
    .showHelpAfterError("(run ddclient-migrate --help for usage)")
    // Usage errors exit 2 (commander's default is 1, which here means "some files failed").
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (paths: string[], flags: CliFlags) => {
      // Loaded here so that --help and --version do not pay for the codemod's parser.
      const { runCli } = await import("../cli/main.js");
      process.exitCode = await runCli(paths, flags);
    });

  // Declared after the program's settings, which a subcommand copies when it is created.
  program
    .command("check")
    .description("List every deprecated v0 call and every exec command line that breaks on some host, as file:line:col; exit 3 while any remains. Writes nothing.")
    .argument("[paths...]", "files and directories to check", ["."])
    .addOption(new Option("--format <format>", "report format").choices(CHECK_FORMATS).default("text"))
    .option("--output <file>", "write the report to <file> instead of stdout")
    .option("--extensions <list>", "comma-separated file extensions to scan", DEFAULT_EXTENSION_LIST)
    .option("--ignore <glob>", "skip paths matching <glob>, relative to the current directory (repeatable)", collect)
    .option("--no-gitignore", "scan files that .gitignore excludes too")
    .option("--allow <members>", "comma-separated v0 members (table ids) to leave unreported, added to package.json's \"ddclient-migrate\".allow (repeatable)", collect)
    .addHelpText("after", CHECK_HELP)
    .action(async (paths: string[], flags: CheckFlags) => {
      // Loaded here so that --help does not pay for ESLint.
      const { runCheckCli } = await import("../cli/check-main.js");
      process.exitCode = await runCheckCli(paths, flags);
    });

  return program;
}
