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
import type { ArgumentsDescription, CallbackDescription, HoistDescription } from "../core/call-site.js";
import { freshName, reindent } from "../core/text.js";
import type { V0CallSite } from "./lib/call-sites.js";
import { describeCallback } from "./lib/describe-callback.js";
import { lineIndent, type FileContext } from "./lib/file-context.js";
import { isFunctionNode, resolveBinding, type NodePath } from "./lib/scope.js";
import { isEffectFree } from "../core/effect-free.js";

export const meta = {
  id: "spawn-stream",
  description: "Rewrite spawnHostCmd, spawnDockerCmd and backend.spawnInVMExtension callbacks to cli.exec stream handlers.",
} as const;

const BLOCK_BODIES = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchCase"]);

export function describeArguments(site: V0CallSite, ctx: FileContext): ArgumentsDescription {
  const args = site.call.node.arguments;
  if (args.length !== 3 || args.some((arg: any) => arg.type === "SpreadElement")) return { shape: "unexpected" };
  const callback = site.call.get("arguments", 2);
  return { shape: "spawn", callbackRange: { start: args[2].start, end: args[2].end }, callback: describeSpawnCallback(site, callback, ctx) };
}

function describeSpawnCallback(site: V0CallSite, callback: NodePath, ctx: FileContext): CallbackDescription {
  const hoist = hoistCallback(site, callback, ctx);
  const node = callback.node;
  if (node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression") {
    const firstStatement = node.body.body?.[0];
    const bodyIndent = firstStatement ? lineIndent(ctx.source, firstStatement.start) : lineIndent(ctx.source, node.start) + ctx.indentUnit;
    return { kind: "inline", described: describeCallback(callback, ctx.source, ctx.j), bodyIndent, hoist };
  }
  if (node.type === "Identifier" && isStableName(callback, ctx)) {
    return { kind: "stable-name", name: node.name, hoist };
  }
  return { kind: "other", hoist };
}

/** A name that denotes the same function at every event: a constant, a function declaration, or a parameter never reassigned. */
function isStableName(path: NodePath, ctx: FileContext): boolean {
  const binding = resolveBinding(path, path.node.name, ctx.reassignments);
  if (binding.kind === "variable") return binding.constant && !binding.ambient;
  if (binding.kind === "function" || binding.kind === "import") return true;
  return binding.kind === "parameter" && !ctx.reassignments.isReassigned(path.node.name, binding.scope);
}



/** Where the callback can be bound once, before the statement holding the call (see core/plan-call-site). */
function hoistCallback(site: V0CallSite, callback: NodePath, ctx: FileContext): HoistDescription | null {
  const [cmd, args] = site.call.node.arguments;
  if (!isEffectFree(cmd) || !isEffectFree(args)) return null;
  let statement: NodePath | null = site.call;
  while (statement && !(statement.parent && BLOCK_BODIES.has(statement.parent.node.type) && /Statement|Declaration/.test(statement.node.type))) {
    if (statement !== site.call && isFunctionNode(statement.node)) return null;
    statement = statement.parent;
  }
  if (!statement) return null;
  const indent = lineIndent(ctx.source, statement.node.start);
  return {
    at: statement.node.start,
    indent,
    callbackText: reindent(ctx.source.slice(callback.node.start, callback.node.end), lineIndent(ctx.source, callback.node.start), indent),
    name: freshName("onSpawnEvent", [ctx.source]),
  };
}
