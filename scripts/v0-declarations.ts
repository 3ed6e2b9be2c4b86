/**
 * The v0 client's methods as `@docker/extension-api-client-types` declares them, keyed by table
 * id (`backend.get`, `toastSuccess`). The docs show each member with the API's own parameter
 * names, the compat tests call it with an argument for each, and a test checks the table's
 * void navigations against them: none of it copied by hand.
 */
import { createRequire } from "node:module";
import ts from "typescript";

export interface V0Declaration {
  /** Parameter names as declared, a rest parameter spelled `...args`. */
  readonly parameters: readonly string[];
  /** Declared to return `void` (not a Promise). */
  readonly returnsVoid: boolean;
}

const V0_TYPES = createRequire(import.meta.url).resolve("@docker/extension-api-client-types/dist/v0/index.d.ts");

let cached: ReadonlyMap<string, V0Declaration> | undefined;

/** Every method of v0's `DockerDesktopClient` and of the objects it holds (`backend`), one level deep. */
export function readV0Declarations(): ReadonlyMap<string, V0Declaration> {
  if (cached) return cached;
  // Only names and `void` are read, so no lib: the program stays a few files (0.1 s, not seconds).
  const program = ts.createProgram([V0_TYPES], { noEmit: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const v0Module = checker.getSymbolAtLocation(program.getSourceFile(V0_TYPES)!)!;
  const client = checker.getExportsOfModule(v0Module).find((symbol) => symbol.name === "DockerDesktopClient")!;
  const declarations = new Map<string, V0Declaration>();
  const visit = (type: ts.Type, prefix: string, depth: number): void => {
    for (const property of type.getProperties()) {
      const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      const [signature] = propertyType.getCallSignatures();
      if (signature) declarations.set(prefix + property.name, declarationOf(checker, signature));
      else if (depth > 0) visit(propertyType, `${prefix}${property.name}.`, depth - 1);
    }
  };
  visit(checker.getDeclaredTypeOfSymbol(client), "", 1);
  return (cached = declarations);
}

function declarationOf(checker: ts.TypeChecker, signature: ts.Signature): V0Declaration {
  const parameters = signature.getParameters().map((parameter) => {
    const declaration = parameter.valueDeclaration;
    const rest = declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
    return rest ? `...${parameter.name}` : parameter.name;
  });
  return { parameters, returnsVoid: (checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void) !== 0 };
}
