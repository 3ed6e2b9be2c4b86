/**
 * What a declared type says of a value: the client's type (`v1.DockerDesktopClient`, …), a
 * type of the project that is something else (`interface Settings { url: string }`, `string`),
 * or nothing either way (`any`, an imported type, a hand-written v0 shape of the client).
 */
import { V0_ROOT_MEMBERS } from "../deprecations/table.js";
import type { TSESTree } from "./ast.js";
import type { EngineFile } from "./file.js";

/** `DockerDesktopClient`, `v1.DockerDesktopClient`, `v1Hybrid.DockerDesktopClient`, … */
export function isClientType(type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== "TSTypeReference") return false;
  const name = type.typeName.type === "Identifier" ? type.typeName.name : type.typeName.type === "TSQualifiedName" ? type.typeName.right.name : undefined;
  return name === "DockerDesktopClient";
}

/**
 * An explicit type that says the value is something else than the client: not `any`, `unknown`,
 * `typeof …`, the client's type, or a hand-written v0 shape of it (`{ execHostCmd(…): …; backend: … }`,
 * which engine/typings migrates with the calls).
 */
export function isOtherType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type || isClientType(type) || isHandWrittenClientType(type)) return false;
  return type.type !== "TSAnyKeyword" && type.type !== "TSUnknownKeyword" && type.type !== "TSTypeQuery";
}

function isHandWrittenClientType(type: TSESTree.TypeNode): boolean {
  return type.type === "TSTypeLiteral" && declaresV0Member(type.members);
}

function declaresV0Member(members: readonly TSESTree.TypeElement[]): boolean {
  return members.some((member) => "key" in member && !member.computed && member.key.type === "Identifier" && V0_ROOT_MEMBERS.has(member.key.name));
}

/** The v1 client's own members: a type declaring them may be a hand-written v1 typing of it. */
const V1_ROOT_MEMBERS = new Set(["extension", "desktopUI", "docker", "host"]);

function declaresClientMember(members: readonly TSESTree.TypeElement[]): boolean {
  return declaresV0Member(members) || members.some((member) => "key" in member && !member.computed && member.key.type === "Identifier" && V1_ROOT_MEMBERS.has(member.key.name));
}

const PLAIN_TYPES = new Set(["TSStringKeyword", "TSNumberKeyword", "TSBooleanKeyword", "TSBigIntKeyword", "TSSymbolKeyword", "TSNullKeyword", "TSUndefinedKeyword", "TSVoidKeyword", "TSNeverKeyword", "TSLiteralType", "TSArrayType", "TSTupleType", "TSFunctionType"]);

/**
 * A type the file shows is not the client's: a primitive, an array or a function type, or a
 * type literal, interface, alias, class or enum of this file that names none of the client's
 * members (v0's or v1's) and extends nothing. One that does name them may be a hand-written
 * typing of the client, and an imported type is out of view: neither proves anything.
 *
 * Before: interface Settings { url: string }  function load(ddClient: Settings) { … }
 */
export function isProjectType(type: TSESTree.TypeNode | undefined, file: EngineFile): boolean {
  if (!type) return false;
  if (PLAIN_TYPES.has(type.type)) return true;
  if (type.type === "TSTypeLiteral") return !declaresClientMember(type.members);
  if (type.type !== "TSTypeReference" || type.typeName.type !== "Identifier" || type.typeArguments) return false;
  const declaration = localTypeDeclaration(type.typeName.name, file);
  if (!declaration) return false;
  switch (declaration.type) {
    case "TSInterfaceDeclaration":
      return !declaration.extends?.length && !declaresClientMember(declaration.body.body);
    case "TSTypeAliasDeclaration":
      return declaration.typeAnnotation.type === "TSTypeLiteral" && !declaresClientMember(declaration.typeAnnotation.members);
    case "ClassDeclaration":
      return !declaration.superClass && !declaration.implements?.length;
    default:
      return true;
  }
}

type TypeDeclaration = TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration | TSESTree.ClassDeclaration | TSESTree.TSEnumDeclaration;

/** `interface Name {…}`, `type Name = …`, `class Name`, `enum Name` at the top of the file. */
function localTypeDeclaration(name: string, file: EngineFile): TypeDeclaration | undefined {
  for (const statement of file.program.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
    if (
      (declaration.type === "TSInterfaceDeclaration" || declaration.type === "TSTypeAliasDeclaration" || declaration.type === "ClassDeclaration" || declaration.type === "TSEnumDeclaration") &&
      declaration.id?.name === name
    ) {
      return declaration;
    }
  }
  return undefined;
}

/** Members of `interface Name {…}` or `type Name = {…}` declared at the top of the file. */
export function localTypeMembers(name: string, file: EngineFile): readonly TSESTree.TypeElement[] | undefined {
  const declaration = localTypeDeclaration(name, file);
  if (declaration?.type === "TSInterfaceDeclaration") return declaration.body.body;
  if (declaration?.type === "TSTypeAliasDeclaration" && declaration.typeAnnotation.type === "TSTypeLiteral") return declaration.typeAnnotation.members;
  return undefined;
}
