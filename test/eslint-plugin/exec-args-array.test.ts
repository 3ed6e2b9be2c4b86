import rule from "../../eslint-plugin/rules/exec-args-array.js";
import { ruleTester, tested } from "./rule-tester.js";

ruleTester.run("exec-args-array", tested(rule), {
  valid: [
    // Streamed, args pass through on every host: one element with a space is one argument.
    { code: 'ddClient.docker.cli.exec("events", ["--format", "{{json .}}"], { stream: { onOutput() {} } });', filename: "file.js" },
    { code: 'ddClient.docker.cli.exec("ps", ["-a"]);', filename: "file.js" },
    // Streamed: the quotes reach the program on every host.
    { code: 'ddClient.extension.host!.cli.exec("psql", [\'"select name from users"\'], { stream: { onOutput() {} } });', filename: "file.ts" },
    { code: 'ddClient.docker.cli.exec("ps", ["--format={{.Names}}", "-a", "x=1", "a/b.c:d@e,f%g"]);', filename: "file.ts" },
    // A run-time value alone: what the file cannot show is not reported.
    { code: "ddClient.docker.cli.exec(\"logs\", [`${id}`, name]);", filename: "file.ts" },
    // A parameter reassigned, or a caller's array of plain words.
    { code: 'const run = (sub: string[]) => ddClient.docker.cli.exec("ps", sub); run(["-a"]);', filename: "file.ts" },
    { code: 'ddClient.extension.vm!.cli.exec("sh", ["-c", "ls"]);', filename: "file.ts" },
    { code: 'const C = () => <b onClick={() => ddClient.docker.cli.exec("logs", [id, "--tail", "10"])} />;', filename: "file.tsx" },
  ],
  invalid: [
    {
      code: 'ddClient.docker.cli.exec("ps -a", []);',
      filename: "file.js",
      output: 'ddClient.docker.cli.exec("ps", ["-a"]);',
      errors: [{ messageId: "commandLineAsCommand", line: 1, column: 26 }],
    },
    {
      // An argument is only suggested apart: `["--format", "{{json .}}"]` meant one argument.
      code: 'ddClient.extension.vm!.cli.exec("/app/tailscale", ["up --reset", id]);',
      filename: "file.ts",
      output: null,
      errors: [
        {
          messageId: "multiWordArgument",
          line: 1,
          column: 52,
          suggestions: [{ messageId: "splitArgument", data: { member: "extension.vm.cli.exec" }, output: 'ddClient.extension.vm!.cli.exec("/app/tailscale", ["up", "--reset", id]);' }],
        },
      ],
    },
    {
      code: "const C = () => <b onClick={() => ddClient.extension.host!.cli.exec('kubectl get', args)} />;",
      filename: "file.tsx",
      output: "const C = () => <b onClick={() => ddClient.extension.host!.cli.exec('kubectl', ['get', ...args])} />;",
      errors: [{ messageId: "commandLineAsCommand", line: 1, column: 69 }],
    },
    {
      code: 'ddClient.extension.vm!.cli.exec("sh", ["-c", "ls -l /tmp"]);',
      filename: "file.ts",
      output: null,
      errors: [{ messageId: "multiWordArgument", line: 1, column: 46 }],
    },
    {
      code: 'ddClient.docker.cli.exec("ps", [`--filter name=${n}`]);',
      filename: "file.ts",
      output: null,
      errors: [{ messageId: "multiWordArgument", line: 1, column: 33 }],
    },
    // Every character a re-splitting host reads differently, alone in an argument, at each end, in a template's text.
    ...['"a b"', "'a'", "a\\b", "$HOME", "a ", " a", "\ta", "", "--format=\"{{ .Name }}\"", '"{{ json . }}"', "`a`"].map((value) => ({
      code: `ddClient.extension.vm!.cli.exec("tool", ["-x", ${JSON.stringify(value)}]);`,
      filename: "file.ts",
      output: null,
      errors: [{ messageId: "hostDependentArgument" as const, line: 1, column: 48 }],
    })),
    {
      code: "ddClient.docker.cli.exec(\"ps\", [`--format=\"${f}\"`, `${a} `]);",
      filename: "file.ts",
      output: null,
      errors: [
        { messageId: "hostDependentArgument", line: 1, column: 33 },
        { messageId: "hostDependentArgument", line: 1, column: 52 },
      ],
    },
    {
      // A wrapper's callers in the file: their arrays are the exec's args, whole or spread.
      code: 'const run = (sub: string[]) => ddClient.docker.cli.exec("x", ["-q", ...sub]);\nrun(["-c", \'"a b"\']);\nrun(["up --reset"]);',
      filename: "file.ts",
      output: null,
      errors: [
        { messageId: "hostDependentArgument", line: 2, column: 12 },
        {
          messageId: "multiWordArgument",
          line: 3,
          column: 6,
          suggestions: [{ messageId: "splitArgument", data: { member: "docker.cli.exec" }, output: 'const run = (sub: string[]) => ddClient.docker.cli.exec("x", ["-q", ...sub]);\nrun(["-c", \'"a b"\']);\nrun(["up", "--reset"]);' }],
        },
      ],
    },
  ],
});
