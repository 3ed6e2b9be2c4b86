/**
 * Is this expression the Docker Desktop client? Known by where its value comes from, never by
 * its name: `window` must be the global, `ddClient` must not be shadowed, constants are
 * followed to their initialiser.
 *
 * Recognised: window.ddClient, globalThis.ddClient, self.ddClient, window["ddClient"],
 * (window as any).ddClient, a bare global ddClient (or an ambient `declare const ddClient`),
 * constants bound to any of these or to createDockerDesktopClient(), through any cast; and as
 * projects hold it: the exports of client modules (the CLI's pre-pass over the project,
 * `--client-module`, the ESLint setting and the modules the lint rule reads) through a named,
 * default or namespace import, the compat layer (`createCompatClient()`, `withLegacyApi(…)`,
 * `withModernApi(…)`), hooks returning it (a local function returning a client, an imported
 * hook of a client module), parameters typed `…DockerDesktopClient` or passed the client by
 * every caller in view, and class fields the class assigns only the client (`this.ddClient`).
 *
 * Not the client: an export of a module that was read and holds something else
 * (`import { offline as ddClient } from "./client"`), a value typed with a project's own type,
 * an object literal (one that spreads the client is a copy, `unknown`: engine/client-copies),
 * the call of a function (local, or a read module's) whose every return is something else,
 * whatever its name (`const withLegacyApi = (host) => offline`), and a parameter every caller
 * in view passes something else.
 */
import type { ReceiverKind } from "../core/call-site.js";
import { importedKind, resolveClientModule } from "../core/client-modules.js";
import { isFunctionNode, isStringOrNumber, propertyName, unwrapExpression, type Node, type TSESTree } from "./ast.js";
import { classifyObjectLiteral } from "./client-copies.js";
import { classifyClassField, everyReturn, passedByEveryCaller } from "./client-holders.js";
import { isClientType, isOtherType, isProjectType, localTypeMembers } from "./client-types.js";
import type { EngineFile } from "./file.js";

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);
const CLIENT_PACKAGE = "@docker/extension-api-client";
/** The compat layer's functions that hand out a client (compat/index.ts). */
const COMPAT_PACKAGE = "ddclient-migrate/compat";
const COMPAT_FACTORIES = new Set(["createCompatClient", "withLegacyApi", "withModernApi"]);
/** The global `ddClient`, as an ambient declaration names it; and the conventional hook, when it is a global. */
const CLIENT_NAME = "ddClient";
const CLIENT_HOOK = /^use(?:DockerDesktop|DD|Dd)Client$/;
const NOT_CLIENT = new Set(["NewExpression", "ArrayExpression", "TemplateLiteral", "ArrowFunctionExpression", "FunctionExpression", "ClassExpression"]);

export function classifyClient(node: Node, file: EngineFile, depth = 0): ReceiverKind {
  if (depth > 8) return "unknown";
  const inner = unwrapExpression(node);
  if (inner.type === "MemberExpression") {
    const object = unwrapExpression(inner.object);
    if (object.type === "ThisExpression") return classifyClassField(inner, propertyName(inner), file, (value) => classifyClient(value, file, depth + 1));
    // Before: function Panel(props: { client: DockerDesktopClient }) { props.client.backend.get(…) }
    if (object.type === "Identifier" && memberTypeIsClient(object, propertyName(inner), file)) return "client";
    // Before: const props = { client: window.ddClient }; props.client.backend.get(…)
    const value = object.type === "Identifier" ? constantObjectProperty(object, propertyName(inner), file) : null;
    if (value) return classifyClient(value, file, depth + 1);
    // Before: import * as api from "./client"; api.ddClient.execHostCmd(…)
    const namespace = object.type === "Identifier" ? namespaceImport(object, file) : undefined;
    if (namespace) return importedKind(namespace.module, propertyName(inner) ?? "");
    if (propertyName(inner) !== "ddClient") return "unknown";
    if (object.type === "Identifier" && GLOBAL_OBJECTS.has(object.name)) {
      return file.resolve(inner, object.name).kind === "global" ? "client" : "unknown";
    }
    return "unknown";
  }
  if (inner.type === "Identifier") return classifyIdentifier(inner, file, depth);
  if (inner.type === "CallExpression") return classifyCall(inner, file, depth);
  // Before: const copy = { ...window.ddClient };  copy.execHostCmd(…)
  if (inner.type === "ObjectExpression") return classifyObjectLiteral(inner, (value) => classifyClient(value, file, depth + 1));
  if (NOT_CLIENT.has(inner.type) || isStringOrNumber(inner)) return "not-client";
  return "unknown";
}

function classifyIdentifier(node: TSESTree.Identifier, file: EngineFile, depth: number): ReceiverKind {
  const binding = file.resolve(node, node.name);
  switch (binding.kind) {
    case "global":
      return node.name === "ddClient" ? "client" : "unknown";
    case "variable": {
      const type = binding.id.typeAnnotation?.typeAnnotation;
      // `declare const ddClient` declares the global.
      if (binding.ambient) return node.name === CLIENT_NAME && !isOtherType(type) ? "client" : "unknown";
      const kind = binding.constant && binding.init ? classifyClient(binding.init, file, depth + 1) : "unknown";
      if (kind !== "unknown") return kind;
      // Before: const client: v1.DockerDesktopClient = getClient();  let settings: Settings = load();
      // A reassigned one may hold another value at the call, whatever its type says.
      return isClientType(type) && binding.constant ? "client" : isProjectType(type, file) ? "not-client" : "unknown";
    }
    case "function":
      return "not-client";
    case "import":
      // What the module exports under that name, if it was read: the local name proves nothing.
      return importedKind(resolveClientModule(binding.source, file.filename, file.clientModules), binding.imported);
    case "parameter": {
      // Before: function Panel({ ddClient }: Props)  — destructured parameters are not followed.
      const param = binding.fn.params[binding.index];
      const id = param?.type === "AssignmentPattern" ? param.left : param;
      const type = id?.type === "Identifier" ? id.typeAnnotation?.typeAnnotation : undefined;
      if (isClientType(type)) return "client";
      // Before: function f(ddClient: Settings)  — the project's own type wins over the name.
      if (isProjectType(type, file)) return "not-client";
      return file.isReassigned(binding.id) ? "unknown" : passedByEveryCaller(binding.fn, binding.index, file, (value) => classifyClient(value, file, depth + 1));
    }
    case "other": {
      // Before: function Panel({ client }: { client: DockerDesktopClient })
      const property = binding.id.parent;
      const pattern = property?.parent;
      if (property?.type !== "Property" || pattern?.type !== "ObjectPattern" || !isFunctionNode(pattern.parent)) return "unknown";
      const key = property.computed ? undefined : keyName(property.key);
      return typeHasClientMember(pattern.typeAnnotation?.typeAnnotation, key, file) ? "client" : "unknown";
    }
    default:
      return "unknown";
  }
}

/**
 * The value a parameter's object pattern takes apart: what every caller in view passes there.
 * Any other pattern without a value in view (a catch clause, a for-of head) is unknown.
 *
 * Before: (({ execHostCmd: run }) => run("ls"))(window.ddClient)
 */
export function classifyParameterPattern(pattern: TSESTree.ObjectPattern, file: EngineFile): ReceiverKind {
  const param = pattern.parent?.type === "AssignmentPattern" && pattern.parent.left === pattern ? pattern.parent : pattern;
  const fn = param.parent;
  const index = isFunctionNode(fn) ? (fn.params as Node[]).indexOf(param) : -1;
  return isFunctionNode(fn) && index >= 0 ? passedByEveryCaller(fn, index, file, (value) => classifyClient(value, file, 1)) : "unknown";
}

function keyName(key: Node): string | undefined {
  return key.type === "Identifier" ? key.name : key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}

/** The value of `name` in `const object = { name: value }`, unless the file writes to `object.name`. */
function constantObjectProperty(object: TSESTree.Identifier, name: string | undefined, file: EngineFile): Node | null {
  const binding = file.resolve(object, object.name);
  if (binding.kind !== "variable" || !binding.constant || binding.init?.type !== "ObjectExpression" || !name) return null;
  const property = binding.init.properties.find((p) => p.type === "Property" && !p.computed && keyName(p.key) === name);
  if (property?.type !== "Property" || property.kind !== "init") return null;
  const written = file.references(binding.id).some((ref) => {
    const member = ref.identifier.parent;
    return member?.type === "MemberExpression" && member.object === ref.identifier && member.parent?.type === "AssignmentExpression" && member.parent.left === member;
  });
  return written ? null : property.value;
}

/** `props.client` where `props` is declared with a type whose `client` member is the client's type. */
function memberTypeIsClient(object: TSESTree.Identifier, name: string | undefined, file: EngineFile): boolean {
  const binding = file.resolve(object, object.name);
  if (binding.kind !== "parameter" && binding.kind !== "variable") return false;
  return typeHasClientMember(binding.id.typeAnnotation?.typeAnnotation, name, file);
}

/** The type (a literal, or an interface or alias of this file) declares member `name` as the client's type. */
function typeHasClientMember(type: TSESTree.TypeNode | undefined, name: string | undefined, file: EngineFile): boolean {
  if (!type || !name) return false;
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (type.type === "TSTypeLiteral") members = type.members;
  else if (type.type === "TSTypeReference" && type.typeName.type === "Identifier") members = localTypeMembers(type.typeName.name, file);
  return (members ?? []).some(
    (member) => member.type === "TSPropertySignature" && !member.computed && keyName(member.key) === name && isClientType(member.typeAnnotation?.typeAnnotation),
  );
}

/**
 * `createDockerDesktopClient()`, the compat layer's, a client module's hook; a local function's
 * call is what its every return is, and a read module's function returning something else is not.
 */
function classifyCall(call: TSESTree.CallExpression, file: EngineFile, depth: number): ReceiverKind {
  if (isClientFactoryCall(call, file)) return "client";
  const callee = unwrapExpression(call.callee);
  if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
    const name = propertyName(callee);
    // Before: const dd = { createDockerDesktopClient: () => offline }; dd.createDockerDesktopClient().execHostCmd(…)
    const method = constantObjectProperty(callee.object, name, file);
    if (method) return isFunctionNode(method) ? callKind(method, call, file, depth) : "unknown";
    // Before: import * as api from "./client"; api.useClient().execHostCmd(…)
    const namespace = namespaceImport(callee.object, file);
    if (!namespace || !name) return "unknown";
    if ((namespace.source === COMPAT_PACKAGE && COMPAT_FACTORIES.has(name)) || (namespace.source === CLIENT_PACKAGE && name === "createDockerDesktopClient")) return "client";
    return importedCallKind(namespace.module, name, call);
  }
  if (callee.type !== "Identifier") return "unknown";
  const binding = file.resolve(call, callee.name);
  // Before: import { withLegacyApi } from "ddclient-migrate/compat"; withLegacyApi(client).execHostCmd(…)
  if (binding.kind === "import" && binding.source === COMPAT_PACKAGE && COMPAT_FACTORIES.has(binding.imported)) return "client";
  if (binding.kind === "import") return importedCallKind(resolveClientModule(binding.source, file.filename, file.clientModules), binding.imported, call);
  if (binding.kind === "other" && binding.id.parent?.type === "TSDeclareFunction") return isClientType(binding.id.parent.returnType?.typeAnnotation) && call.arguments.length === 0 ? "client" : "unknown";
  const fn = binding.kind === "function" ? binding.fn : binding.kind === "variable" && binding.constant && binding.init && isFunctionNode(binding.init) ? binding.init : null;
  if (fn && isFunctionNode(fn)) return callKind(fn, call, file, depth);
  if (call.arguments.length > 0) return "unknown";
  return binding.kind === "global" && CLIENT_HOOK.test(callee.name) ? "client" : "unknown";
}

/**
 * A call of a function of this file. Its returns are followed to what the function is passed
 * (a returned parameter is what every caller passes), so the call's own arguments need no look.
 *
 * Before: function createDockerDesktopClient() { return offline; }  createDockerDesktopClient().execHostCmd(…)
 */
function callKind(fn: TSESTree.FunctionLike, call: TSESTree.CallExpression, file: EngineFile, depth: number): ReceiverKind {
  // Before: declare function getClient(): DockerDesktopClient
  if (isClientType(fn.returnType?.typeAnnotation)) return call.arguments.length === 0 ? "client" : "unknown";
  const kind = returnKind(fn, file, depth);
  // A hook is called bare; one given arguments may hand out something else (`getClient(mock)`).
  return kind === "client" && call.arguments.length > 0 ? "unknown" : kind;
}

/** A call of a read module's function: a hook of the client (called bare), or one whose every return is something else. */
function importedCallKind(module: ReturnType<typeof resolveClientModule>, name: string, call: TSESTree.CallExpression): ReceiverKind {
  if (!module) return "unknown";
  if (module.all || module.hooks.includes(name)) return call.arguments.length === 0 ? "client" : "unknown";
  return module.otherHooks?.includes(name) ? "not-client" : "unknown";
}

/** `api` of `import * as api from "…"`: its source, and what the module exports when it was read. */
function namespaceImport(id: TSESTree.Identifier, file: EngineFile): { source: string; module: ReturnType<typeof resolveClientModule> } | undefined {
  const binding = file.resolve(id, id.name);
  if (binding.kind !== "import" || binding.imported !== "*") return undefined;
  return { source: binding.source, module: resolveClientModule(binding.source, file.filename, file.clientModules) };
}

/** What the function's every return is (client-holders), one step further down this recursion. */
export function returnKind(fn: TSESTree.FunctionLike, file: EngineFile, depth = 0): ReceiverKind {
  return everyReturn(fn, (value) => classifyClient(value, file, depth + 1));
}

/** `createDockerDesktopClient()`, imported from the client package or an unshadowed global. */
function isClientFactoryCall(call: TSESTree.CallExpression, file: EngineFile): boolean {
  const callee = call.callee;
  if (callee.type !== "Identifier" || callee.name !== "createDockerDesktopClient") return false;
  const binding = file.resolve(call, callee.name);
  return binding.kind === "global" || (binding.kind === "import" && binding.source === CLIENT_PACKAGE);
}
