/**
 * `spawnHostCmd(cmd, args, cb)` / `backend.spawnInVMExtension(cmd, args, cb)` →
 * `…cli.exec(cmd, args, { stream: { onOutput, onError, onClose } })`. The args array passes
 * through unchanged, as it did in v0. The callback is split into handlers where every
 * statement's event is clear (core/plan-stream); otherwise every handler forwards to the
 * unchanged callback, bound once in a `const` just before the statement when it is not
 * already a stable name.
 *
 * Before: ddClient.spawnHostCmd("tail", ["-f", f], (data, err) => { if (err) fail(err); else if (data.stdout) add(data.stdout); })
 * After:  ddClient.extension.host!.cli.exec("tail", ["-f", f], { stream: { onOutput: (data) => { if (data.stdout) add(data.stdout); }, onError: (err) => { fail(err); } } })
 */
import type { ArgumentsDescription, CallbackDescription, HoistDescription } from "../../core/call-site.js";
import { isEffectFree } from "../../core/effect-free.js";
import { freshName, lineIndent, reindent } from "../../core/text.js";
import { firstStartingAt, isFunctionNode, rangeOf, type Node, type TSESTree } from "../ast.js";
import { calleeName, type V0CallSite } from "../call-sites.js";
import { describeCallback } from "../describe-callback.js";
import type { EngineFile } from "../file.js";

export const meta = {
  id: "spawn-stream",
  description: "Rewrite spawnHostCmd, spawnDockerCmd and backend.spawnInVMExtension callbacks to cli.exec stream handlers.",
} as const;

export function describeArguments(site: V0CallSite, file: EngineFile): ArgumentsDescription {
  const args = site.call.arguments;
  if (args.length !== 3 || args.some((arg) => arg.type === "SpreadElement")) return { shape: "unexpected" };
  return { shape: "spawn", callbackRange: rangeOf(args[2]!), callback: describeSpawnCallback(site, args[2]!, file) };
}

function describeSpawnCallback(site: V0CallSite, callback: Node, file: EngineFile): CallbackDescription {
  const hoist = hoistCallback(site, callback, file);
  if (callback.type === "ArrowFunctionExpression" || callback.type === "FunctionExpression") {
    const first = callback.body.type === "BlockStatement" ? callback.body.body[0] : undefined;
    const bodyIndent = first ? lineIndent(file.source, first.range[0]) : lineIndent(file.source, callback.range[0]) + file.style.indentUnit;
    return { kind: "inline", described: describeCallback(callback, file), bodyIndent, hoist };
  }
  if (callback.type === "Identifier" && isStableName(callback, file)) {
    return { kind: "stable-name", name: callback.name, hoist };
  }
  return { kind: "other", hoist };
}

/** A name that denotes the same function at every event: a constant, a function declaration, or a parameter never reassigned. */
function isStableName(node: TSESTree.Identifier, file: EngineFile): boolean {
  const binding = file.resolve(node, node.name);
  if (binding.kind === "variable") return binding.constant && !binding.ambient;
  if (binding.kind === "function" || binding.kind === "import") return true;
  return binding.kind === "parameter" && !file.isReassigned(binding.id);
}

const BLOCK_BODIES = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchCase"]);
const SPAWN_MEMBERS = new Set(["spawnHostCmd", "spawnDockerCmd", "spawnInVMExtension"]);

/**
 * Where the callback can be bound once, before the statement holding the call (see
 * core/plan-call-site): only when evaluating it there is the same as evaluating it at the call
 * (it has no effect, and names nothing declared between that statement and the call, such as a
 * loop variable of a brace-less `for` body).
 */
function hoistCallback(site: V0CallSite, callback: Node, file: EngineFile): HoistDescription | null {
  const [cmd, args] = site.call.arguments;
  if (!isEffectFree(cmd) || !isEffectFree(args) || !isEffectFree(callback)) return null;
  let statement: Node | undefined = site.call;
  while (statement && !(statement.parent && BLOCK_BODIES.has(statement.parent.type) && /Statement|Declaration/.test(statement.type))) {
    if (statement !== site.call && isFunctionNode(statement)) return null;
    statement = statement.parent;
  }
  if (!statement || namesBindingWithin(callback, statement, file)) return null;
  const indent = lineIndent(file.source, statement.range[0]);
  return {
    at: statement.range[0],
    indent,
    callbackText: reindent(file.source.slice(callback.range[0], callback.range[1]), lineIndent(file.source, callback.range[0]), indent),
    name: freshName(`onSpawnEvent${hoistOrdinal(site.call, statement, file)}`, [file.source]),
  };
}

/** Some name in the callback is declared inside `statement` but outside the callback. */
function namesBindingWithin(callback: Node, statement: Node, file: EngineFile): boolean {
  const inside = (node: Node, outer: Node): boolean => node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
  return file.identifiersIn(callback.range[0], callback.range[1]).some((id) => {
    const declaration = file.declarationAt(id, id.name);
    return declaration !== null && inside(declaration, statement) && !inside(declaration, callback);
  });
}

/**
 * "" for the first spawn call hoisted before a statement of a block, "2", "3", … for later ones,
 * so two bindings in one block never share a name (a second `const onSpawnEvent` would not parse).
 */
function hoistOrdinal(call: TSESTree.CallExpression, statement: Node, file: EngineFile): string {
  const block = statement.parent!;
  // The index's calls are in source order: look only at those between the block's start and this call.
  const calls = file.index.calls;
  let earlier = 0;
  for (let i = firstStartingAt(calls, block.range[0]); i < calls.length && calls[i]!.range[0] < call.range[0]; i++) {
    const other = calls[i]!;
    if (other.arguments.length === 3 && SPAWN_MEMBERS.has(calleeName(other) ?? "")) earlier++;
  }
  return earlier === 0 ? "" : String(earlier + 1);
}

