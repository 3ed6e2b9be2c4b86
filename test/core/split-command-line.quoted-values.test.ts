/**
 * An interpolation inside quotes is one word whatever spaces its value holds, so long as the
 * value cannot end those quotes (or, in double quotes, be expanded there): the planner's side,
 * on described lines, along the axes quoting × what the value holds × known or not × raw or not.
 */
import { describe, expect, it } from "vitest";
import { planCommandLine, type CommandLineDescription, type LineExpression } from "../../core/plan-command-line.js";

type Quote = "'" | '"';

/** `tool -p <quote>${x}<quote>` with `x` of these known values, or unknown. */
function line(quote: Quote, values?: readonly string[], around = ""): CommandLineDescription {
  const expression: LineExpression = { id: 0, text: "x", ...(values ? { knownValues: values } : {}) };
  return {
    static: true,
    segments: [
      { kind: "text", text: `tool -p ${quote}${around}` },
      { kind: "expr", id: 0 },
      { kind: "text", text: `${quote} end` },
    ],
    expressions: [expression],
  };
}

const plan = (description: CommandLineDescription, rawArgs = false) => planCommandLine(description, { quote: '"', typescript: true, rawArgs });
const reviews = (result: ReturnType<typeof plan>): string[] => (result.ok ? result.review.map((review) => review.reason) : []);

describe("an interpolation alone inside quotes", () => {
  for (const quote of ["'", '"'] as const) {
    it(`is the value alone when the file shows one plain word (${quote})`, () => {
      const result = plan(line(quote, ["kube-system"]));
      expect(result).toMatchObject({ ok: true, cmd: '"tool"', args: ['"-p"', "x", '"end"'] });
      expect(reviews(result)).toEqual([]);
    });

    it(`is one word when the file shows values with spaces that cannot end the quotes (${quote})`, () => {
      const values = ["C:/Program Files/x.exe", "a b"];
      expect(plan(line(quote, values))).toMatchObject({ ok: true, args: ['"-p"', `\`${quote}\${x}${quote}\``, '"end"'] });
      expect(plan(line(quote, values), true)).toMatchObject({ ok: true, args: ['"-p"', "x", '"end"'] });
      expect(reviews(plan(line(quote, values)))).toEqual(["host-dependent-word"]);
    });

    it(`is one word when its value is not known: quoting kept, the value alone with raw args (${quote})`, () => {
      expect(plan(line(quote))).toMatchObject({ ok: true, args: ['"-p"', `\`${quote}\${x}${quote}\``, '"end"'] });
      expect(plan(line(quote), true)).toMatchObject({ ok: true, args: ['"-p"', "x", '"end"'] });
      expect(reviews(plan(line(quote), true))).toEqual(["host-dependent-word"]);
    });

    it(`stays a template literal with more around it in the word (${quote})`, () => {
      expect(plan(line(quote, ["a b"], "--name="), true)).toMatchObject({ ok: true, args: ['"-p"', "`--name=${x}`", '"end"'] });
    });
  }

  it("is pasted into the line, as the shell read it, when a value can end the quotes", () => {
    // 'it's': the value closed the single quotes, and the line no longer parses.
    expect(plan(line("'", ["it's"]))).toMatchObject({ ok: false, reason: "shell-syntax-error" });
    // In double quotes the shell expanded `$`, backticks and backslashes.
    expect(plan(line('"', ["$HOME x"]))).toMatchObject({ ok: false, reason: "shell-variable" });
    expect(plan(line('"', ["a\\b c"]))).toMatchObject({ ok: false, reason: "multi-word-value" });
    // A single quote is plain text inside double quotes, and `$` inside single quotes.
    expect(plan(line('"', ["it's here"]), true)).toMatchObject({ ok: true, args: ['"-p"', "x", '"end"'] });
    expect(plan(line("'", ["$HOME x"]), true)).toMatchObject({ ok: true, args: ['"-p"', "x", '"end"'] });
  });
});
