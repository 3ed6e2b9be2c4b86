/**
 * A project's own `tsc -p <dir>` (its tsconfig.json), in this process: the diagnostics of the
 * program, one line each. The lib and package declaration files outside the project are parsed
 * once and shared by every program (lib.dom.d.ts alone is most of a cold `tsc`'s time).
 */
import path from "node:path";
import ts from "typescript";

const libraries = new Map<string, ts.SourceFile | undefined>();

export function projectTsc(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    if (file.startsWith(dir + path.sep)) return read(file, language, ...rest);
    if (!libraries.has(file)) libraries.set(file, read(file, language, ...rest));
    return libraries.get(file);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return [...config.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
