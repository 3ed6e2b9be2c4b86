/**
 * Shell operators in a command line given to any exec, v0 or v1. v1 runs no shell, so a pipe,
 * a redirection or a `&&` chain cannot be expressed at all: in a v1 call it is a bug today
 * (`exec("ps aux | grep x", [])` asks a host that passes args through for a binary named
 * that), in a v0 call it blocks the migration. `sh -c` wrappers fed a script built at run time
 * hide the same operators and let values inject commands.
 *
 * Before: ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "|", "grep", name])
 * After:  (await ddClient.extension.host!.cli.exec("kubectl", ["get", "pods"])).lines().filter((l) => l.includes(name))
 */
import { mayRunCommand } from "../../core/precheck.js";
import { describeExecCommand } from "../../engine/command-pieces.js";
import { engineFileOf, sourceCodeOf } from "../lib/engine-file.js";
import { createRule } from "../util/create-rule.js";
import type { CallExpression } from "../../engine/ast.js";
import type { EngineFile } from "../../engine/file.js";

export type MessageIds = "shellOperator" | "shellWrapper";

/**
 * What a shell does with an element of a v1 args array: control and redirection operators and
 * substitutions. A lone `#` or `for` is an ordinary argument there, though it would start a
 * comment or a loop as the first word of a v0 line.
 */
const V1_OPERATORS = new Set(["|", "||", "&&", ";", ";;", "&", ">", ">>", "<", "<<", ">&", "<&", ">|", "<>", "$(", "`", "(", ")"]);

export default createRule<[], MessageIds>({
  name: "no-shell-operators",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow shell operators and `sh -c` wrappers around run-time values in exec command lines",
      recommended: "error",
    },
    messages: {
      shellOperator:
        "The command line given to `{{member}}` uses the shell operator `{{operator}}`, which v1 exec cannot run: call exec() once per command and combine or filter the ExecResult in JavaScript.",
      shellWrapper:
        "`{{shell}} -c` is given a script built at run time, which lets its values inject shell commands: call exec() with the command and its arguments directly and post-process the ExecResult in JavaScript.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!mayRunCommand(sourceCodeOf(context).text)) return {};
    return {
      Program() {
        const file = engineFileOf(context);
        for (const call of file.index.calls) reportCall(call, file);
      },
    };
    function reportCall(node: CallExpression, file: EngineFile): void {
      const command = describeExecCommand(node, file);
      if (!command) return;
      const { exec, pieces, scripts } = command;
      for (const script of scripts) if (script.dynamic) context.report({ node: script.node, messageId: "shellWrapper", data: { shell: script.shell } });
      const scriptNodes = new Set(scripts.map((script) => script.node));
      for (const piece of pieces) {
        // A v1 shell script is meant for its shell; a v0 line's words all went through one.
        if (exec.api === "v1" && scriptNodes.has(piece.node)) continue;
        const split = piece.split;
        if (!split || split.ok || split.reason !== "shell-operator") continue;
        if (exec.api === "v1" && !V1_OPERATORS.has(split.operator)) continue;
        context.report({ node: piece.node, messageId: "shellOperator", data: { member: exec.member, operator: split.operator } });
      }
    }
  },
});
