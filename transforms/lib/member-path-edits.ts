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
 * `?.`. JavaScript gets plain member access.
 */
import { v1Segments } from "../../deprecations/table.js";
import type { Edit } from "../../core/report.js";
import type { V0CallSite } from "./call-sites.js";
import type { Language } from "./parse.js";

function joinSegments(segments: ReturnType<typeof v1Segments>, language: Language, optionalChain: boolean, assertLast: boolean): string {
  return segments
    .map((segment, i) => {
      const isLast = i === segments.length - 1;
      if (!segment.optional || language === "js") return segment.name;
      if (isLast) return assertLast ? `${segment.name}!` : segment.name;
      return optionalChain ? `${segment.name}?` : `${segment.name}!`;
    })
    .join(".");
}

export function memberPathEdits(site: V0CallSite, language: Language): Edit[] {
  const v1 = v1Segments(site.row);
  const [first, second] = site.segments;
  const prefix = site.detachedClientText ? `${site.detachedClientText}.` : "";
  if (!second) {
    // Before: R.execHostCmd(line)   After: R.extension.host!.cli.exec(cmd, args)
    const optionalChain = site.call.node.optional === true;
    return [{ start: first!.start, end: first!.end, text: prefix + joinSegments(v1, language, optionalChain, false) }];
  }
  // Before: R.backend.get(url)   After: R.extension.vm!.service!.get(url)
  const group = v1.slice(0, -1);
  const optionalChain = site.optionalAfter[0] === true;
  const keptConnectorHandlesNull = optionalChain || site.nonNullAfter[0] === true;
  const edits: Edit[] = [{ start: first!.start, end: first!.end, text: prefix + joinSegments(group, language, optionalChain, !keptConnectorHandlesNull) }];
  // Before: backend!.execInVMExtension   After: extension.vm!.cli.exec   (`cli` is never undefined: the
  // input's `!` or `?.` belongs on `vm`, already written above, not after `cli`)
  const connector = { start: first!.end, end: second.start };
  const connectorText = site.source.slice(connector.start, connector.end);
  if (language === "ts" && keptConnectorHandlesNull && !group.at(-1)!.optional && !/\/[/*]/.test(connectorText)) {
    edits.push({ ...connector, text: connectorText.replace(/!/g, "").replace("?.", ".") });
  }
  const lastName = v1.at(-1)!.name;
  if (second.name !== lastName) edits.push({ start: second.start, end: second.end, text: lastName });
  return edits;
}
