/**
 * Is this expression the Docker Desktop client? `window` must be the global, `ddClient` must
 * not be shadowed, constants are followed to their initialiser.
 *
 * Recognised: window.ddClient, globalThis.ddClient, self.ddClient, window["ddClient"],
 * (window as any).ddClient, a bare global ddClient (or an ambient `declare const ddClient`),
 * constants bound to any of these or to createDockerDesktopClient(), through any cast; and as
 * projects hold it: any import named `ddClient`, hooks returning it (`useDockerDesktopClient()`,
 * a local function returning a client), parameters typed `…DockerDesktopClient` or named
 * `ddClient`, and class fields (`this.ddClient`); and the exports of client modules (the CLI's
 * pre-pass over the project, `--client-module`, the ESLint setting).
 */
import type { ReceiverKind } from "../core/call-site.js";
import { resolveClientModule } from "../core/client-modules.js";
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import { isFunctionNode, isStringOrNumber, propertyName, unwrapExpression, type Node, type TSESTree } from "./ast.js";
import type { EngineFile } from "./file.js";

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "self"]);
const CLIENT_PACKAGE = "@docker/extension-api-client";
/** The conventional names: a binding called `ddClient`, a hook called `useDockerDesktopClient`. */
const CLIENT_NAME = "ddClient";
const CLIENT_HOOK = /^use(?:DockerDesktop|DD|Dd)Client$/;
const NOT_CLIENT = new Set(["ObjectExpression", "NewExpression", "ArrayExpression", "TemplateLiteral", "ArrowFunctionExpression", "FunctionExpression", "ClassExpression"]);

export function classifyClient(node: Node, file: EngineFile, depth = 0): ReceiverKind {
  if (depth > 8) return "unknown";
  const inner = unwrapExpression(node);
  if (inner.type === "MemberExpression") {
    const object = unwrapExpression(inner.object);
    if (object.type === "ThisExpression") return classifyClassField(inner, propertyName(inner), file, depth);
    // Before: function Panel(props: { client: DockerDesktopClient }) { props.client.backend.get(…) }
    if (object.type === "Identifier" && memberTypeIsClient(object, propertyName(inner), file)) return "client";
    // Before: const props = { client: window.ddClient }; props.client.backend.get(…)
    const value = object.type === "Identifier" ? constantObjectProperty(object, propertyName(inner), file) : null;
    if (value) return classifyClient(value, file, depth + 1);
    if (propertyName(inner) !== "ddClient") return "unknown";
    if (object.type === "Identifier" && GLOBAL_OBJECTS.has(object.name)) {
      return file.resolve(inner, object.name).kind === "global" ? "client" : "unknown";
    }
    return "unknown";
  }
  if (inner.type === "Identifier") return classifyIdentifier(inner, file, depth);
  if (inner.type === "CallExpression") return classifyCall(inner, file, depth);
  if (NOT_CLIENT.has(inner.type) || isStringOrNumber(inner)) return "not-client";
  return "unknown";
}

function classifyIdentifier(node: TSESTree.Identifier, file: EngineFile, depth: number): ReceiverKind {
  const binding = file.resolve(node, node.name);
  switch (binding.kind) {
    case "global":
      return node.name === "ddClient" ? "client" : "unknown";
    case "variable":
      if (binding.ambient) return node.name === CLIENT_NAME && !isOtherType(binding.id.typeAnnotation?.typeAnnotation) ? "client" : "unknown";
      if (!binding.constant || !binding.init) return "unknown";
      return classifyClient(binding.init, file, depth + 1);
    case "function":
      return "not-client";
    case "import": {
      // A client module's export; every export of one named by the user (`--client-module`).
      const module = resolveClientModule(binding.source, file.filename, file.clientModules);
      if (module && (module.all || module.names.includes(binding.imported))) return "client";
      return node.name === CLIENT_NAME ? "client" : "unknown";
    }
    case "parameter": {
      // Before: function Panel({ ddClient }: Props)  — destructured parameters are not followed.
      const param = binding.fn.params[binding.index];
      const id = param?.type === "AssignmentPattern" ? param.left : param;
      const type = id?.type === "Identifier" ? id.typeAnnotation?.typeAnnotation : undefined;
      if (isClientType(type)) return "client";
      // Before: function f(ddClient: ProjectApi)  — the project's own type wins over the name.
      return node.name === CLIENT_NAME && !file.isReassigned(binding.id) && !isOtherType(type) ? "client" : "unknown";
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

/** Members of `interface Name {…}` or `type Name = {…}` declared at the top of the file. */
function localTypeMembers(name: string, file: EngineFile): readonly TSESTree.TypeElement[] | undefined {
  for (const statement of file.program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "TSInterfaceDeclaration" && declaration.id.name === name) return declaration.body.body;
    if (declaration.type === "TSTypeAliasDeclaration" && declaration.id.name === name && declaration.typeAnnotation.type === "TSTypeLiteral") return declaration.typeAnnotation.members;
  }
  return undefined;
}

/** `createDockerDesktopClient()`, `useDockerDesktopClient()`, a local function returning the client. */
function classifyCall(call: TSESTree.CallExpression, file: EngineFile, depth: number): ReceiverKind {
  if (isClientFactoryCall(call, file)) return "client";
  const callee = call.callee;
  if (callee.type !== "Identifier" || call.arguments.length > 0) return "unknown";
  if (CLIENT_HOOK.test(callee.name)) return "client";
  const binding = file.resolve(call, callee.name);
  if (binding.kind === "import") {
    const module = resolveClientModule(binding.source, file.filename, file.clientModules);
    return module && (module.all || module.hooks.includes(binding.imported)) ? "client" : "unknown";
  }
  if (binding.kind === "other" && binding.id.parent?.type === "TSDeclareFunction") return isClientType(binding.id.parent.returnType?.typeAnnotation) ? "client" : "unknown";
  const fn = binding.kind === "function" ? binding.fn : binding.kind === "variable" && binding.constant && binding.init && isFunctionNode(binding.init) ? binding.init : null;
  if (!fn || !isFunctionNode(fn)) return "unknown";
  // Before: declare function getClient(): DockerDesktopClient
  if (isClientType(fn.returnType?.typeAnnotation)) return "client";
  return returnsClient(fn, file, depth) ? "client" : "unknown";
}

/** Every `return` of the function (or its expression body) is the client. */
export function returnsClient(fn: TSESTree.FunctionLike, file: EngineFile, depth = 0): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== "BlockStatement") return classifyClient(body, file, depth + 1) === "client";
  const returns = body.body.flatMap((statement) => (statement.type === "ReturnStatement" && statement.argument ? [statement.argument] : []));
  return returns.length > 0 && returns.every((ret) => classifyClient(ret, file, depth + 1) === "client");
}

/** `this.ddClient` where the enclosing class declares the field as the client (initialised or typed). */
function classifyClassField(member: TSESTree.MemberExpression, name: string | undefined, file: EngineFile, depth: number): ReceiverKind {
  if (!name) return "unknown";
  let current: Node | undefined = member.parent;
  while (current && current.type !== "ClassBody") {
    // A method's own function is the class's; any other `function` has its own `this`.
    const method = current.type === "FunctionExpression" && current.parent?.type === "MethodDefinition";
    if ((current.type === "FunctionExpression" && !method) || current.type === "FunctionDeclaration") return "unknown";
    current = current.parent;
  }
  if (!current) return "unknown";
  for (const element of current.body) {
    if (element.type === "PropertyDefinition" && !element.computed && element.key.type === "Identifier" && element.key.name === name) {
      if (element.value) return classifyClient(element.value, file, depth + 1);
      return isClientType(element.typeAnnotation?.typeAnnotation) ? "client" : "unknown";
    }
    // constructor(private readonly ddClient: v1Hybrid.DockerDesktopClient)
    if (element.type === "MethodDefinition" && element.kind === "constructor") {
      const prop = element.value.params.find((p) => p.type === "TSParameterProperty" && p.parameter.type === "Identifier" && p.parameter.name === name);
      if (prop?.type === "TSParameterProperty" && prop.parameter.type === "Identifier") return isClientType(prop.parameter.typeAnnotation?.typeAnnotation) ? "client" : "unknown";
    }
  }
  return "unknown";
}

/** `DockerDesktopClient`, `v1.DockerDesktopClient`, `v1Hybrid.DockerDesktopClient`, … */
function isClientType(type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== "TSTypeReference") return false;
  const name = type.typeName.type === "Identifier" ? type.typeName.name : type.typeName.type === "TSQualifiedName" ? type.typeName.right.name : undefined;
  return name === "DockerDesktopClient";
}

/**
 * An explicit type that says the value is something else than the client: not `any`, `unknown`,
 * `typeof …`, the client's type, or a hand-written v0 shape of it (`{ execHostCmd(…): …; backend: … }`,
 * which engine/typings migrates with the calls).
 */
function isOtherType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type || isClientType(type) || isHandWrittenClientType(type)) return false;
  return type.type !== "TSAnyKeyword" && type.type !== "TSUnknownKeyword" && type.type !== "TSTypeQuery";
}

function isHandWrittenClientType(type: TSESTree.TypeNode): boolean {
  return type.type === "TSTypeLiteral" && type.members.some((member) => "key" in member && !member.computed && member.key.type === "Identifier" && V0_ROOT_MEMBERS.has(member.key.name));
}

/** `createDockerDesktopClient()`, imported from the client package or an unshadowed global. */
function isClientFactoryCall(call: TSESTree.CallExpression, file: EngineFile): boolean {
  const callee = call.callee;
  if (callee.type !== "Identifier" || callee.name !== "createDockerDesktopClient") return false;
  const binding = file.resolve(call, callee.name);
  return binding.kind === "global" || (binding.kind === "import" && binding.source === CLIENT_PACKAGE);
}
