/**
 * A hand-written v0 shape of the client (`interface Window { ddClient: { execHostCmd(…): … } }`,
 * `declare const ddClient: { toastSuccess(…): void }`) that is not migrated here (the lint rule,
 * a file alone): migrated calls will not typecheck against it, so it is reported with what to
 * install, the one-line global declaration, and the results the v1 types would weaken.
 */
import { TYPES_PACKAGE } from "../deprecations/messages.js";
import { findDeprecation } from "../deprecations/table.js";
import type { TypingLiteral } from "./plan-typing.js";
import type { Finding } from "./report.js";
import { weakerInV1 } from "./typing-shape.js";

/** The client type that keeps v0 members left for manual work typed next to the v1 ones. */
const REPLACEMENT = "v1Hybrid.DockerDesktopClient";
const DECLARATION = `interface Window { ddClient: import("${TYPES_PACKAGE}").${REPLACEMENT} }`;

/** The finding for `ddClient: { … }` when the literal has v0 members; null otherwise. */
export function handWrittenTypingFinding(typing: TypingLiteral): Finding | null {
  const members: string[] = [];
  const weaker: string[] = [];
  for (const member of typing.members) {
    const ids = findDeprecation(member.name) ? [[member.name, member] as const] : (member.members ?? []).map((child) => [`${member.name}.${child.name}`, child] as const);
    for (const [id, typed] of ids) {
      if (!findDeprecation(id)) continue;
      if (!members.includes(member.name)) members.push(member.name);
      if (weakerInV1(id, typed)) weaker.push(`\`${id}\` (\`${typed.type}\`)`);
    }
  }
  if (members.length === 0) return null;
  return {
    kind: "manual",
    member: "ddClient",
    at: typing.at,
    reason: "hand-written-v0-typing",
    data: { members: members.join(", "), replacement: REPLACEMENT, declaration: DECLARATION, ...(weaker.length ? { weaker: weaker.join(", ") } : {}) },
  };
}
