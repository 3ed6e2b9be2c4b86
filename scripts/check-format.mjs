// The repository's format check (`npm run lint`): LF line ends, a final newline, no trailing
// whitespace and no tabs in every tracked or new text file, fixtures apart (they hold CRLF,
// BOMs and tabs on purpose). Prettier was tried: the code keeps lines prettier would wrap.
// Usage: node scripts/check-format.mjs   (exits 1 and lists file:line: problem otherwise)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TEXT = /\.(?:[cm]?[jt]sx?|json|md|ya?ml|sh)$|^\.ci\/|^\.gitignore$/;
const SKIP = /^test\/fixtures\//;

/** The problems of one file's text, as `line: problem`. */
export function formatProblems(text) {
  const problems = [];
  if (text.length > 0 && !text.endsWith("\n")) problems.push("end: no final newline");
  text.split("\n").forEach((line, i) => {
    if (line.endsWith("\r")) problems.push(`${i + 1}: CRLF line end`);
    else if (/[ \t]$/.test(line)) problems.push(`${i + 1}: trailing whitespace`);
    if (line.includes("\t")) problems.push(`${i + 1}: tab`);
  });
  return problems;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" }).split("\0");
  const files = [...new Set(listed)].filter((file) => file && TEXT.test(file) && !SKIP.test(file));
  const problems = files.flatMap((file) => {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return []; // deleted in the work tree, still in the index
    }
    return formatProblems(text).map((problem) => `${file}:${problem}`);
  });
  for (const problem of problems) console.error(problem);
  console.log(`Format: ${files.length} files checked, ${problems.length} problems.`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
