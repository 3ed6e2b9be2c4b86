/** Typechecks files under `strict` against @docker/extension-api-client-types, in one program. */
import path from "node:path";
import ts from "typescript";

export const FIXTURE_GLOBALS = path.resolve(import.meta.dirname, "fixture-globals.d.ts");
const FIXTURE_REACT = path.resolve(import.meta.dirname, "fixture-react.d.ts");
/** `ddclient-migrate/compat` from the package's source: the built `dist` need not exist. */
const COMPAT = path.resolve(import.meta.dirname, "../../compat/index.ts");

export function typecheck(files: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram([...files, FIXTURE_GLOBALS, FIXTURE_REACT], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    skipLibCheck: true,
    isolatedModules: true,
    paths: { "ddclient-migrate/compat": [COMPAT] },
  });
  const result = new Map<string, string[]>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    result.set(
      file,
      diagnostics.map((d) => {
        const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  }
  return result;
}
