// `ddclient-migrate` run many times in one Node process: the built bin's own program
// (dist/bin/program.js, all that dist/bin/ddclient-migrate.js does is parse argv with it), once
// per job, each in its job's directory with its stdout captured. One process for every case
// instead of a process each: the playground tests compare ~100 single-file runs with the page.
//   node cli-batch.mjs <jobs.json> <results.json>
// jobs.json: [{ cwd, args }]; results.json: [{ stdout, stderr, exitCode }], in order.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { createProgram } = await import(pathToFileURL(path.join(root, "dist", "bin", "program.js")).href);
const [jobsFile, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
const results = [];
const write = { stdout: process.stdout.write, stderr: process.stderr.write };
for (const { cwd, args } of jobs) {
  const captured = { stdout: "", stderr: "" };
  process.chdir(cwd);
  process.exitCode = 0;
  for (const stream of ["stdout", "stderr"]) process[stream].write = (chunk) => ((captured[stream] += String(chunk)), true);
  try {
    await createProgram().parseAsync(args, { from: "user" });
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
  }
  results.push({ ...captured, exitCode: process.exitCode ?? 0 });
}
process.exitCode = 0;
writeFileSync(resultsFile, JSON.stringify(results));
