/**
 * Seeded random v0 command lines for the differential tests of the splitter, and a shrinker
 * that cuts a failing line down to one that still fails, so a report names a short line.
 */
import { mulberry32 } from "../../bench/prng.mjs";

const PLAIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_=./:,@%+";
const UNICODE = ["é", "ü", "ß", "日本", "😀", "e\u0301", "\u00A0", "Ω", "ı"];
const OPERATORS = ["|", "||", "&", "&&", ";", ";;", "<", ">", ">>", ">&", "(", ")", "\n", "`", "#"];
/** A `$` before what does and does not start an expansion in dash or bash. */
const DOLLARS = ["$", "$ ", "$%", "$=", "$.", "$/", "$,", "$:", "$]", "$}", "$~", "$é", "$[", "$'x'", '$"x"', "$-", "$_", "$1", "$@", "$#", "${x}", "$(x)", "$\\\nA", "$x"];
/** Brackets a shell reads as patterns and ones it keeps literal. */
const BRACKETS = ["[", "]", "[ab]", "[!a]", "[]", "[]]", "a[", ".[]", "x]", '["]"]', "[a\\]", "[a'b']", "[[:alpha:]]", "[!]"];
const BRACES = ["{a,b}", "{x}", "{1..3}", "{", "}", ",", "{a,'b c'}", "{a,\\ b}", "{a\\,b}", "{a},b}", "{x}{a,b}"];
const ASSIGNMENTS = ["A=1", "a=b", "--x=y", "x=~", "a:~", "=", "é=1", "_=", "x==y"];
const TILDES = ["~", "~/x", "a~", "~root"];

export function generateLines(seed: number, count: number): string[] {
  const random = mulberry32(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const char = (alphabet: string): string => pick([...alphabet]);
  const run = (alphabet: string, min: number, max: number): string => {
    let out = "";
    for (let n = min + int(max - min + 1); n > 0; n--) out += char(alphabet);
    return out;
  };
  const any = (): string => pick([run(PLAIN, 1, 3), pick(UNICODE), char(" \t'\"\\$*?[]|;#~{},=!&<>()`\n")]);
  const token = (): string => {
    const roll = int(100);
    if (roll < 25) return run(PLAIN, 1, 6);
    if (roll < 40) return run("  \t", 1, 3);
    if (roll < 46) return pick(UNICODE) + (random() < 0.5 ? run(PLAIN, 0, 2) : "");
    if (roll < 53) return "'" + Array.from({ length: int(5) }, any).join("").replace(/'/g, "") + "'";
    if (roll < 61) {
      const parts = ['\\"', "\\\\", "\\$", "\\x", "\\é", "\\'", "\\\n", "\\`", "'", " ", "\t", "*", "[a]", "#", "~", "{a,b}", "$ ", '$"', "$'", "$%", "a$", "$é"];
      return '"' + Array.from({ length: int(5) }, () => (random() < 0.6 ? pick(parts) : any())).join("").replace(/(?<!\\)"/g, "") + '"';
    }
    if (roll < 69) return "\\" + pick([char(PLAIN + " \t'\"\\$*?[]|;#~{},=!%^\n`&<>()"), pick(UNICODE)]);
    if (roll < 71) return pick(["''", '""']);
    if (roll < 73) return pick(["'", '"', "\\"]);
    if (roll < 77) return pick(OPERATORS);
    if (roll < 82) return pick(DOLLARS);
    if (roll < 87) return pick(BRACKETS);
    if (roll < 91) return pick(BRACES);
    if (roll < 95) return pick(ASSIGNMENTS);
    if (roll < 97) return pick(TILDES);
    return pick(["*", "?", "\\\n", "!"]);
  };
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random() < 0.1) {
      lines.push(Array.from({ length: 1 + int(10) }, any).join("")); // character soup
      continue;
    }
    let line = "";
    for (let n = 1 + int(8); n > 0; n--) line += token();
    lines.push(line);
  }
  return lines;
}

/**
 * The shortest line found, by deleting runs of characters (halves first, then single ones),
 * that still `fails`. Greedy, so a local minimum: small enough to read.
 */
export function shrinkLine(line: string, fails: (candidate: string) => boolean): string {
  let chars = [...line];
  for (let size = Math.max(1, chars.length >> 1); size >= 1; size >>= 1) {
    for (let start = 0; start + size <= chars.length; ) {
      const candidate = [...chars.slice(0, start), ...chars.slice(start + size)];
      if (fails(candidate.join(""))) chars = candidate;
      else start++;
    }
  }
  return chars.join("");
}
