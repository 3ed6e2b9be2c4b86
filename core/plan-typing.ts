/**
 * Migrates a hand-written typing of the client with the calls that use it. Where
 * `@docker/extension-api-client-types` is installed and types every member as well, the literal
 * becomes the package's v1 client type; otherwise the v0 members the migrated code now reaches through v1 paths move to their
 * v1 shapes (core/typing-shape), v0 members still called stay, and those nothing calls go.
 *
 * Before: ddClient: {
 *           listContainers: () => Promise<Container[]>
 *           execHostCmd: (command: string) => Promise<CommandOutput>
 *           toastError: (error: string) => void
 *         }
 * After:  ddClient: {
 *           docker: {
 *             listContainers: () => Promise<Container[]>
 *           }
 *           extension: {
 *             host?: {
 *               cli: {
 *                 exec: (cmd: string, args: string[]) => Promise<CommandOutput>
 *               }
 *             }
 *           }
 *         }
 */
import { findDeprecation } from "../deprecations/table.js";
import type { Edit, Finding, Position, Review } from "./report.js";
import { addV1Member, emptyShape, renderLeaf, weakerInV1, type ShapeNode, type TypedMember } from "./typing-shape.js";

import { TYPES_PACKAGE } from "../deprecations/messages.js";

/** What the run knows of the project, set by the CLI (transforms/migrate-types `typing`). */
export interface TypingContext {
  /** `@docker/extension-api-client-types` resolves from the file. */
  readonly typesPackage: boolean;
  /** v0 members (table ids: `execHostCmd`, `backend.get`) that the run's other files migrated somewhere. */
  readonly migrated?: readonly string[];
  /** v0 members still called as v0 (left for manual work, or in files that failed). */
  readonly remaining?: readonly string[];
  /**
   * The run saw the project's code besides its typings, so a v0 member none of it calls is
   * called nowhere and goes, on a second run as on the first (cli/typings). Without it, such a
   * member is left, and the typing reported as it is.
   */
  readonly complete?: boolean;
  /** Some calls were answered no in `--interactive` (cli/interactive): with none migrated, the typing is left as it is. */
  readonly skipped?: boolean;
}

export interface LiteralMember extends TypedMember {
  readonly start: number;
  readonly end: number;
  /** The members of its type when that is a literal (`backend: { get(…): … }`). */
  readonly members: readonly LiteralMember[] | null;
}

/** `ddClient: { … }`: the key's position and the literal. */
export interface TypingLiteral {
  readonly at: Position;
  readonly start: number;
  readonly end: number;
  readonly members: readonly LiteralMember[];
}

export interface TypingStyle {
  readonly text: string;
  readonly indentUnit: string;
}

/** The typing's edits and its finding; null when it cannot be migrated here (a v1 member is already typed by hand, or the run did not see the calls). */
export function planTyping(typing: TypingLiteral, context: TypingContext, style: TypingStyle): { edits: Edit[]; finding: Finding | null } | null {
  const migrated = new Set(context.migrated);
  const remaining = new Set(context.remaining);
  const leaves = v0Leaves(typing.members);
  const moved = leaves.filter((leaf) => migrated.has(leaf.id));
  const uncalled = leaves.filter((leaf) => !remaining.has(leaf.id));
  // Every v0 member is still called and none migrated: the typing is right for the calls, which the report lists.
  if (uncalled.length === 0 && moved.length === 0) return { edits: [], finding: null };
  // Nothing migrated, and the run did not see the project's calls (a typing file scanned alone): left, and reported.
  if (moved.length === 0 && !context.complete) return null;
  // On a run that saw the project, a member no call uses as v0 any more (its calls migrated by
  // hand, or by an earlier run) takes its v1 shape with those migrated now.
  const shaped = context.complete ? leaves.filter((leaf) => moved.includes(leaf) || uncalled.includes(leaf)) : moved;
  const weaker = shaped.filter((leaf) => weakerInV1(leaf.id, leaf.member));
  const review: Review[] = context.typesPackage ? weaker.map((leaf) => ({ reason: "weaker-v1-result", data: { member: leaf.id, typed: leaf.member.type } })) : [];

  // The official client, when it types everything as well as the hand-written one did. A v0
  // member still called would be optional there (`backend?`) and a stricter result `unknown`:
  // then the typing stays hand-written, in v1 shape, and the report says why.
  const foreign = typing.members.filter((member) => !findDeprecation(member.name) && !member.members?.some((child) => findDeprecation(`${member.name}.${child.name}`)));
  if (context.typesPackage && foreign.length === 0 && review.length === 0 && !leaves.some((leaf) => remaining.has(leaf.id))) {
    const text = `import("${TYPES_PACKAGE}").v1.DockerDesktopClient`;
    return { edits: [{ start: typing.start, end: typing.end, text }], finding: { kind: "migrated", member: "ddClient", at: typing.at, review: [] } };
  }

  const shapeOf = (from: readonly Leaf[]): ShapeNode => {
    const root = emptyShape();
    for (const leaf of from) addV1Member(root, leaf.id, leaf.member);
    return root;
  };
  const clashes = (root: ShapeNode): boolean => [...root.children.keys()].some((name) => typing.members.some((member) => member.name === name));
  // Where the v1 shape of a member not migrated now would merge into a v1 member typed by hand (an earlier run's), it only goes.
  const inserted = clashes(shapeOf(shaped)) ? moved : shaped;
  const root = shapeOf(inserted);
  // Merging the calls migrated now into a v1 member typed by hand is left to a person.
  if (clashes(root)) return null;
  const edits = removals(typing, leaves, remaining, style.text);
  if (inserted.length > 0) edits.push(insertion(root, Math.min(...inserted.map((leaf) => leaf.top.start)), inserted, style));
  return { edits, finding: { kind: "migrated", member: "ddClient", at: typing.at, review } };
}

interface Leaf {
  readonly id: string;
  readonly member: LiteralMember;
  /** The top-level member holding it: itself, or `backend`. */
  readonly top: LiteralMember;
}

/** `execHostCmd`, `backend.get`…: the members that are rows of the table. */
function v0Leaves(members: readonly LiteralMember[]): Leaf[] {
  return members.flatMap((member) => {
    if (findDeprecation(member.name)) return [{ id: member.name, member, top: member }];
    return (member.members ?? []).flatMap((child) => (findDeprecation(`${member.name}.${child.name}`) ? [{ id: `${member.name}.${child.name}`, member: child, top: member }] : []));
  });
}

/** Every v0 member not called as v0 any more goes, and a group (`backend`) with nothing left in it. */
function removals(typing: TypingLiteral, leaves: readonly Leaf[], remaining: ReadonlySet<string>, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const member of typing.members) {
    const own = leaves.filter((leaf) => leaf.top === member);
    if (own.length === 0 || own.every((leaf) => remaining.has(leaf.id))) continue;
    const kept = own.filter((leaf) => remaining.has(leaf.id));
    const others = member.members ? member.members.length - own.length : 0;
    if (kept.length === 0 && others === 0) edits.push(removalOf(member, text));
    else for (const leaf of own) if (leaf.member !== member && !remaining.has(leaf.id)) edits.push(removalOf(leaf.member, text));
  }
  return edits;
}

/** The member, its separator and what follows it on its line; whole lines when it stands alone. */
function removalOf(member: { start: number; end: number }, text: string): Edit {
  const tail = /^[ \t]*[;,]?[ \t]*(?:\/\/[^\n]*|\/\*.*?\*\/[ \t]*)?/.exec(text.slice(member.end))![0];
  const end = member.end + tail.length;
  const lineStart = text.lastIndexOf("\n", member.start - 1) + 1;
  if (!text.slice(lineStart, member.start).trim() && /^\r?\n/.test(text.slice(end))) {
    return { start: lineStart, end: end + (text[end] === "\r" ? 2 : 1), text: "" };
  }
  return { start: member.start, end, text: "" };
}

/** The v1 members, written where the first moved member stood, in its indentation and separator style. */
function insertion(root: ShapeNode, at: number, moved: readonly Leaf[], style: TypingStyle): Edit {
  const { text } = style;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const sample = moved[0]!.member;
  const separator = /^[ \t]*([;,])/.exec(text.slice(sample.end))?.[1] ?? (/[;,]$/.test(text.slice(sample.start, sample.end)) ? text[sample.end - 1]! : "");
  const asFunction = moved.every((leaf) => leaf.member.form !== "method");
  const comments = new Map(moved.flatMap((leaf) => trailingComment(leaf, text)));
  const lines: string[] = [];
  const render = (node: ShapeNode, depth: number, path: string): void => {
    for (const [name, child] of node.children) {
      const pad = indent + style.indentUnit.repeat(depth);
      if (child.signatures.length > 0) {
        for (const line of renderLeaf(name, child, asFunction)) lines.push(`${pad}${line}${separator}${comments.get(`${path}${name}`) ?? ""}`);
        continue;
      }
      lines.push(`${pad}${name}${child.optional ? "?" : ""}: {`);
      render(child, depth + 1, `${path}${name}.`);
      lines.push(`${pad}}${separator}`);
    }
  };
  render(root, 0, "");
  // On a line of its own the block takes whole lines; inline, it goes before the member.
  const ownLine = !text.slice(lineStart, at).trim();
  return ownLine ? { start: lineStart, end: lineStart, text: lines.join("\n") + "\n" } : { start: at, end: at, text: lines.map((line) => line.trim()).join(" ") + (separator ? " " : "; ") };
}

/** ` // TODO: …` after a moved member, keyed by its v1 path, so the note moves with it. */
function trailingComment(leaf: Leaf, text: string): [string, string][] {
  const lineEnd = text.indexOf("\n", leaf.member.end);
  const comment = /^[ \t]*[;,]?([ \t]*)(\/\/.*?)\r?$/.exec(text.slice(leaf.member.end, lineEnd < 0 ? undefined : lineEnd));
  return comment ? [[findDeprecation(leaf.id)!.v1.replace(/\?/g, ""), (comment[1] || " ") + comment[2]]] : [];
}
