/**
 * `--client import`: migrated calls go through one module-level client,
 *   import { createDockerDesktopClient } from "@docker/extension-api-client";
 *   const ddClient = createDockerDesktopClient();
 * reusing a `createDockerDesktopClient()` constant the module already has.
 */
import type { Edit } from "../core/report.js";
import { freshName, statementEnd } from "../core/text.js";
import { unwrapExpression, type Node, type TSESTree } from "../engine/ast.js";
import type { EngineFile } from "../engine/file.js";

const CLIENT_PACKAGE = "@docker/extension-api-client";
const FACTORY = "createDockerDesktopClient";

export interface SharedClient {
  /** The module-level constant calls are rewritten to use. */
  readonly name: string;
  /** Adds the import and the constant; empty when the module already has them. */
  readonly header: Edit[];
  /** Can the name be written at this call and mean the module-level constant? */
  usableAt(call: Node): boolean;
}

export function planSharedClient(file: EngineFile, commonJs: boolean): SharedClient {
  const body = file.program.body;
  const source = file.source;
  const quote = file.style.quote;
  const atProgram = (name: string): TSESTree.Identifier | null => file.declarationAt(file.program, name);
  let factoryImported = false;
  let existing: string | undefined;
  for (const statement of body) {
    if (statement.type === "ImportDeclaration" && statement.source.value === CLIENT_PACKAGE) {
      factoryImported ||= statement.specifiers.some((s) => s.type === "ImportSpecifier" && s.local.name === FACTORY);
    }
    if (statement.type === "VariableDeclaration" && statement.kind === "const") {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (declarator.id.type === "Identifier" && init?.type === "CallExpression" && init.callee.type === "Identifier" && init.callee.name === FACTORY) {
          existing ??= declarator.id.name;
        }
      }
    }
  }
  const name = existing ?? (atProgram("ddClient") ? freshName("ddClient", [source]) : "ddClient");
  const header: Edit[] = [];
  if (!existing) {
    const lastImport = [...body].reverse().find((s) => s.type === "ImportDeclaration");
    const q = quote;
    const first = body[0];
    const at = lastImport ? lastImport.range[1] : first ? first.range[0] : source.length;
    // In the file's style: `;` where it writes them, or where what follows would continue the line.
    const semicolons = file.style.semicolons;
    const importLine = commonJs ? `const { ${FACTORY} } = require(${q}${CLIENT_PACKAGE}${q})${statementEnd(semicolons, "")}` : `import { ${FACTORY} } from ${q}${CLIENT_PACKAGE}${q}${statementEnd(semicolons, "")}`;
    const constLine = `const ${name} = ${FACTORY}()${statementEnd(semicolons, source.slice(at))}`;
    const needImport = !factoryImported;
    if (lastImport) {
      header.push({ start: at, end: at, text: `${needImport ? `\n${importLine}` : ""}\n\n${constLine}` });
    } else {
      header.push({ start: at, end: at, text: `${needImport ? `${importLine}\n\n` : ""}${constLine}\n\n` });
    }
  }
  return {
    name,
    header,
    // A local binding of the same name (a parameter, a shadowing const) would capture it.
    usableAt: (call) => file.declarationAt(call, name) === atProgram(name),
  };
}

