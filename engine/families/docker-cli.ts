/**
 * `execDockerCmd(cmd, ...args)` and `backend.execInContainer(container, line)` →
 * `docker.cli.exec(cmd, args)` (core/plan-docker-args).
 *
 * Before: window.ddClient.execDockerCmd("image ls", "--format", "json")
 * After:  window.ddClient.docker.cli.exec("image", ["ls", "--format", "json"])
 * Before: window.ddClient.backend.execInContainer(id, "cat /etc/hostname")
 * After:  window.ddClient.docker.cli.exec("exec", [id, "cat", "/etc/hostname"])
 */
import type { ArgumentValue, ArgumentsDescription } from "../../core/call-site.js";
import { argumentRange, literalValue, type Node } from "../ast.js";
import type { V0CallSite } from "../call-sites.js";
import { describeCommandLine } from "../describe-command-line.js";
import type { EngineFile } from "../file.js";

export const meta = {
  id: "docker-cli",
  description: "Rewrite execDockerCmd and backend.execInContainer to docker.cli.exec(cmd, args).",
} as const;

export function describeArguments(site: V0CallSite, file: EngineFile): ArgumentsDescription {
  const args = site.call.arguments;
  if (args.length === 0 || args[0]!.type === "SpreadElement") return { shape: "unexpected" };
  const argsRange = { start: argumentRange(args[0]!, site.call, file.source).start, end: argumentRange(args.at(-1)!, site.call, file.source).end };
  if (site.row.kind === "container-exec") {
    if (args.length !== 2 || args[1]!.type === "SpreadElement") return { shape: "unexpected" };
    return { shape: "container-exec", argsRange, container: argumentValue(args[0]!, file), line: describeCommandLine(args[1]!, file) };
  }
  return { shape: "docker-rest", argsRange, cmd: describeCommandLine(args[0]!, file), rest: args.slice(1).map((arg) => argumentValue(arg, file)) };
}

/** A string literal's (or string constant's) value; any other argument, spreads included, as text. */
function argumentValue(node: Node, file: EngineFile): ArgumentValue {
  const text = file.source.slice(node.range[0], node.range[1]);
  let value: string | undefined;
  if (node.type === "Literal" && typeof node.value === "string") value = node.value;
  else if (node.type === "TemplateLiteral") value = node.expressions.length === 0 ? literalValue(node) : undefined;
  else if (node.type === "Identifier") {
    const binding = file.resolve(node, node.name);
    value = binding.kind === "variable" && binding.constant ? literalValue(binding.init) : undefined;
  }
  return value === undefined ? { text } : { text, value };
}
