/**
 * Matches a call against the v0 table: `R.backend.get(…)`, `R.execHostCmd(…)` on a receiver R,
 * and members taken off the client by destructuring (`const { backend } = window.ddClient`),
 * and describes the member path for core.
 */
import { DEPRECATIONS, V0_ROOT_MEMBERS, type Deprecation } from "../deprecations/table.js";
import type { MemberPathDescription, ReceiverKind } from "../core/call-site.js";
import type { Position } from "../core/report.js";
import { propertyName, type Node, type TSESTree } from "./ast.js";
import { copiedMemberKind } from "./client-copies.js";
import { classifyClient } from "./clients.js";
import type { Binding, EngineFile } from "./file.js";
import { perFile } from "./per-file.js";

export interface V0CallSite {
  readonly row: Deprecation;
  readonly call: TSESTree.CallExpression;
  /** The identifier of each v0 path segment (`backend`, `get`); for a destructured piece, the local name. */
  readonly segments: readonly TSESTree.Identifier[];
  readonly optionalAfter: readonly boolean[];
  readonly nonNullAfter: readonly boolean[];
  readonly receiverKind: ReceiverKind;
  /** Source text of the receiver (or of the destructured client). */
  readonly receiverText: string;
  /** The receiver as written (absent for a destructured piece). */
  readonly receiverNode?: Node;
  /** For a destructured piece: the client expression to write in front of the v1 path, if it is valid at the call. */
  readonly detachedClientText?: string | null;
}

const ROWS_BY_LAST_SEGMENT = new Map<string, Deprecation[]>();
for (const row of DEPRECATIONS) {
  const last = row.id.split(".").at(-1)!;
  ROWS_BY_LAST_SEGMENT.set(last, [...(ROWS_BY_LAST_SEGMENT.get(last) ?? []), row]);
}

export interface MemberChain {
  readonly segments: TSESTree.Identifier[];
  readonly optionalAfter: boolean[];
  readonly nonNullAfter: boolean[];
  /** What the first segment is a member of; null when the first segment is a bare identifier. */
  readonly object: Node | null;
}

/** Walks `a.b!.c?.d` from the outside in, for up to `length` segments. */
export function memberChain(callee: Node, length: number): MemberChain | null {
  const chain: MemberChain = { segments: [], optionalAfter: [], nonNullAfter: [], object: null };
  let current = callee;
  let nextOptional = false;
  let nextNonNull = false;
  for (let i = 0; i < length; i++) {
    let nonNull = false;
    while (current.type === "TSNonNullExpression" || current.type === "ChainExpression") {
      nonNull ||= current.type === "TSNonNullExpression";
      current = current.expression;
    }
    if (i > 0) nextNonNull = nonNull;
    if (current.type === "MemberExpression" && !current.computed && current.property.type === "Identifier") {
      chain.segments.unshift(current.property);
      chain.optionalAfter.unshift(nextOptional);
      chain.nonNullAfter.unshift(nextNonNull);
      nextOptional = current.optional;
      current = current.object;
    } else if (current.type === "Identifier" && i === length - 1) {
      chain.segments.unshift(current);
      chain.optionalAfter.unshift(nextOptional);
      chain.nonNullAfter.unshift(nextNonNull);
      return chain;
    } else {
      return null;
    }
  }
  return { ...chain, object: current };
}

/** The last name of a callee: `exec` of `a.b.exec!`, `execHostCmd` of `execHostCmd`. */
export function calleeName(call: TSESTree.CallExpression): string | undefined {
  let callee: Node = call.callee;
  while (callee.type === "TSNonNullExpression") callee = callee.expression;
  if (callee.type === "MemberExpression") return propertyName(callee);
  return callee.type === "Identifier" ? callee.name : undefined;
}

function unwrapCallee(call: TSESTree.CallExpression): Node {
  let callee: Node = call.callee;
  while (callee.type === "TSNonNullExpression") callee = callee.expression;
  return callee;
}

const DISTINCTIVE_LAST_SEGMENTS = new Set(DEPRECATIONS.filter((row) => row.distinctive).map((row) => row.id.split(".").at(-1)!));

/** Each rule, and the codemod's passes, ask this of the same calls: answered once per file. */
export const findV0CallSite = perFile((call: TSESTree.CallExpression, file: EngineFile): V0CallSite | null => {
  for (const row of ROWS_BY_LAST_SEGMENT.get(calleeName(call) ?? "") ?? []) {
    const site = matchRow(row, call, file);
    if (site) return site;
  }
  return null;
});

function matchRow(row: Deprecation, call: TSESTree.CallExpression, file: EngineFile): V0CallSite | null {
  const names = row.id.split(".");
  const text = (node: Node): string => file.source.slice(node.range[0], node.range[1]);
  const chain = memberChain(unwrapCallee(call), names.length);
  if (!chain) return null;
  // Attached: R.backend.get(…) — every segment is a member name.
  if (chain.object) {
    if (!chain.segments.every((segment, i) => segment.name === names[i])) return null;
    const receiverKind = classifyClient(chain.object, file);
    if (receiverKind === "not-client") return null;
    // Before: const copy = { ...window.ddClient, execHostCmd: run };  copy.execHostCmd(…)  — the copy's own.
    if (receiverKind === "unknown" && copiedMemberKind(chain.object, names[0]!, file, (value) => classifyClient(value, file)) === "not-client") return null;
    if (receiverKind === "unknown" && !row.distinctive && !unknownClientTexts(file).has(text(chain.object))) return null;
    return { row, call, ...chain, receiverKind, receiverText: text(chain.object), receiverNode: chain.object };
  }
  // Destructured: const { backend } = client; backend.get(…)   or   const { execHostCmd } = client; execHostCmd(…)
  if (!chain.segments.slice(1).every((segment, i) => segment.name === names[i + 1])) return null;
  const local = chain.segments[0]!;
  const client = detachedFrom(file.resolve(call, local.name), names[0]!);
  if (!client) return null;
  const receiverKind = classifyClient(client, file);
  if (receiverKind === "not-client" || (receiverKind === "unknown" && !row.distinctive)) return null;
  // Before: const { backend } = window.ddClient; backend.get(…); keep(backend)  — rewriting the
  // calls would leave the piece half used: every use must be a call, else all are reported.
  const detachedClientText = everyUseIsACall(local, file) ? clientTextAtCall(client, call, file) : null;
  return { row, call, ...chain, receiverKind, receiverText: text(client), detachedClientText };
}

/** Each reference to the piece's local name is the start of a call (`backend.get(…)`, `execHostCmd(…)`). */
function everyUseIsACall(local: TSESTree.Identifier, file: EngineFile): boolean {
  const declaration = file.declarationAt(local, local.name);
  if (!declaration) return false;
  const skipWrappers = (node: Node): Node => {
    let current = node;
    while (current.parent && (current.parent.type === "TSNonNullExpression" || current.parent.type === "ChainExpression")) current = current.parent;
    return current;
  };
  return file.references(declaration).every((ref) => {
    const used = skipWrappers(ref.identifier);
    const parent = used.parent;
    if (parent?.type === "CallExpression") return parent.callee === used;
    if (parent?.type !== "MemberExpression" || parent.object !== used || parent.computed) return false;
    const member = skipWrappers(parent);
    return member.parent?.type === "CallExpression" && member.parent.callee === member;
  });
}

/**
 * The client a v0 member was taken off: `const { backend } = client`, or the alias
 * `const backend = client.backend` (a constant, so it is that member at every call).
 */
function detachedFrom(binding: Binding, member: string): Node | null {
  if (!V0_ROOT_MEMBERS.has(member)) return null;
  if (binding.kind === "destructured") return binding.property === member ? binding.init : null;
  if (binding.kind !== "variable" || !binding.constant || binding.ambient || !binding.init) return null;
  const init = binding.init.type === "ChainExpression" ? binding.init.expression : binding.init;
  return init.type === "MemberExpression" && !init.computed && propertyName(init) === member ? init.object : null;
}

/**
 * Receivers the file calls a distinctive v0 member on (`getClient().execHostCmd(…)`) without
 * the engine proving them the client: there, `getClient().backend.post(…)` is no lookalike, and
 * is reported alongside rather than left unmentioned.
 */
const UNKNOWN_CLIENT_TEXTS = Symbol("unknown client texts");
function unknownClientTexts(file: EngineFile): ReadonlySet<string> {
  let texts = file.answers.get(UNKNOWN_CLIENT_TEXTS) as Set<string> | undefined;
  if (texts) return texts;
  // Set before it is filled: a lookup made while filling it sees the receivers found so far.
  file.answers.set(UNKNOWN_CLIENT_TEXTS, (texts = new Set()));
  for (const call of file.index.calls) {
    const site = DISTINCTIVE_LAST_SEGMENTS.has(calleeName(call) ?? "") ? findV0CallSite(call, file) : null;
    if (site?.receiverKind === "unknown" && site.row.distinctive && site.receiverNode) texts.add(site.receiverText);
  }
  return texts;
}

/** The destructured client's text, when writing it at the call means the same value. */
function clientTextAtCall(init: Node, call: Node, file: EngineFile): string | null {
  const text = file.source.slice(init.range[0], init.range[1]);
  const node = init.type === "ChainExpression" ? init.expression : init;
  if (node.type === "MemberExpression" && node.object.type === "Identifier") {
    return file.resolve(call, node.object.name).kind === "global" ? text : null;
  }
  if (node.type === "Identifier") return file.declarationAt(call, node.name) === file.declarationAt(init, node.name) ? text : null;
  return null;
}

export function describeMemberPath(site: V0CallSite, source: string): MemberPathDescription {
  const [first, second] = site.segments;
  return {
    segments: site.segments.map((segment) => ({ start: segment.range[0], end: segment.range[1] })),
    optionalAfter: site.optionalAfter,
    nonNullAfter: site.nonNullAfter,
    ...(second ? { connectorAfterFirst: source.slice(first!.range[1], second.range[0]) } : {}),
    optionalCall: site.call.optional,
    ...(site.detachedClientText !== undefined ? { detachedClientText: site.detachedClientText } : {}),
  };
}

/** 1-based line and column of the first segment, as the codemod reports it. */
export function positionOf(site: V0CallSite): Position {
  const { line, column } = site.segments[0]!.loc.start;
  return { line, column: column + 1 };
}

