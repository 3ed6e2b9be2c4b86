import { describe, expect, it } from "vitest";
import { splitCommandLine, splitPlainCommandLine, wordValue, type LineSegment, type Word } from "../../core/split-command-line.js";

const words = (line: string): string[] => {
  const result = splitPlainCommandLine(line);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(line)}: ${result.reason} ${result.operator}`);
  return result.words;
};
const refusal = (line: string): { reason: string; operator: string } | "accepted" => {
  const result = splitPlainCommandLine(line);
  return result.ok ? "accepted" : { reason: result.reason, operator: result.operator };
};
const split = (...segments: LineSegment[]): readonly Word[] => {
  const result = splitCommandLine(segments);
  if (!result.ok) throw new Error(`refused: ${result.reason} ${result.operator}`);
  return result.words;
};
const text = (value: string): LineSegment => ({ kind: "text", text: value });
const expr = (id: number): LineSegment => ({ kind: "expr", id });
const expansion = (id: number, value: string): LineSegment => ({ kind: "expansion", id, text: value });
/** The shell source a word came from, quotes included (what the codemod emits for host-dependent words). */
const raw = (word: Word): string => word.pieces.map((piece) => (piece.kind === "text" ? piece.raw : `\${${piece.id}}`)).join("");

describe("quoting and escapes", () => {
  it("splits at spaces and tabs, ignoring leading and trailing blanks", () => {
    expect(words("docker ps -a")).toEqual(["docker", "ps", "-a"]);
    expect(words(" \t docker\t\tps \t")).toEqual(["docker", "ps"]);
    expect(words("")).toEqual([]);
    expect(words(" \t ")).toEqual([]);
  });

  it("keeps single-quoted text literally", () => {
    expect(words("echo 'a  b' 'x\\y' '\"' '$HOME' '*' '#' '~' '|'")).toEqual(["echo", "a  b", "x\\y", '"', "$HOME", "*", "#", "~", "|"]);
    expect(words("echo 'it'\\''s'")).toEqual(["echo", "it's"]);
    expect(words("echo 'a\nb'")).toEqual(["echo", "a\nb"]);
  });

  it('reads double quotes: \\" \\\\ \\$ \\` escape, \\x stays two characters', () => {
    expect(words('echo "a\\"b" "c\\\\d" "\\$HOME" "\\`" "\\x" "a\\\'b"')).toEqual(["echo", 'a"b', "c\\d", "$HOME", "`", "\\x", "a\\'b"]);
    expect(words('echo "a  b" "it\'s" "a\tb"')).toEqual(["echo", "a  b", "it's", "a\tb"]);
    expect(words('echo "a\\\nb"')).toEqual(["echo", "ab"]);
    expect(words('echo "a\nb"')).toEqual(["echo", "a\nb"]);
  });

  it("reads a backslash outside quotes as quoting the shell character after it", () => {
    expect(words("echo a\\ b \\' \\\" \\\\ \\$HOME \\* \\# \\~ \\| \\=x")).toEqual(["echo", "a b", "'", '"', "\\", "$HOME", "*", "#", "~", "|", "=x"]);
    expect(words("echo \\& \\; \\< \\> \\( \\) \\` \\? \\[ \\] \\% \\{a\\,b\\} \\! \\\t a\\:b")).toEqual(["echo", "&", ";", "<", ">", "(", ")", "`", "?", "[", "]", "%", "{a,b}", "!", "\t", "a:b"]);
  });

  // `start C:\Program Files\x.exe`: a POSIX shell reads `\P` as `P`, a Windows host as a path.
  it("refuses a backslash before any character the shell gives no meaning to, which hosts read differently", () => {
    expect(refusal("start C:\\Program Files\\x.exe")).toEqual({ reason: "ambiguous-escape", operator: "\\P" });
    expect(refusal("echo \\9")).toEqual({ reason: "ambiguous-escape", operator: "\\9" });
    // Letters or not, ASCII or not: the backslash does nothing in sh, so the author meant something else.
    for (const escaped of ["b", "é", "-", ".", "/", "_", "@", "+", "^", "😀"]) {
      expect(refusal(`grep a\\${escaped}`)).toEqual({ reason: "ambiguous-escape", operator: "\\" + escaped });
    }
    expect(words('echo "C:\\Program Files" \'C:\\x\' "a\\é"')).toEqual(["echo", "C:\\Program Files", "C:\\x", "a\\é"]);
  });

  it("drops a backslash-newline (line continuation) before reading words", () => {
    expect(words("echo a\\\nb")).toEqual(["echo", "ab"]);
    expect(words("echo a \\\n b")).toEqual(["echo", "a", "b"]);
    expect(words("echo \\\n")).toEqual(["echo"]);
    expect(words("\\\n")).toEqual([]);
    expect(words("\\\necho")).toEqual(["echo"]);
    // The continuation vanishes, so what follows is word-initial / the first word.
    expect(refusal("echo \\\n#x")).toEqual({ reason: "shell-operator", operator: "#" });
    expect(refusal("echo \\\n~")).toEqual({ reason: "shell-expansion", operator: "~" });
    expect(refusal("i\\\nf true")).toEqual({ reason: "shell-operator", operator: "if" });
    expect(refusal("A\\\n=1 cmd")).toEqual({ reason: "env-assignment", operator: "A=" });
  });

  it("keeps empty quoted words", () => {
    expect(words("cmd '' \"\" x")).toEqual(["cmd", "", "", "x"]);
    expect(words("''")).toEqual([""]);
    expect(words("a'' ''b")).toEqual(["a", "b"]);
  });

  it("joins adjacent quoted and unquoted pieces into one word", () => {
    expect(words("a\"b c\"'d'")).toEqual(["ab cd"]);
    expect(words("--name=\"my app\" x")).toEqual(["--name=my app", "x"]);
  });

  it("keeps braces without a list, as in jsonpath and Go templates", () => {
    expect(words("kubectl get pods -o jsonpath='{.items}'")).toEqual(["kubectl", "get", "pods", "-o", "jsonpath={.items}"]);
    expect(words('docker ps --format "{{json .}}"')).toEqual(["docker", "ps", "--format", "{{json .}}"]);
    expect(words("docker ps --format {{.Names}}")).toEqual(["docker", "ps", "--format", "{{.Names}}"]);
    expect(words("find . -exec {} x{a}b '{a,b}' {a\\,b} \"{1..3}\" a,b} {x")).toEqual(["find", ".", "-exec", "{}", "x{a}b", "{a,b}", "{a,b}", "{1..3}", "a,b}", "{x"]);
  });

  it("keeps a `$` the shell leaves alone, and `#` `~` inside a word", () => {
    expect(words("echo a $ b$")).toEqual(["echo", "a", "$", "b$"]);
    expect(words('echo "a$ b"')).toEqual(["echo", "a$ b"]);
    // dash and bash expand `$` only before a name, a digit, a special parameter, `{`, `(` or `[`.
    expect(words('ls "$" "a$" $% $= $, $. $/ $: $+ $] $} $~ $é a$^')).toEqual(["ls", "$", "a$", "$%", "$=", "$,", "$.", "$/", "$:", "$+", "$]", "$}", "$~", "$é", "a$^"]);
    // Inside double quotes bash's `$'…'` and `$"…"` are not special.
    expect(words(`echo "$'x'" "$"`)).toEqual(["echo", "$'x'", "$"]);
    expect(words("echo a#b a~ x=y")).toEqual(["echo", "a#b", "a~", "x=y"]);
    expect(words("echo '' '#'#")).toEqual(["echo", "", "##"]);
  });

  it("gives each text piece the shell source it came from", () => {
    const [, jsonpath] = split(text("get jsonpath='{.items}'"));
    expect(jsonpath!.pieces).toEqual([
      { kind: "text", value: "jsonpath=", raw: "jsonpath=", quoting: "none" },
      { kind: "text", value: "{.items}", raw: "'{.items}'", quoting: "single" },
    ]);
    const [, format] = split(text('ps --format "{{json .}}"')).slice(1);
    expect(format!.pieces).toEqual([{ kind: "text", value: "{{json .}}", raw: '"{{json .}}"', quoting: "double" }]);
    for (const source of ["a\"b c\"'d'", "'it'\\''s'", 'x"a\\"b\\\\c\\x"', "a\\ b", "''", '""', "\"\\$HOME\""]) {
      const [word] = split(text(source));
      expect(raw(word!)).toBe(source);
    }
    expect(raw(split(text("a\\\nb"))[0]!)).toBe("ab");
  });
});

describe("refusals", () => {
  it.each([
    ["ps aux | grep x", "|"],
    ["a || b", "||"],
    ["a & b", "&"],
    ["a && b", "&&"],
    ["a; b", ";"],
    ["a ;; b", ";;"],
    ["a < in", "<"],
    ["a > out", ">"],
    ["a >> out", ">>"],
    ["a >| out", ">|"],
    ["a 2>&1", ">&"],
    ["a <&0", "<&"],
    ["a <<EOF", "<<"],
    ["a <> f", "<>"],
    ["(a)", "("],
    ["a )", ")"],
    ["a\nb", "newline"],
    ["a `b`", "`"],
    ['a "`b`"', "`"],
    ["a $(b)", "$("],
    ['a "$(b)"', "$("],
    ["a $((1+1))", "$("],
    ["#x", "#"],
    ["a #x", "#"],
    ["a\t#x", "#"],
  ])("%j → shell-operator %j", (line, operator) => {
    expect(refusal(line)).toEqual({ reason: "shell-operator", operator });
  });

  it.each(["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "function", "select", "time", "coproc", "!", "{", "}", "]]"])(
    "refuses the reserved word %j as first word",
    (word) => {
      expect(refusal(`${word} x`)).toEqual({ reason: "shell-operator", operator: word });
    },
  );

  it("does not treat quoted reserved words, or later ones, as reserved", () => {
    expect(words("'if' x")).toEqual(["if", "x"]);
    expect(words("\\! x")).toEqual(["!", "x"]);
    expect(words("echo if then ! { }")).toEqual(["echo", "if", "then", "!", "{", "}"]);
  });

  it.each([
    ["echo $HOME", "$H"],
    ["echo ${x}", "${"],
    ['echo "$1"', "$1"],
    ["echo $@", "$@"],
    ["echo $'x'", "$'"],
    ['echo $"x"', '$"'],
    ["echo $-", "$-"],
    ["echo $$", "$$"],
    ["echo $? $! $# $*", "$?"],
    ["echo $_", "$_"],
    // bash's arithmetic `$[1+1]`, quoted or not.
    ["echo $[1+1]", "$["],
    ['echo "$[1+1]"', "$["],
    // A line continuation vanishes first: `$\<newline>HOME` is `$HOME`.
    ["echo $\\\nHOME", "$H"],
    ['echo "$\\\n\\\n1"', "$1"],
  ])("%j → shell-variable %j", (line, operator) => {
    expect(refusal(line)).toEqual({ reason: "shell-variable", operator });
  });

  it.each([
    ["ls *.txt", "*"],
    ["ls a?", "?"],
    ["ls [ab]", "["],
    ["ls ~", "~"],
    ["ls ~/x", "~"],
    // bash reads an argument that looks like an assignment as one: `~` after its `=` or a `:`.
    ["ls x=~", "~"],
    ["ls PATH=a:~/bin", "~"],
    ['ls x="a":~', "~"],
    ["echo {a,b}", "{"],
    ["echo x{1..3}", "{"],
    // Bash reads quotes and escapes inside a brace list, and looks past a `}` without a comma.
    ["echo {a,'b c'}", "{"],
    ["echo {a,\\ b}", "{"],
    ["echo {a},b}", "{"],
  ])("%j → shell-expansion %j", (line, operator) => {
    expect(refusal(line)).toEqual({ reason: "shell-expansion", operator });
  });

  it("keeps quoted or mid-word glob and tilde characters", () => {
    expect(words("ls '*' \"?\" \\[ a~b")).toEqual(["ls", "*", "?", "[", "a~b"]);
    expect(words("ls ''~")).toEqual(["ls", "~"]);
    expect(words("ls --dir=~ a:~ x=a:\\~ x\\=~ x=a~ x=a':'~")).toEqual(["ls", "--dir=~", "a:~", "x=a:~", "x=~", "x=a~", "x=a:~"]);
  });

  // dash and bash keep a `[` literal when no unquoted `]` closes it in its word.
  it("keeps a `[` no `]` closes, and refuses one that makes a pattern", () => {
    expect(words(`ls [ a[ x]y jq .[] [! [a"]" [a\\] [[:x: "[ab]"`)).toEqual(["ls", "[", "a[", "x]y", "jq", ".[]", "[!", "[a]", "[a]", "[[:x:", "[ab]"]);
    expect(words("test [ -f x ]")).toEqual(["test", "[", "-f", "x", "]"]);
    for (const line of ["ls [ab]", "ls x[0]", "ls []]", "ls [!]]", "ls [^]a]", `ls ["]"]`, `ls [a"]"]`, "ls [[:alpha:]]"]) {
      expect({ line, refusal: refusal(line) }).toEqual({ line, refusal: { reason: "shell-expansion", operator: "[" } });
    }
    // An interpolated value may hold the `]`; inside quotes it cannot close the bracket.
    expect(splitCommandLine([text("ls ["), expr(1)])).toEqual({ ok: false, reason: "shell-expansion", operator: "[" });
    expect(split(text('ls ["'), expr(1), text('"')).map((word) => word.pieces.length)).toEqual([1, 4]);
    expect(splitCommandLine([text("ls "), expansion(1, "a["), text("b]")])).toEqual({ ok: false, reason: "shell-expansion", operator: "[" });
  });

  it("refuses an assignment prefix, only as the first word and only unquoted", () => {
    expect(refusal("FOO=1 cmd")).toEqual({ reason: "env-assignment", operator: "FOO=" });
    expect(refusal("_x9='a b' cmd")).toEqual({ reason: "env-assignment", operator: "_x9=" });
    expect(refusal("jsonpath='{.items}'")).toEqual({ reason: "env-assignment", operator: "jsonpath=" });
    expect(words("cmd FOO=1")).toEqual(["cmd", "FOO=1"]);
    expect(words("'FOO=1' cmd")).toEqual(["FOO=1", "cmd"]);
    expect(refusal("F\\OO=1 cmd")).toEqual({ reason: "ambiguous-escape", operator: "\\O" });
    expect(words("9x=1 cmd")).toEqual(["9x=1", "cmd"]);
  });

  it.each([
    ["echo 'abc", "'"],
    ['echo "abc', '"'],
    ["echo 'a\"b\"", "'"],
    ["echo abc\\", "\\"],
    ['echo "abc\\', "\\"],
  ])("%j → unterminated-quote %j", (line, operator) => {
    expect(refusal(line)).toEqual({ reason: "unterminated-quote", operator });
  });
});

describe("segments", () => {
  it("keeps an unknown interpolation inside the word it touches", () => {
    const logs = split(text("logs "), expr(1), text(" --tail 10"));
    expect(logs.map(wordValue)).toEqual(["logs", undefined, "--tail", "10"]);
    expect(logs[1]!.pieces).toEqual([{ kind: "expr", id: 1, quoting: "none" }]);

    const [, name] = split(text("run --name="), expr(2));
    expect(name!.pieces).toEqual([
      { kind: "text", value: "--name=", raw: "--name=", quoting: "none" },
      { kind: "expr", id: 2, quoting: "none" },
    ]);
    expect(split(expr(1), text(" "), expr(2))).toHaveLength(2);
    expect(split(text("a"), expr(1), text("b"), expr(2))).toHaveLength(1);
  });

  it("records the quoting an interpolation sits in", () => {
    const [, double, single, mixed] = split(text('run "'), expr(1), text(" x\" '"), expr(2), text("' a\""), expr(3), text('"b'));
    expect(double!.pieces).toEqual([
      { kind: "text", value: "", raw: '"', quoting: "double" },
      { kind: "expr", id: 1, quoting: "double" },
      { kind: "text", value: " x", raw: ' x"', quoting: "double" },
    ]);
    expect(single!.pieces.map((piece) => piece.quoting)).toEqual(["single", "single", "single"]);
    expect(mixed!.pieces).toEqual([
      { kind: "text", value: "a", raw: "a", quoting: "none" },
      { kind: "text", value: "", raw: '"', quoting: "double" },
      { kind: "expr", id: 3, quoting: "double" },
      { kind: "text", value: "", raw: '"', quoting: "double" },
      { kind: "text", value: "b", raw: "b", quoting: "none" },
    ]);
  });

  it("refuses what an unknown interpolation would complete: `$` or `\\` before it", () => {
    expect(splitCommandLine([text("echo $"), expr(1)])).toEqual({ ok: false, reason: "shell-variable", operator: "$" });
    expect(splitCommandLine([text('echo "$'), expr(1), text('"')])).toEqual({ ok: false, reason: "shell-variable", operator: "$" });
    expect(splitCommandLine([text("echo \\"), expr(1)])).toEqual({ ok: false, reason: "unterminated-quote", operator: "\\" });
    expect(split(expr(1), text("$ x")).map(wordValue)).toEqual([undefined, "x"]);
  });

  it("does not read `#` or `~` after an interpolation as word-initial", () => {
    expect(split(text("echo "), expr(1), text("#x "), expr(2), text("~")).map((word) => word.pieces.length)).toEqual([1, 2, 2]);
    expect(splitCommandLine([text("echo #"), expr(1)])).toMatchObject({ ok: false, operator: "#" });
  });

  it("field-splits a known unquoted value at blanks", () => {
    const result = split(text("agent "), expansion(1, "status  -json\tx"), text(" --all"));
    expect(result.map(wordValue)).toEqual(["agent", "status", "-json", "x", "--all"]);
    expect(result[1]!.pieces).toEqual([{ kind: "text", value: "status", raw: "status", quoting: "none", fromExpansion: 1 }]);
    expect(split(text("run --x="), expansion(1, "a b")).map(wordValue)).toEqual(["run", "--x=a", "b"]);
    expect(split(text("run "), expansion(1, ""), text(" x")).map(wordValue)).toEqual(["run", "x"]);
    expect(split(text("run "), expansion(1, " "), text(" x")).map(wordValue)).toEqual(["run", "x"]);
  });

  it("keeps a known value whole inside quotes", () => {
    const [, double] = split(text('run "'), expansion(1, "a  b"), text('"'));
    expect(wordValue(double!)).toBe("a  b");
    expect(double!.pieces).toContainEqual({ kind: "text", value: "a  b", raw: "a  b", quoting: "double", fromExpansion: 1 });
    expect(split(text("run '"), expansion(1, "a *b"), text("'")).map(wordValue)).toEqual(["run", "a *b"]);
    expect(split(text('run "'), expansion(1, ""), text('"')).map(wordValue)).toEqual(["run", ""]);
  });

  it("refuses glob characters in a known unquoted value", () => {
    expect(splitCommandLine([text("ls "), expansion(1, "a *.txt")])).toEqual({ ok: false, reason: "shell-expansion", operator: "*" });
    expect(splitCommandLine([text("ls "), expansion(1, "a?")])).toEqual({ ok: false, reason: "shell-expansion", operator: "?" });
    expect(splitCommandLine([text("ls "), expansion(1, "[ab]")])).toEqual({ ok: false, reason: "shell-expansion", operator: "[" });
  });

  it("reads a known value as shell text, since JavaScript pasted it into the line", () => {
    // const args = "'a b' c"; `cmd ${args}` ran as  cmd 'a b' c
    expect(split(text("cmd "), expansion(1, "'a b' c")).map(wordValue)).toEqual(["cmd", "a b", "c"]);
    const refused = (value: string, before = "cmd ", after = ""): unknown => {
      const result = splitCommandLine([text(before), expansion(1, value), text(after)]);
      return result.ok ? "accepted" : { reason: result.reason, operator: result.operator };
    };
    expect(refused("a | grep b")).toEqual({ reason: "shell-operator", operator: "|" });
    expect(refused("a\nb")).toEqual({ reason: "shell-operator", operator: "newline" });
    expect(refused("$HOME")).toEqual({ reason: "shell-variable", operator: "$H" });
    expect(refused("it's")).toEqual({ reason: "unterminated-quote", operator: "'" });
    expect(refused('a"b', '"', '"')).toEqual({ reason: "unterminated-quote", operator: '"' });
    expect(refused("#x")).toEqual({ reason: "shell-operator", operator: "#" });
    expect(refused("~/x")).toEqual({ reason: "shell-expansion", operator: "~" });
    expect(refused("{a,b}")).toEqual({ reason: "shell-expansion", operator: "{" });
    expect(refused("FOO=1 cmd", "")).toEqual({ reason: "env-assignment", operator: "FOO=" });
    expect(refused("if", "", " x")).toEqual({ reason: "shell-operator", operator: "if" });
  });
});
