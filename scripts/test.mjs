// `npm test`: the build and the typecheck at once (two tsc runs that need nothing of each
// other, one a core), then the whole vitest suite, which runs the build's dist/. Arguments go
// to vitest. Exits with the first failure's code.
// Usage: node scripts/test.mjs [vitest arguments]
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs a command with the output shown; resolves with its exit code. */
const run = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const codes = await Promise.all([run(npm, ["run", "--silent", "build"]), run(npm, ["run", "--silent", "typecheck"])]);
const failed = codes.find((code) => code !== 0);
if (failed !== undefined) {
  console.error(`npm test: ${codes[0] !== 0 ? "the build" : "the typecheck"} failed.`);
  process.exit(failed);
}
process.exit(await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)]));
