/**
 * `execDockerCmd(cmd, ...args)` and `backend.execInContainer(container, line)` →
 * `docker.cli.exec(cmd, args)` (core/plan-docker-args).
 *
 * Before: window.ddClient.execDockerCmd("image ls", "--format", "json")
 * After:  window.ddClient.docker.cli.exec("image", ["ls", "--format", "json"])
 * Before: window.ddClient.backend.execInContainer(id, "cat /etc/hostname")
 * After:  window.ddClient.docker.cli.exec("exec", [id, "cat", "/etc/hostname"])
 */
import type { ArgumentValue, ArgumentsDescription } from "../core/call-site.js";
import type { V0CallSite } from "./lib/call-sites.js";
import { constantString, describeCommandLine } from "./lib/describe-command-line.js";
import type { FileContext } from "./lib/file-context.js";
import type { NodePath } from "./lib/scope.js";

export const meta = {
  id: "docker-cli",
  description: "Rewrite execDockerCmd and backend.execInContainer to docker.cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, ctx: FileContext): ArgumentsDescription {
  const args = site.call.node.arguments;
  if (args.length === 0 || args[0].type === "SpreadElement") return { shape: "unexpected" };
  const argsRange = { start: args[0].start, end: args.at(-1).end };
  if (site.row.kind === "container-exec") {
    if (args.length !== 2 || args[1].type === "SpreadElement") return { shape: "unexpected" };
    return { shape: "container-exec", argsRange, container: argumentValue(site.call.get("arguments", 0), ctx), line: describeCommandLine(site.call.get("arguments", 1), ctx) };
  }
  const rest = args.slice(1).map((_: unknown, i: number) => argumentValue(site.call.get("arguments", i + 1), ctx));
  return { shape: "docker-rest", argsRange, cmd: describeCommandLine(site.call.get("arguments", 0), ctx), rest };
}

/** A string literal's (or string constant's) value; any other argument, spreads included, as text. */
function argumentValue(path: NodePath, ctx: FileContext): ArgumentValue {
  const node = path.node;
  const text = ctx.source.slice(node.start, node.end);
  if (node.type === "StringLiteral") return { text, value: node.value };
  if (node.type === "TemplateLiteral" && node.expressions.length === 0 && typeof node.quasis[0].value.cooked === "string") return { text, value: node.quasis[0].value.cooked };
  const value = node.type === "Identifier" ? constantString(path, ctx) : undefined;
  return value === undefined ? { text } : { text, value };
}
