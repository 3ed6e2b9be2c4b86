/**
 * A v1 `cli.exec(cmd, args)` whose `cmd` is a whole command line, or whose args hold an
 * element of several words. Docker Desktop's non-streamed exec re-reads the joined line like
 * shell words, so it happens to work there; its streamed exec and Podman Desktop pass each
 * element as it is, and the call breaks (API.md: `"/app/tailscale up"` shipped for 17 months).
 *
 * Before: ddClient.docker.cli.exec("ps -a", [])
 * After:  ddClient.docker.cli.exec("ps", ["-a"])
 *
 * The fix splits only literals whose every word is plain (the same value on every host); a
 * quoted word, an interpolation or a `sh -c` script is reported for a person to decide.
 *
 * One word is not enough for an argument of a non-streamed exec: Docker Desktop re-reads it, so
 * quotes, backslashes, `$`, leading or trailing blanks and an empty value mean something else
 * there than on a host that passes it through (`'"select name from users"'` is one argument
 * without quotes there, and one with its quotes on Podman Desktop). The codemod's
 * `host-dependent-word` note and this report read one predicate, core's isPlainWordValue.
 */
import { emitWord, isPlainWordValue, type EmitContext } from "../../core/emit-words.js";
import { mayRunCommand } from "../../core/precheck.js";
import type { Word } from "../../core/split-command-line.js";
import type { CallExpression, Node } from "../../engine/ast.js";
import { describeExecCommand, describePiece, type CommandPiece } from "../../engine/command-pieces.js";
import type { EngineFile } from "../../engine/file.js";
import { wrapperCallers } from "../../engine/wrapper-callers.js";
import { engineFileOf, sourceCodeOf } from "../lib/engine-file.js";
import { createRule, type Fix, type FixFunction, type RuleFixer } from "../util/create-rule.js";

export type MessageIds = "commandLineAsCommand" | "multiWordArgument" | "hostDependentArgument" | "splitArgument";

/** The words as plain string literals, or null when any of them would mean something else on some host. */
function plainWords(piece: CommandPiece, file: EngineFile): string[] | null {
  if (piece.dynamic || !piece.split?.ok) return null;
  const ctx: EmitContext = {
    quote: file.style.quote,
    typescript: file.style.language === "ts",
    rawArgs: false,
    exprText: () => "",
    isKnownPlainWord: () => false,
    joinedArrayText: () => undefined,
    isNonString: () => false,
  };
  const emitted = piece.split.words.map((word: Word) => emitWord(word, ctx));
  return emitted.every((word) => word.review.length === 0) ? emitted.map((word) => word.text) : null;
}

const severalWords = (piece: CommandPiece): boolean => piece.split?.ok === true && piece.split.words.length > 1;

/**
 * The piece's text holds what a re-splitting host reads as shell syntax. A value known in full
 * must be a plain word; of a template with run-time values, only its own text is known.
 * Before: exec("psql", ["-c", '"select name from users"'])   exec("ps", ["--format", `"${f}"`])
 */
function hostDependent(piece: CommandPiece): boolean {
  if (piece.value !== undefined) return !isPlainWordValue(piece.value);
  const node = piece.node;
  return node.type === "TemplateLiteral" && node.quasis.some((quasi) => /[\s'"\\$`]/.test(quasi.value.cooked ?? quasi.value.raw));
}

export default createRule<[], MessageIds>({
  name: "exec-args-array",
  meta: {
    type: "problem",
    docs: {
      description: "Enforce one word per element of a v1 `cli.exec(cmd, args)` call, meaning the same on every host",
      recommended: "error",
    },
    fixable: "code",
    hasSuggestions: true,
    messages: {
      commandLineAsCommand:
        "The command of `{{member}}` holds several words, which only Docker Desktop's non-streamed exec splits: pass the command alone and each argument as its own element of `args`.",
      multiWordArgument:
        "This argument of `{{member}}` holds several words, which Docker Desktop's non-streamed exec splits and a host that passes arguments through (Podman Desktop, any streamed exec) does not: pass each word as its own element of `args`, and an argument that must hold a space through a streamed exec (`{ stream }`), which passes it through on every host.",
      hostDependentArgument:
        "This argument of `{{member}}` holds a quote, a backslash, `$` or whitespace, or is empty, which Docker Desktop's non-streamed exec re-reads as shell syntax and a host that passes arguments through (Podman Desktop) keeps as it is: only a non-empty value without these characters means the same on every host, so pass any other value through a streamed exec (`{ stream }`), which passes arguments through on every host.",
      splitArgument: "Pass each word as its own element of `args`.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!mayRunCommand(sourceCodeOf(context).text)) return {};
    return {
      Program() {
        const file = engineFileOf(context);
        const reported = new Set<Node>();
        for (const call of file.index.calls) reportCall(call, file, reported);
      },
    };
    function reportCall(node: CallExpression, file: EngineFile, reported: Set<Node>): void {
      const command = describeExecCommand(node, file);
      if (command?.exec.api !== "v1") return;
      const { exec, pieces } = command;
      // A `sh -c` script is one word for its shell: splitting it would change what runs.
      const scripts = new Set(command.scripts.map((script) => script.node));
      const data = { member: exec.member };
      const [cmd, ...elements] = pieces;
      // Before: exec("ps -a", [])   After: exec("ps", ["-a"])
      if (cmd && severalWords(cmd)) {
        const split = plainWords(cmd, file);
        const insert = split && insertArguments(file, exec.cmd, exec.args, split.slice(1));
        const fix: FixFunction | null = split && insert ? (fixer) => [fixer.replaceText(cmd.node, split[0]!), insert(fixer)] : null;
        context.report({ node: cmd.node, messageId: "commandLineAsCommand", data, fix });
      }
      // A streamed exec passes args through on every host: one element with a space is one argument there.
      if (exec.streamed) return;
      // Before: exec("sh", ["/app/tool up"])   Suggested: exec("sh", ["/app/tool", "up"])
      // Only a suggestion: `["--format", "{{json .}}"]` meant one argument, which splitting would break.
      const forwarded = exec.args ? forwardedElements(exec.args, file).map((element) => describePiece(element, file)) : [];
      for (const element of [...elements, ...forwarded]) {
        // Two execs of one wrapper see its callers' arrays twice.
        if (reported.has(element.node)) continue;
        reported.add(element.node);
        // Before: exec("psql", ["-c", '"select 1"'])   (one argument on Docker Desktop, with its quotes elsewhere)
        if (!severalWords(element)) {
          if (hostDependent(element)) context.report({ node: element.node, messageId: "hostDependentArgument", data });
          continue;
        }
        const split = scripts.has(element.node) ? null : plainWords(element, file);
        const suggest = split ? [{ messageId: "splitArgument" as const, data, fix: (fixer: RuleFixer) => fixer.replaceText(element.node, split.join(", ")) }] : [];
        context.report({ node: element.node, messageId: "multiWordArgument", data, suggest });
      }
    }
  },
});

/** `[rest, …args]`: into the array literal, in a new one, or around the args expression; null when unsure. */
function insertArguments(file: EngineFile, cmd: Node, args: Node | undefined, rest: readonly string[]): ((fixer: RuleFixer) => Fix) | null {
  const list = rest.join(", ");
  if (!args) return (fixer) => fixer.insertTextAfter(cmd, `, [${list}]`);
  if (args.type === "ArrayExpression") {
    const open = args.range[0] + 1;
    return (fixer) => fixer.insertTextAfterRange([open, open], args.elements.length ? `${list}, ` : list);
  }
  if (args.type !== "Identifier" && args.type !== "MemberExpression") return null;
  return (fixer) => fixer.replaceText(args, `[${list}, ...${file.source.slice(args.range[0], args.range[1])}]`);
}

/**
 * The elements callers in the file pass for an `args` that is a wrapper's parameter, whole or spread.
 * Before: const run = (sub: string[]) => exec("/app/tool", sub); run(["--authkey", '"k 1"'])
 */
function forwardedElements(args: Node, file: EngineFile): Node[] {
  const passed: Node[] = args.type === "ArrayExpression" ? args.elements.flatMap((element) => (element?.type === "SpreadElement" ? [element.argument] : [])) : [args];
  return passed.flatMap((node) => {
    if (node.type !== "Identifier") return [];
    const binding = file.resolve(node, node.name);
    if (binding.kind !== "parameter" || file.isReassigned(binding.id)) return [];
    return (wrapperCallers(binding.fn, file)?.calls ?? []).flatMap((call) => {
      const array = call.arguments[binding.index];
      return array?.type === "ArrayExpression" ? array.elements.flatMap((element) => (element === null || element.type === "SpreadElement" ? [] : [element])) : [];
    });
  });
}
