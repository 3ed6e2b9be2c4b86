import rule from "../../eslint-plugin/rules/exec-args-array.js";
import { ruleTester, tested } from "./rule-tester.js";

ruleTester.run("exec-args-array", tested(rule), {
  valid: [
    // Streamed, args pass through on every host: one element with a space is one argument.
    { code: 'ddClient.docker.cli.exec("events", ["--format", "{{json .}}"], { stream: { onOutput() {} } });', filename: "file.js" },
    { code: 'ddClient.docker.cli.exec("ps", ["-a"]);', filename: "file.js" },
    { code: 'ddClient.extension.host!.cli.exec("psql", [\'"select name from users"\']);', filename: "file.ts" },
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
  ],
});
