/**
 * Finds calls of v0 members: `R.backend.get(…)`, `R.execHostCmd(…)` on a receiver R, and the
 * same members taken off the client by destructuring (`const { backend } = window.ddClient`).
 */
import { DEPRECATIONS, V0_ROOT_MEMBERS, type Deprecation } from "../../deprecations/table.js";
import type { MemberPathDescription, ReceiverKind, ResultUse } from "../../core/call-site.js";
import type { AstNode } from "./parse.js";
import { ClientRecognizer, isMemberNode, propertyName, type ClientContext } from "./clients.js";
import { resolveBinding, type NodePath, type Reassignments } from "./scope.js";

export interface V0CallSite {
  readonly row: Deprecation;
  readonly call: NodePath;
  /** The identifier node of each v0 path segment (`backend`, `get`); for a destructured piece, the local name. */
  readonly segments: readonly AstNode[];
  /** `?.` follows segment i. */
  readonly optionalAfter: readonly boolean[];
  /** `!` follows segment i. */
  readonly nonNullAfter: readonly boolean[];
  readonly receiverKind: ReceiverKind;
  /** Source text of the receiver (or of the destructured client). */
  readonly receiverText: string;
  /** The receiver expression as written (absent for a destructured piece). */
  readonly receiverNode?: AstNode;
  /** The file's text, for reading what lies between the segments. */
  readonly source: string;
  /** For a destructured piece: the client expression to write in front of the v1 path, if it is valid at the call. */
  readonly detachedClientText?: string | null;
}

const ROWS_BY_LAST_SEGMENT = new Map<string, Deprecation[]>();
for (const row of DEPRECATIONS) {
  const last = row.id.split(".").at(-1)!;
  ROWS_BY_LAST_SEGMENT.set(last, [...(ROWS_BY_LAST_SEGMENT.get(last) ?? []), row]);
}

interface Chain {
  segments: AstNode[];
  optionalAfter: boolean[];
  nonNullAfter: boolean[];
  /** What the first segment is a member of; null when the first segment is a bare identifier. */
  object: NodePath | null;
}

/** Walks `a.b!.c?.d` from the outside in, for up to `length` segments. */
function memberChain(callee: NodePath, length: number): Chain | null {
  const segments: AstNode[] = [];
  const optionalAfter: boolean[] = [];
  const nonNullAfter: boolean[] = [];
  let current = callee;
  let nextOptional = false;
  let nextNonNull = false;
  for (let i = 0; i < length; i++) {
    let nonNull = false;
    while (current.node.type === "TSNonNullExpression" || current.node.type === "ParenthesizedExpression") {
      nonNull ||= current.node.type === "TSNonNullExpression";
      current = current.get("expression");
    }
    if (i > 0) nextNonNull = nonNull;
    const node = current.node;
    if (isMemberNode(node) && propertyName(node) !== undefined && !node.computed) {
      segments.unshift(node.property);
      optionalAfter.unshift(nextOptional);
      nonNullAfter.unshift(nextNonNull);
      nextOptional = node.optional === true;
      current = current.get("object");
    } else if (node.type === "Identifier" && i === length - 1) {
      segments.unshift(node);
      optionalAfter.unshift(nextOptional);
      nonNullAfter.unshift(nextNonNull);
      return { segments, optionalAfter, nonNullAfter, object: null };
    } else {
      return null;
    }
  }
  return { segments, optionalAfter, nonNullAfter, object: current };
}

export function findV0CallSites(calls: readonly NodePath[], source: string, reassignments: Reassignments, clients: ClientContext): V0CallSite[] {
  const recognizer = new ClientRecognizer(reassignments, clients);
  const sites: V0CallSite[] = [];
  const visit = (call: NodePath): void => {
    let callee = call.get("callee");
    while (callee.node.type === "TSNonNullExpression") callee = callee.get("expression");
    const last = isMemberNode(callee.node) ? propertyName(callee.node) : callee.node.type === "Identifier" ? callee.node.name : undefined;
    for (const row of ROWS_BY_LAST_SEGMENT.get(last ?? "") ?? []) {
      const names = row.id.split(".");
      const site = matchRow(row, names, call, callee, source, recognizer, reassignments);
      if (site) {
        sites.push(site);
        return;
      }
    }
  };
  calls.forEach(visit);
  return sites.sort((a, b) => a.call.node.start - b.call.node.start);
}

function matchRow(row: Deprecation, names: string[], call: NodePath, callee: NodePath, source: string, recognizer: ClientRecognizer, reassignments: Reassignments): V0CallSite | null {
  const text = (node: AstNode): string => source.slice(node.start, node.end);
  const chain = memberChain(callee, names.length);
  if (!chain) return null;
  // Attached: R.backend.get(…) — every segment is a member name.
  if (chain.object) {
    if (!chain.segments.every((segment, i) => segment.name === names[i])) return null;
    const receiverKind = recognizer.classify(chain.object);
    if (receiverKind === "not-client" || (receiverKind === "unknown" && !row.distinctive)) return null;
    return { row, call, ...chain, receiverKind, receiverText: text(chain.object.node), receiverNode: chain.object.node, source };
  }
  // Destructured: const { backend } = client; backend.get(…)   or   const { execHostCmd } = client; execHostCmd(…)
  if (!chain.segments.slice(1).every((segment, i) => segment.name === names[i + 1])) return null;
  const detached = chain;
  const local = detached.segments[0]!;
  const binding = resolveBinding(call, local.name, reassignments);
  if (binding.kind !== "destructured" || binding.property !== names[0] || !V0_ROOT_MEMBERS.has(binding.property)) return null;
  const receiverKind = recognizer.classify(binding.init);
  if (receiverKind === "not-client" || (receiverKind === "unknown" && !row.distinctive)) return null;
  return { row, call, ...detached, receiverKind, receiverText: text(binding.init.node), source, detachedClientText: clientTextAtCall(binding.init, call, source, reassignments) };
}

/** The destructured client's text, when writing it at the call means the same value. */
function clientTextAtCall(init: NodePath, call: NodePath, source: string, reassignments: Reassignments): string | null {
  const node = init.node;
  const text = source.slice(node.start, node.end);
  if (isMemberNode(node) && node.object.type === "Identifier") {
    return resolveBinding(call, node.object.name, reassignments).kind === "global" ? text : null;
  }
  if (node.type === "Identifier") {
    const here = call.scope?.lookup(node.name) ?? null;
    const there = init.scope?.lookup(node.name) ?? null;
    return here === there ? text : null;
  }
  return null;
}

export function describeMemberPath(site: V0CallSite): MemberPathDescription {
  const [first, second] = site.segments;
  return {
    segments: site.segments.map((segment) => ({ start: segment.start, end: segment.end })),
    optionalAfter: site.optionalAfter,
    nonNullAfter: site.nonNullAfter,
    ...(second ? { connectorAfterFirst: site.source.slice(first!.end, second.start) } : {}),
    optionalCall: site.call.node.optional === true,
    ...(site.detachedClientText !== undefined ? { detachedClientText: site.detachedClientText } : {}),
  };
}

export function positionOf(site: V0CallSite): { line: number; column: number } {
  const loc = site.segments[0]!.loc.start;
  return { line: loc.line, column: loc.column + 1 };
}

const TRANSPARENT = new Set(["TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression", "ParenthesizedExpression"]);

/** What the code does with the call's value. */
export function resultUseOf(call: NodePath): ResultUse {
  let path = call;
  while (path.parent && TRANSPARENT.has(path.parent.node.type)) path = path.parent;
  const parent = path.parent?.node;
  if (!parent || parent.type === "ExpressionStatement") return "discarded";
  if (parent.type === "UnaryExpression" && parent.operator === "void") return "voided";
  if (parent.type === "AwaitExpression") return "awaited";
  if (parent.type === "ArrowFunctionExpression" && parent.body === path.node) return "arrow-body";
  if (isMemberNode(parent) && parent.object === path.node && ["then", "catch", "finally"].includes(propertyName(parent) ?? "")) return "chained";
  return "value";
}
