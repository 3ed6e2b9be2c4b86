/**
 * Describes a command-line argument for core/plan-command-line: its literal text and
 * interpolations, with every value the file shows an interpolation can take.
 */
import type { CommandLineDescription, LineExpression } from "../core/plan-command-line.js";
import type { Edit } from "../core/report.js";
import type { LineSegment } from "../core/split-command-line.js";
import { wholeLines } from "../core/text.js";
import { literalValue, type Node } from "./ast.js";
import { joinedArrayOf, knownValuesOf, showsNonString, showsQuoteCharacters, someValuesOf } from "./interpolation-values.js";
import type { Binding, EngineFile } from "./file.js";
import { sharedConstant, usesOf } from "./shared-constant.js";
import { stringParts, type ConstantBinding } from "./string-parts.js";

/** `stableAt`: the line is a constant's initialiser written at this call instead (see the Babel twin). */
export function describeCommandLine(node: Node, file: EngineFile, stableAt?: Node): CommandLineDescription {
  // Before: const command = `up --hostname=${host}`; execInVMExtension(command)
  // After:  exec("up", [`--hostname=${host}`])   (and the constant goes, when nothing else uses it)
  if (node.type === "Identifier" && !stableAt) {
    const binding = file.resolve(node, node.name);
    if (binding.kind !== "variable" || !binding.constant || !binding.init || binding.ambient) return { static: false };
    const inner = describeCommandLine(binding.init, file, node);
    if (!inner.static) return inner;
    // Before: const line = "ps -a"; console.log(line); execHostCmd(line)   the words written at the
    // call would be a second copy of the line, which the log (and a later edit) no longer follow.
    const uses = usesOf(binding, file);
    if (uses.elsewhere) return { ...inner, inlinedFrom: { removal: inner.inlinedFrom?.removal ?? [], shared: sharedConstant(binding, node.name, uses.lines === 1, file) } };
    if (file.references(binding.id).length !== 1) return { ...inner, inlinedFrom: { removal: [] } };
    // The constants read in its initialiser go with it, and only with it (an exported one stays).
    const removal = constantRemoval(binding, file);
    return { ...inner, inlinedFrom: { removal: removal.length > 0 ? [...(inner.inlinedFrom?.removal ?? []), ...removal] : [] } };
  }
  const at = stableAt ?? node;
  const inlined: ConstantBinding[] = [];
  const parts = stringParts(node, {
    file,
    // Before: const base = `logs ${id}`; execHostCmd(base + " --tail 10")
    // After:  exec("logs", [id, "--tail", "10"])   (a constant read only here, its values the same here)
    inline: (binding, inner) => {
      if (constantRemoval(binding, file).length === 0 || !inner.every((part) => part.kind === "text" || isStableAt(part.node, at, file))) return false;
      inlined.push(binding);
      return true;
    },
  });
  if (!parts) return { static: false };
  const segments: LineSegment[] = [];
  const expressions: LineExpression[] = [];
  for (const part of parts) {
    if (part.kind === "text") {
      segments.push({ kind: "text", text: part.text });
      continue;
    }
    const expr = part.node;
    if (stableAt && !isStableAt(expr, stableAt, file)) return { static: false };
    const id = expressions.length;
    const knownValues = knownValuesOf(expr, file);
    const someValues = knownValues ? undefined : someValuesOf(expr, file);
    const joined = joinedArrayOf(expr);
    expressions.push({
      id,
      text: file.source.slice(expr.range[0], expr.range[1]),
      ...(knownValues ? { knownValues } : {}),
      ...(someValues?.length ? { someValues } : {}),
      ...(joined ? { joinedArrayText: file.source.slice(joined.range[0], joined.range[1]) } : {}),
      ...(showsNonString(expr, file) ? { nonString: true } : {}),
      ...(showsQuoteCharacters(expr, file) ? { quoteCharacters: true } : {}),
    });
    segments.push({ kind: "expr", id });
  }
  const removal = inlined.flatMap((binding) => constantRemoval(binding, file));
  return { static: true, segments, expressions, ...(inlined.length > 0 ? { inlinedFrom: { removal } } : {}) };
}

function isStableAt(expr: Node, call: Node, file: EngineFile): boolean {
  if (literalValue(expr) !== undefined) return true;
  if (expr.type !== "Identifier") return false;
  if (file.declarationAt(call, expr.name) !== file.declarationAt(expr, expr.name)) return false;
  const binding = file.resolve(expr, expr.name);
  if (binding.kind === "variable") return binding.constant && !binding.ambient;
  if (binding.kind === "parameter") return !file.isReassigned(binding.id);
  return binding.kind === "import";
}

/** The constant's removal when one reference (the call) uses it and it is not exported (see core/plan-command-line). */
function constantRemoval(binding: Extract<Binding, { kind: "variable" }>, file: EngineFile): Edit[] {
  const declarator = binding.init?.parent;
  const declaration = declarator?.parent;
  if (declarator?.type !== "VariableDeclarator" || declaration?.type !== "VariableDeclaration") return [];
  if (declaration.kind !== "const" || declaration.declarations.length !== 1 || /^Export/.test(declaration.parent?.type ?? "")) return [];
  if (file.references(binding.id).length !== 1) return [];
  const statement = { start: declaration.range[0], end: declaration.range[1] };
  return [{ ...(wholeLines(file.source, statement) ?? statement), text: "" }];
}
