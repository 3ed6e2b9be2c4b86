import rule from "../../eslint-plugin/rules/no-shell-operators.js";
import { ruleTester, tested } from "./rule-tester.js";

ruleTester.run("no-shell-operators", tested(rule), {
  valid: [
    { code: 'window.ddClient.execHostCmd("docker ps --format \'{{.Names}} | x\'");', filename: "file.js" },
    { code: 'ddClient.extension.host!.cli.exec("git", ["commit", "-m", "for #1"]);', filename: "file.ts" },
    { code: 'ddClient.extension.vm!.cli.exec("sh", ["-c", "ls | wc -l"]);', filename: "file.ts" },
    { code: 'const C = () => <b onClick={() => ddClient.docker.cli.exec("ps", ["-a"])} />;', filename: "file.tsx" },
    { code: 'const pipe = { cli: { exec: (c, a) => a } }; pipe.cli.exec("a", ["|"]);', filename: "file.js" },
  ],
  invalid: [
    {
      code: 'window.ddClient.execHostCmd("ps aux | grep x");',
      filename: "file.js",
      errors: [{ messageId: "shellOperator", data: { member: "execHostCmd", operator: "|" }, line: 1, column: 29 }],
    },
    {
      code: 'ddClient.extension.host!.cli.exec("kubectl", ["get", "pods", "&&", "echo"]);',
      filename: "file.ts",
      errors: [{ messageId: "shellOperator", data: { member: "extension.host.cli.exec", operator: "&&" }, line: 1, column: 62 }],
    },
    {
      code: "const PIPE = '> out.txt';\nwindow.ddClient.backend.execInVMExtension(`ls ${PIPE}`);",
      filename: "file.ts",
      errors: [{ messageId: "shellOperator", data: { member: "backend.execInVMExtension", operator: ">" }, line: 2, column: 43 }],
    },
    {
      code: 'const C = ({ f }: { f: string }) => <b onClick={() => ddClient.docker.cli.exec("exec", ["box", "sh", "-c", `tar czf ${f} /data`])} />;',
      filename: "file.tsx",
      errors: [{ messageId: "shellWrapper", data: { shell: "sh" }, line: 1, column: 108 }],
    },
    {
      code: 'window.ddClient.execDockerCmd("ps", "-q", "$(date)");',
      filename: "file.js",
      errors: [{ messageId: "shellOperator", data: { member: "execDockerCmd", operator: "$(" }, line: 1, column: 43 }],
    },
  ],
});
