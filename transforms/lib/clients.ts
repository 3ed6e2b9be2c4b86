/**
 * Is this expression the Docker Desktop client? Scope-aware: `window` must be the global,
 * `ddClient` must not be shadowed, aliases are followed to their initialiser.
 *
 * Recognised: window.ddClient, globalThis.ddClient, self.ddClient, window["ddClient"],
 * (window as any).ddClient, a bare global ddClient (or an ambient `declare const ddClient`),
 * constants bound to any of these or to createDockerDesktopClient(), through any cast; and as
 * projects hold it: imports from a client module (or any import named `ddClient`), hooks
 * returning it (`useDockerDesktopClient()`, a local function returning a client), parameters
 * typed `…DockerDesktopClient` or named `ddClient`, and class fields (`this.ddClient`).
 */
import type { ReceiverKind } from "../../core/call-site.js";
import { resolveClientModule, type ClientModules } from "./client-modules.js";
import type { NodePath, Reassignments } from "./scope.js";
import { isFunctionNode, resolveBinding, unwrapExpression } from "./scope.js";

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);
const CLIENT_PACKAGE = "@docker/extension-api-client";
/** The conventional names: a binding called `ddClient`, a hook called `useDockerDesktopClient`. */
const CLIENT_NAME = "ddClient";
const CLIENT_HOOK = /^use(?:DockerDesktop|DD|Dd)Client$/;

export interface ClientContext {
  readonly filePath: string;
  readonly clientModules?: ClientModules;
}

export function propertyName(node: any): string | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  return node.property.type === "StringLiteral" ? node.property.value : undefined;
}

export function isMemberNode(node: any): boolean {
  return node.type === "MemberExpression" || node.type === "OptionalMemberExpression";
}

export class ClientRecognizer {
  constructor(
    private readonly reassignments: Reassignments,
    private readonly context: ClientContext = { filePath: "" },
  ) {}

  classify(path: NodePath, depth = 0): ReceiverKind {
    if (depth > 8) return "unknown";
    const inner = unwrapExpression(path);
    const node = inner.node;
    if (isMemberNode(node)) {
      const object = unwrapExpression(inner.get("object")).node;
      if (object.type === "ThisExpression") return this.classifyClassField(inner, propertyName(node), depth);
      if (propertyName(node) !== "ddClient") return "unknown";
      if (object.type === "Identifier" && GLOBAL_OBJECTS.has(object.name)) {
        return resolveBinding(inner, object.name, this.reassignments).kind === "global" ? "client" : "unknown";
      }
      return "unknown";
    }
    if (node.type === "Identifier") return this.classifyIdentifier(inner, node.name, depth);
    if (node.type === "CallExpression") return this.classifyCall(inner, depth);
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
      case "import": {
        const module = resolveClientModule(binding.source, this.context.filePath, this.context.clientModules);
        if (module && (module.all || module.names.includes(binding.imported))) return "client";
        return name === CLIENT_NAME ? "client" : "unknown";
      }
      case "parameter": {
        // Before: function Panel({ ddClient }: Props)  — destructured parameters are not followed.
        const param = binding.fn.node.params[binding.index];
        const id = param?.type === "AssignmentPattern" ? param.left : param;
        if (id?.type === "Identifier" && isClientType(id.typeAnnotation?.typeAnnotation)) return "client";
        return name === CLIENT_NAME && !this.reassignments.isReassigned(name, binding.scope) ? "client" : "unknown";
      }
      default:
        return "unknown";
    }
  }

  /** `createDockerDesktopClient()`, `useDockerDesktopClient()`, an imported hook of a client module, a local function returning the client. */
  private classifyCall(path: NodePath, depth: number): ReceiverKind {
    if (this.isClientFactoryCall(path)) return "client";
    const callee = path.node.callee;
    if (callee.type !== "Identifier" || path.node.arguments.length > 0) return "unknown";
    if (CLIENT_HOOK.test(callee.name)) return "client";
    const binding = resolveBinding(path, callee.name, this.reassignments);
    if (binding.kind === "import") {
      const module = resolveClientModule(binding.source, this.context.filePath, this.context.clientModules);
      return module && (module.all || module.hooks.includes(binding.imported)) ? "client" : "unknown";
    }
    const fn = binding.kind === "function" ? binding.fn : binding.kind === "variable" && binding.constant && binding.init && isFunctionNode(binding.init.node) ? binding.init : null;
    return fn && this.returnsClient(fn, depth) ? "client" : "unknown";
  }

  /** Every `return` of the function (or its expression body) is the client. */
  returnsClient(fn: NodePath, depth = 0): boolean {
    const body = fn.get("body");
    if (body.node.type !== "BlockStatement") return this.classify(body, depth + 1) === "client";
    const returns: NodePath[] = [];
    (body.node.body as any[]).forEach((statement, i) => {
      if (statement.type === "ReturnStatement" && statement.argument) returns.push(body.get("body", i, "argument"));
    });
    return returns.length > 0 && returns.every((ret) => this.classify(ret, depth + 1) === "client");
  }

  /** `this.ddClient` where the enclosing class declares the field as the client (initialised or typed). */
  private classifyClassField(path: NodePath, name: string | undefined, depth: number): ReceiverKind {
    if (!name) return "unknown";
    let current: NodePath | null = path.parent;
    while (current && current.node.type !== "ClassBody") {
      if (current.node.type === "FunctionExpression" || current.node.type === "FunctionDeclaration") return "unknown";
      current = current.parent;
    }
    if (!current) return "unknown";
    for (const [i, member] of (current.node.body as any[]).entries()) {
      if (member.type === "ClassProperty" && !member.computed && member.key.name === name) {
        if (member.value) return this.classify(current.get("body", i, "value"), depth + 1);
        return isClientType(member.typeAnnotation?.typeAnnotation) ? "client" : "unknown";
      }
      // constructor(private readonly ddClient: v1Hybrid.DockerDesktopClient)
      if (member.type === "ClassMethod" && member.kind === "constructor") {
        const prop = member.params.find((p: any) => p.type === "TSParameterProperty" && p.parameter.type === "Identifier" && p.parameter.name === name);
        if (prop) return isClientType(prop.parameter.typeAnnotation?.typeAnnotation) ? "client" : "unknown";
      }
    }
    return "unknown";
  }

  /** `createDockerDesktopClient()`, imported from the client package or an unshadowed global. */
  private isClientFactoryCall(path: NodePath): boolean {
    const callee = path.node.callee;
    if (callee.type !== "Identifier" || callee.name !== "createDockerDesktopClient") return false;
    const binding = resolveBinding(path, callee.name, this.reassignments);
    return binding.kind === "global" || (binding.kind === "import" && binding.source === CLIENT_PACKAGE);
  }
}

/** `DockerDesktopClient`, `v1.DockerDesktopClient`, `v1Hybrid.DockerDesktopClient`, … */
function isClientType(type: any): boolean {
  if (type?.type !== "TSTypeReference") return false;
  const name = type.typeName.type === "Identifier" ? type.typeName.name : type.typeName.right?.name;
  return name === "DockerDesktopClient";
}
