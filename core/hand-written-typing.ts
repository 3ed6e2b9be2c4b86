/**
 * A hand-written v0 shape of the client (`interface Window { ddClient: { execHostCmd(…): … } }`,
 * `declare const ddClient: { toastSuccess(…): void }`): migrated calls will not typecheck against
 * it, so it is reported with the official type to use instead. TypeScript's type nodes have the
 * same shape in Babel and typescript-estree, which is all this reads.
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import type { Finding } from "./report.js";

interface KeyNode {
  readonly type: string;
  readonly name?: string;
  readonly loc: { readonly start: { readonly line: number; readonly column: number } };
}

interface TypeNode {
  readonly type: string;
  readonly members?: readonly { readonly key?: { readonly name?: string } }[];
}

/** The finding for `ddClient: <type>` when the type is a literal with v0 members; null otherwise. */
export function handWrittenTypingFinding(key: KeyNode | undefined, type: TypeNode | undefined): Finding | null {
  if (key?.type !== "Identifier" || key.name !== "ddClient" || type?.type !== "TSTypeLiteral") return null;
  const members = (type.members ?? []).map((member) => member.key?.name).filter((name): name is string => name !== undefined && V0_ROOT_MEMBERS.has(name));
  if (members.length === 0) return null;
  return {
    kind: "manual",
    member: "ddClient",
    at: { line: key.loc.start.line, column: key.loc.start.column + 1 },
    reason: "hand-written-v0-typing",
    data: { members: members.join(", "), replacement: "v1Hybrid.DockerDesktopClient" },
  };
}
