/**
 * A matched v0 call as core's CallSiteDescription, plain data that core/plan-call-site turns
 * into the edits (the codemod applies them, the lint rule offers them as its fix) and the finding.
 */
import type { CallSiteDescription, Range } from "../core/call-site.js";
import { parenthesesAround, rangeOf, type Node } from "./ast.js";
import { describeMemberPath, positionOf, type V0CallSite } from "./call-sites.js";
import { TRANSFORM_BY_ID } from "./families/index.js";
import type { EngineFile } from "./file.js";
import { mayBeUntyped } from "./untyped-receiver.js";
import { resultUseOf } from "./value-context.js";

/** `sharedClient`: `--client import`'s module-level client, when its name can be written at this call. */
export function describeCallSite(site: V0CallSite, file: EngineFile, sharedClient?: string): CallSiteDescription {
  const transform = site.row.transform;
  return {
    member: site.row.id,
    at: positionOf(site),
    receiver: {
      kind: site.receiverKind,
      text: site.receiverText,
      ...(site.receiverNode ? { range: withParentheses(site.receiverNode, file.source) } : {}),
      ...(sharedClient !== undefined ? { replacement: sharedClient } : {}),
      ...(site.receiverNode && file.style.language === "ts" && mayBeUntyped(site.receiverNode, file) ? { untyped: true } : {}),
    },
    path: describeMemberPath(site, file.source),
    args: transform && site.receiverKind === "client" ? TRANSFORM_BY_ID.get(transform)!.describeArguments(site, file) : { shape: "unchanged" },
    callRange: rangeOf(site.call),
    resultUse: resultUseOf(site.call, file.source),
  };
}

/** A node's range with the parentheses around it: `(client as any)` is replaced whole. */
function withParentheses(node: Node, source: string): Range {
  let range = { start: node.range[0], end: node.range[1] };
  for (let parens = parenthesesAround(range.start, range.end, source); parens; parens = parenthesesAround(range.start, range.end, source)) {
    range = { start: parens[0], end: parens[1] + 1 };
  }
  return range;
}
