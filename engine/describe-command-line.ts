/**
 * Describes a command-line argument for core/plan-command-line: its literal text and
 * interpolations, with every value the file shows an interpolation can take.
 */
import type { CommandLineDescription, LineExpression } from "../core/plan-command-line.js";
import type { Edit } from "../core/report.js";
import type { LineSegment } from "../core/split-command-line.js";
import { wholeLines } from "../core/text.js";
import { isParenthesized, literalValue, type Node } from "./ast.js";
import { joinedArrayOf, knownValuesOf, showsNonString, showsQuoteCharacters, someValuesOf } from "./interpolation-values.js";
import type { Binding, EngineFile } from "./file.js";

const isStringy = (node: Node): boolean => (node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral";

/** `"a " + b + " c"` as leaves; only when string concatenation is certain from the first two operands. */
function concatenationLeaves(node: Node, file: EngineFile): Node[] | null {
  const leaves: Node[] = [];
  const walk = (n: Node): void => {
    if (n.type === "BinaryExpression" && n.operator === "+" && !isParenthesized(n, file.source)) {
      walk(n.left);
      leaves.push(n.right);
    } else {
      leaves.push(n);
    }
  };
  walk(node);
  return leaves.length >= 2 && (isStringy(leaves[0]!) || isStringy(leaves[1]!)) ? leaves : null;
}

/** `stableAt`: the line is a constant's initialiser written at this call instead (see the Babel twin). */
export function describeCommandLine(node: Node, file: EngineFile, stableAt?: Node): CommandLineDescription {
  const segments: LineSegment[] = [];
  const expressions: LineExpression[] = [];
  let unstable = false;
  const addExpression = (expr: Node): void => {
    if (stableAt && !isStableAt(expr, stableAt, file)) unstable = true;
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
  };
  const addPart = (part: Node): boolean => {
    if (part.type === "Literal" && typeof part.value === "string") {
      segments.push({ kind: "text", text: part.value });
    } else if (part.type === "TemplateLiteral") {
      for (let i = 0; i < part.quasis.length; i++) {
        const cooked = part.quasis[i]!.value.cooked as string | null | undefined;
        if (cooked === null || cooked === undefined) return false;
        segments.push({ kind: "text", text: cooked });
        if (i < part.expressions.length) addExpression(part.expressions[i]!);
      }
    } else {
      addExpression(part);
    }
    return true;
  };

  if ((node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral") {
    return addPart(node) && !unstable ? { static: true, segments, expressions } : { static: false };
  }
  if (node.type === "BinaryExpression") {
    const leaves = concatenationLeaves(node, file);
    if (leaves && leaves.every(addPart) && !unstable) return { static: true, segments, expressions };
    return { static: false };
  }
  // Before: const command = `up --hostname=${host}`; execInVMExtension(command)
  // After:  exec("up", [`--hostname=${host}`])   (and the constant goes, when nothing else uses it)
  if (node.type === "Identifier" && !stableAt) {
    const binding = file.resolve(node, node.name);
    if (binding.kind !== "variable" || !binding.constant || !binding.init || binding.ambient) return { static: false };
    const inner = describeCommandLine(binding.init, file, node);
    if (!inner.static) return inner;
    return { ...inner, inlinedFrom: { removal: constantRemoval(binding, file) } };
  }
  return { static: false };
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
