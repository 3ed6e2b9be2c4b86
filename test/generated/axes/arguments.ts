/**
 * The arguments a generated call takes where a row's arguments vary: command lines (literal,
 * template, concatenated, multi-word constants, shell operators, quoted words) and spawn
 * callbacks (the bodies the spawn-stream describer splits, `arguments`, a named callback, a v0
 * call nested inside).
 */
import type { Rng } from "../rng.js";

interface ArgumentContext {
  readonly rng: Rng;
  readonly ts?: boolean;
  /** What a v0 call nested in a callback is made on. */
  readonly root?: string;
  fresh(base: string): string;
}

const annotate = (c: { ts?: boolean }, name: string, type = "any"): string => (c.ts ? `${name}: ${type}` : name);

/** A command line and the helpers and tags it brings. */
export function commandLine(c: ArgumentContext): { text: string; tags: string[]; helpers: string[]; setup: string[] } {
  const none = { tags: [], helpers: [], setup: [] };
  switch (c.rng.int(0, 9)) {
    case 0:
      return { text: `"ls -l /tmp"`, ...none };
    case 1:
      return { text: "`cat ${file}`", ...none };
    case 2:
      return { text: '"cat " + file', tags: ["concatenation"], helpers: [], setup: [] };
    case 3:
      return { text: "`${TOOL} status`", tags: ["multi-word-const"], helpers: ["tool"], setup: [] };
    case 4:
      return { text: "`serve --port ${PORT}`", tags: ["numeric-const"], helpers: ["port"], setup: [] };
    case 5:
      return { text: "`${flag ? TOOL : file} run`", tags: ["multi-word-conditional"], helpers: ["tool"], setup: [] };
    case 6:
      return { text: '`tool ${WORDS.join(" ")}`', tags: ["join-interpolation"], helpers: ["words"], setup: [] };
    case 7: {
      const name = c.fresh("line");
      return { text: name, tags: ["local-const-line"], helpers: [], setup: [`const ${name} = "docker ps -a";`] };
    }
    case 8:
      return { text: `"ps aux | grep tool"`, tags: ["shell-operator"], helpers: [], setup: [] };
    default:
      return { text: `"echo 'two words'"`, tags: ["quoted-word"], helpers: [], setup: [] };
  }
}

/** A spawn callback: inline arrows of several bodies, a `function` reading `arguments`, a named one. */
export function spawnCallback(c: ArgumentContext): { text: string; tags: string[]; helpers: string[] } {
  const data = annotate(c, "data");
  const err = annotate(c, "err");
  switch (c.rng.int(0, 6)) {
    case 0:
      return { text: `(${data}, ${err}) => {\n  if (err) {\n    console.error("failed", err);\n  } else {\n    console.log("event", data);\n  }\n}`, tags: ["callback-if-err-else"], helpers: [] };
    case 1:
      return { text: `(${data}, ${err}) => {\n  if (err) console.error("failed", err);\n  else if (data.stdout) console.log("out", data.stdout);\n}`, tags: ["callback-if-err-else"], helpers: [] };
    case 2:
      return { text: `(${data}) => console.log("event", data)`, tags: ["callback-expression"], helpers: [] };
    case 3:
      return { text: `function (${data}, ${err}) {\n  console.log("arguments", arguments.length, data, err);\n}`, tags: ["function-arguments"], helpers: [] };
    case 4:
      return c.rng.chance(0.5)
        ? { text: `(${data}) => {\n  if (data.code !== undefined) console.log("exit", data.code);\n}`, tags: ["callback-code"], helpers: [] }
        : { text: `(${data}) => console.log("event", file, data)`, tags: ["callback-closure"], helpers: [] };
    case 5:
      // A v0 call inside the callback: rewritten by a later pass over the output.
      return {
        text: `(${data}, ${err}) => {\n  if (err) {\n    ${c.root}.execHostCmd(\`logger failed \${file}\`);\n  } else if (data.stdout) {\n    console.log("out", data.stdout);\n  }\n}`,
        tags: ["nested-v0-call"],
        helpers: [],
      };
    default:
      return { text: "onEvent", tags: ["named-callback"], helpers: ["onEvent"] };
  }
}
