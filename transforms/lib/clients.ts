/**
 * Is this expression the Docker Desktop client? Scope-aware: `window` must be the global,
 * `ddClient` must not be shadowed, aliases are followed to their initialiser.
 *
 * Recognised: window.ddClient, globalThis.ddClient, self.ddClient, window["ddClient"],
 * (window as any).ddClient, a bare global ddClient (or an ambient `declare const ddClient`),
 * constants bound to any of these or to createDockerDesktopClient(), through any cast.
 */
import type { NodePath, Reassignments } from "./scope.js";
import { resolveBinding, unwrapExpression } from "./scope.js";

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);
const CLIENT_PACKAGE = "@docker/extension-api-client";

import type { ReceiverKind } from "../../core/call-site.js";

export function propertyName(node: any): string | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  return node.property.type === "StringLiteral" ? node.property.value : undefined;
}

export function isMemberNode(node: any): boolean {
  return node.type === "MemberExpression" || node.type === "OptionalMemberExpression";
}

export class ClientRecognizer {
  constructor(private readonly reassignments: Reassignments) {}

  classify(path: NodePath, depth = 0): ReceiverKind {
    if (depth > 8) return "unknown";
    const inner = unwrapExpression(path);
    const node = inner.node;
    if (isMemberNode(node)) {
      if (propertyName(node) !== "ddClient") return "unknown";
      const object = unwrapExpression(inner.get("object")).node;
      if (object.type === "Identifier" && GLOBAL_OBJECTS.has(object.name)) {
        return resolveBinding(inner, object.name, this.reassignments).kind === "global" ? "client" : "unknown";
      }
      return "unknown";
    }
    if (node.type === "Identifier") return this.classifyIdentifier(inner, node.name, depth);
    if (node.type === "CallExpression") return this.isClientFactoryCall(inner) ? "client" : "unknown";
    if (["ObjectExpression", "NewExpression", "ArrayExpression", "StringLiteral", "NumericLiteral", "TemplateLiteral", "ArrowFunctionExpression", "FunctionExpression", "ClassExpression"].includes(node.type)) {
      return "not-client";
    }
    return "unknown";
  }

  private classifyIdentifier(path: NodePath, name: string, depth: number): ReceiverKind {
    const binding = resolveBinding(path, name, this.reassignments);
    switch (binding.kind) {
      case "global":
        return name === "ddClient" ? "client" : "unknown";
      case "variable":
        if (binding.ambient) return name === "ddClient" ? "client" : "unknown";
        if (!binding.constant || !binding.init) return "unknown";
        return this.classify(binding.init, depth + 1);
      case "function":
        return "not-client";
      default:
        return "unknown";
    }
  }

  /** `createDockerDesktopClient()`, imported from the client package or an unshadowed global. */
  private isClientFactoryCall(path: NodePath): boolean {
    const callee = path.node.callee;
    if (callee.type !== "Identifier" || callee.name !== "createDockerDesktopClient") return false;
    const binding = resolveBinding(path, callee.name, this.reassignments);
    return binding.kind === "global" || (binding.kind === "import" && binding.source === CLIENT_PACKAGE);
  }
}
