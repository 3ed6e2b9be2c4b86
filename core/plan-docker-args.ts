/**
 * `execDockerCmd(cmd, ...args)` and `backend.execInContainer(container, line)` → the args of
 * `docker.cli.exec`. v0 joined them into one line for its shell; Docker Desktop's non-streamed
 * v1 exec re-reads the joined line the same way, so extra arguments are kept verbatim (as
 * Docker's own migration did) and reported where a raw host would read them differently.
 */
import type { ArgumentValue } from "./call-site.js";
import { isPlainWordValue } from "./emit-words.js";
import { quoteString, type QuoteChar } from "./js-literals.js";
import { planCommandLine, type CommandLineDescription, type CommandLinePlan, type CommandLinePlanOptions } from "./plan-command-line.js";
import type { Review } from "./report.js";
import { splitPlainCommandLine } from "./split-command-line.js";

type ArgsPlan = { ok: true; cmd: string; args: string[]; review: Review[] } | Extract<CommandLinePlan, { ok: false }>;

/** One verbatim argument: its text, or why the shell made more of it. */
function verbatim(arg: ArgumentValue, quote: QuoteChar): { text: string; review: Review[] } | Extract<CommandLinePlan, { ok: false }> {
  if (arg.value === undefined) return { text: arg.text, review: [{ reason: "interpolation-not-resplit", data: { expression: arg.text } }] };
  const words = splitPlainCommandLine(arg.value);
  if (!words.ok) return { ok: false, reason: words.reason === "unterminated-quote" ? "shell-syntax-error" : words.reason, data: { operator: words.operator } };
  const plain = words.words.length === 1 && words.words[0] === arg.value && isPlainWordValue(arg.value);
  return { text: quoteString(arg.value, quote), review: plain ? [] : [{ reason: "host-dependent-word", data: { word: arg.value, emitted: "quoted" } }] };
}

// Before: execDockerCmd("image ls", "--format", "{{json .}}")
// After:  docker.cli.exec("image", ["ls", "--format", "{{json .}}"])   (the last reported host-dependent)
export function planDockerRest(cmd: CommandLineDescription, rest: readonly ArgumentValue[], options: CommandLinePlanOptions): ArgsPlan {
  const head = planCommandLine(cmd, options);
  if (!head.ok) return head;
  const args = [...head.args];
  const review = [...head.review];
  for (const arg of rest) {
    const kept = verbatim(arg, options.quote);
    if ("ok" in kept) return kept;
    args.push(kept.text);
    review.push(...kept.review);
  }
  return { ok: true, cmd: head.cmd, args, review };
}

// Before: backend.execInContainer(id, "ls -l /")   After: docker.cli.exec("exec", [id, "ls", "-l", "/"])
export function planContainerExec(container: ArgumentValue, line: CommandLineDescription, options: CommandLinePlanOptions): ArgsPlan {
  const planned = planCommandLine(line, options);
  if (!planned.ok) return planned;
  const target = verbatim(container, options.quote);
  if ("ok" in target) return target;
  return { ok: true, cmd: quoteString("exec", options.quote), args: [target.text, planned.cmd, ...planned.args], review: [...target.review, ...planned.review] };
}
