/**
 * The v1 shape of a hand-written typing's members, as text: which v1 member each migrated v0
 * member becomes, with the project's own parameter and result types kept where v1 takes the
 * same arguments, so what was typed stays typed.
 *
 * Before: execHostCmd: (command: string) => Promise<CommandOutput>
 * After:  extension: { host?: { cli: { exec: (cmd: string, args: string[]) => Promise<CommandOutput> } } }
 */
import { findDeprecation, v1Segments, type Deprecation } from "../deprecations/table.js";

/** A member of the hand-written type, as the engine read it (engine/typings). */
export interface TypedMember {
  readonly name: string;
  readonly optional: boolean;
  /** `method` is `name(…): R`, `function` is `name: (…) => R`; `other` is any other type (`any`, a named type). */
  readonly form: "method" | "function" | "other";
  /** `(command: string)`; empty for `other`. */
  readonly params: string;
  /** The result type text (`Promise<Container[]>`), or the whole type for `other`. */
  readonly type: string;
}

/** A node of the v1 tree being built: a nested literal, or the signatures of a leaf. */
export interface ShapeNode {
  optional: boolean;
  readonly children: Map<string, ShapeNode>;
  readonly signatures: string[];
}

/** v1's stream options and process, as `@docker/extension-api-client-types` declares them. */
const STREAM_OPTIONS =
  "options: { stream: { onOutput?: (data: { stdout: string; stderr?: undefined } | { stdout?: undefined; stderr: string }) => void; onError?: (error: any) => void; onClose?: (exitCode: number) => void; readonly splitOutputLines?: boolean } }";
const EXEC_PARAMS = "(cmd: string, args: string[])";

/** Results a v1 `Promise<unknown>` does not weaken: nothing was typed there. */
const UNTYPED_RESULTS = new Set(["Promise<unknown>", "Promise<any>", "Promise<void>", "unknown", "any", "void"]);

/** Adds the v1 counterpart of the v0 member `id`, typed as `member` was, to `root`. */
export function addV1Member(root: ShapeNode, id: string, member: TypedMember): void {
  const row = findDeprecation(id);
  if (!row || row.kind === "no-counterpart") return;
  const segments = v1Segments(row);
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    let child = node.children.get(segment.name);
    if (!child) node.children.set(segment.name, (child = emptyShape(segment.optional)));
    node = child;
  }
  const name = segments.at(-1)!.name;
  let leaf = node.children.get(name);
  if (!leaf) node.children.set(name, (leaf = emptyShape(member.optional)));
  for (const signature of signaturesOf(row, member)) if (!leaf.signatures.includes(signature)) leaf.signatures.push(signature);
}

export function emptyShape(optional = false): ShapeNode {
  return { optional, children: new Map(), signatures: [] };
}

/** `listContainers: () => Promise<Container[]>` whose v1 result is `Promise<unknown>`: the v1 types lose it. */
export function weakerInV1(id: string, member: TypedMember): boolean {
  const row = findDeprecation(id);
  if (!row || row.kind !== "receiver" || row.returns.v1 === "void" || member.form === "other") return false;
  return !UNTYPED_RESULTS.has(member.type.replace(/\s+/g, ""));
}

/**
 * The leaf's signatures in method form, `(…): R`; a member typed otherwise (`any`, a named type)
 * gives `: T`, its type as a property. renderLeaf writes them.
 */
function signaturesOf(row: Deprecation, member: TypedMember): string[] {
  switch (row.kind) {
    case "command-line":
    case "docker-rest":
    case "container-exec":
      return [`${EXEC_PARAMS}:${member.form === "other" ? " Promise<any>" : ` ${member.type}`}`];
    case "spawn":
      return [`(cmd: string, args: string[], ${STREAM_OPTIONS}): { close(): void }`];
    default: {
      if (member.form === "other") return [`: ${member.type}`];
      const result = row.returns.v1 === "void" || row.returns.v0 === "void" ? row.returns.v1 : member.type;
      return [`${member.params}: ${result}`];
    }
  }
}

/** A leaf's lines: one property `name: (…) => R` when it has one signature and the member was so written, else methods. */
export function renderLeaf(name: string, leaf: ShapeNode, asFunction: boolean): string[] {
  const key = `${name}${leaf.optional ? "?" : ""}`;
  if (leaf.signatures.length === 1 && leaf.signatures[0]!.startsWith(": ")) return [`${key}${leaf.signatures[0]}`];
  if (leaf.signatures.length === 1 && asFunction) {
    const signature = leaf.signatures[0]!;
    const close = closingParen(signature);
    return [`${key}: ${signature.slice(0, close + 1)} =>${signature.slice(close + 2)}`];
  }
  return leaf.signatures.map((signature) => `${key}${signature}`);
}

/** The `)` that closes the parameter list opening `signature`. */
function closingParen(signature: string): number {
  let depth = 0;
  for (let i = 0; i < signature.length; i++) {
    const char = signature[i];
    if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return signature.length - 1;
}
