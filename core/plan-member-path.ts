/**
 * Rewrites the v0 member path of a call into the v1 path, editing only the member names so
 * that line breaks, comments and the receiver stay as written.
 *
 * Before: window.ddClient          After: window.ddClient
 *           .backend!                        .extension.vm!.service!
 *           .get("/x")                       .get("/x")
 *
 * TypeScript keeps the input's null handling (`backend?.get` → `extension.vm?.service?.get`)
 * and otherwise asserts the optional v1 members (`extension.host!.cli.exec`), never a silent
 * `?.`. JavaScript gets plain member access, and the same `?.` where the input had one.
 */
import { v1Segments, type Deprecation } from "../deprecations/table.js";
import type { Language, MemberPathDescription } from "./call-site.js";
import type { Edit } from "./report.js";

function joinSegments(segments: ReturnType<typeof v1Segments>, language: Language, optionalChain: boolean, assertLast: boolean): string {
  return segments
    .map((segment, i) => {
      const isLast = i === segments.length - 1;
      if (!segment.optional) return segment.name;
      if (isLast) return assertLast && language === "ts" ? `${segment.name}!` : segment.name;
      if (optionalChain) return `${segment.name}?`;
      return language === "ts" ? `${segment.name}!` : segment.name;
    })
    .join(".");
}

export function planMemberPath(row: Deprecation, path: MemberPathDescription, language: Language): Edit[] {
  const v1 = v1Segments(row);
  const [first, second] = path.segments;
  const prefix = path.detachedClientText ? `${path.detachedClientText}.` : "";
  const names = row.id.split(".");
  if (!second) {
    // Before: R.execHostCmd(line)   After: R.extension.host!.cli.exec(cmd, args)
    const optionalChain = path.optionalCall;
    return [{ start: first!.start, end: first!.end, text: prefix + joinSegments(v1, language, optionalChain, false) }];
  }
  // Before: R.backend.get(url)   After: R.extension.vm!.service!.get(url)
  const group = v1.slice(0, -1);
  const optionalChain = path.optionalAfter[0] === true;
  const keptConnectorHandlesNull = optionalChain || path.nonNullAfter[0] === true;
  const edits: Edit[] = [{ start: first!.start, end: first!.end, text: prefix + joinSegments(group, language, optionalChain, !keptConnectorHandlesNull) }];
  // Before: backend!.execInVMExtension   After: extension.vm!.cli.exec   (`cli` is never undefined: the
  // input's `!` or `?.` belongs on `vm`, already written above, not after `cli`)
  const connector = { start: first!.end, end: second.start };
  const connectorText = path.connectorAfterFirst ?? "";
  if (language === "ts" && keptConnectorHandlesNull && !group.at(-1)!.optional && !/\/[/*]/.test(connectorText)) {
    edits.push({ ...connector, text: connectorText.replace(/!/g, "").replace("?.", ".") });
  }
  const lastName = v1.at(-1)!.name;
  if (names[1] !== lastName) edits.push({ start: second.start, end: second.end, text: lastName });
  return edits;
}
