/**
 * The codemod as a CommonJS jscodeshift transform, for jscodeshift's default mode: its
 * @babel/register would rewrite the ESM `migrate.js` into CommonJS inside a `"type": "module"`
 * package, which Node then refuses. This entry loads the ESM transform with a real `import()`
 * (built with `new Function` so no transpiler turns it into `require`).
 *
 *   npx jscodeshift -t node_modules/ddclient-migrate/dist/transforms/jscodeshift.cjs src/
 */
import path = require("node:path");
import url = require("node:url");

type Transformer = (file: { path: string; source: string }, api: { report?: (message: string) => void }, options?: { rawArgs?: boolean }) => string | undefined;

const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<{ default: Transformer }>;
const migrateUrl = url.pathToFileURL(path.join(__dirname, "migrate.js")).href;

async function transformer(...args: Parameters<Transformer>): Promise<string | undefined> {
  const { default: migrate } = await importEsm(migrateUrl);
  return migrate(...args);
}

export = transformer;
