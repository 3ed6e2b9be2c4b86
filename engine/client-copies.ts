/**
 * Copies of the client made with an object spread: `const copy = { ...window.ddClient }`. The
 * copy holds the client's own enumerable members, so a v0 member called on it is a v0 use; but
 * it is not the client (what the client keeps elsewhere, a v1 namespace on its prototype, is
 * not copied), so no rewrite onto it is sure to work at run time: engine/clients calls it
 * `unknown`, never `client`; the closing sweep (engine/sweep) reports every member used on a copy
 * of the client, not only the distinctive ones; and a member the copy replaces with a property of
 * its own is no v0 use (engine/call-sites, engine/sweep).
 */
import type { ReceiverKind } from "../core/call-site.js";
import { unwrapExpression, type Node, type TSESTree } from "./ast.js";
import type { Classify } from "./client-holders.js";
import type { EngineFile } from "./file.js";

/**
 * An object literal that spreads a value: `unknown` when a spread may be the client (the copy
 * may hold its members), `not-client` when none can. Its own properties are the project's.
 */
export function classifyObjectLiteral(object: TSESTree.ObjectExpression, classify: Classify): ReceiverKind {
  const spreads = object.properties.flatMap((p) => (p.type === "SpreadElement" ? [p.argument] : []));
  return spreads.some((spread) => classify(spread) !== "not-client") ? "unknown" : "not-client";
}

/**
 * Where member `name` of `receiver` comes from, when `receiver` is (or is a constant holding) an
 * object literal: `client` when a spread of the client may supply it, `not-client` when a
 * property of the copy's own replaces it or no spread can be the client; undefined for any
 * other receiver.
 *
 * Before: const copy = { ...window.ddClient };  copy.navigateToContainers();
 */
export function copiedMemberKind(receiver: Node, name: string, file: EngineFile, classify: Classify): ReceiverKind | undefined {
  const object = objectLiteralOf(receiver, file);
  if (!object) return undefined;
  let kinds = new Set<ReceiverKind>();
  for (const property of object.properties) {
    if (property.type === "SpreadElement") kinds.add(classify(property.argument));
    // A property of its own named `name` after a spread replaces the copied one.
    else if ((!property.computed || property.key.type === "Literal") && ownKey(property.key) === name) kinds = new Set();
  }
  return kinds.has("client") ? "client" : kinds.has("unknown") ? "unknown" : "not-client";
}

/** The object literal a receiver stands for: itself, or the initialiser of a constant never reassigned. */
function objectLiteralOf(receiver: Node, file: EngineFile): TSESTree.ObjectExpression | null {
  const inner = unwrapExpression(receiver);
  if (inner.type === "ObjectExpression") return inner;
  if (inner.type !== "Identifier") return null;
  const binding = file.resolve(inner, inner.name);
  if (binding.kind !== "variable" || !binding.constant || !binding.init) return null;
  const init = unwrapExpression(binding.init);
  return init.type === "ObjectExpression" ? init : null;
}

function ownKey(key: Node): string | undefined {
  return key.type === "Identifier" ? key.name : key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}
