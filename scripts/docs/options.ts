/**
 * The docs' option tables, rendered from the commander declaration (bin/program.ts) so that
 * every option the CLI takes is documented, in its order, with its default and choices.
 */
import type { Command } from "commander";
import { createProgram } from "../../bin/program.js";
import { DEFAULT_EXTENSIONS } from "../../cli/types.js";

const code = (text: string): string => `\`${text}\``;

/** The command's options table: `ddclient-migrate` itself, or one of its subcommands by name. */
export function renderOptionsTable(name?: string): string {
  const command = commandOf(name);
  const lines = ["| Option | Meaning |", "|---|---|"];
  for (const option of command.createHelp().visibleOptions(command)) {
    const extra = [
      option.argChoices ? `One of ${option.argChoices.map(code).join(", ")}.` : "",
      option.defaultValue !== undefined && option.defaultValue !== false ? `Default ${code(String(option.defaultValue))}.` : "",
    ];
    lines.push(`| ${code(option.flags)} | ${[sentence(option.description), ...extra].filter(Boolean).join(" ")} |`);
  }
  return lines.join("\n");
}

/** The extensions scanned by default, as the docs list them: `.ts`, `.tsx`, … and `.html`. */
export function renderDefaultExtensions(): string {
  const listed = DEFAULT_EXTENSIONS.map((ext) => code(`.${ext}`));
  return `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`;
}

function commandOf(name: string | undefined): Command {
  const program = createProgram();
  if (name === undefined) return program;
  const sub = program.commands.find((command) => command.name() === name);
  if (!sub) throw new Error(`no \`${name}\` subcommand in bin/program.ts`);
  return sub;
}

/** `write the report to <file>` → ``Write the report to `<file>`.``, safe in a Markdown table. */
function sentence(text: string): string {
  const escaped = text.replace(/\|/g, "\\|").replace(/<[\w-]+>/g, (placeholder) => code(placeholder));
  return escaped[0]!.toUpperCase() + escaped.slice(1) + (escaped.endsWith(".") ? "" : ".");
}
