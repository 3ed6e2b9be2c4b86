/**
 * `check` keeps quiet where ESLint would: each file's `eslint-disable` comments are compared
 * with ESLint's own reading of them (the real `Linter`, the plugin's `strict` rules), and the
 * `allow` list comes from `--allow` or the nearest package.json that keeps one.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../cli/check.js";
import plugin from "../../eslint-plugin/index.js";
import { lint } from "../eslint-plugin/helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";
import { cliInProcess, tempTree } from "./helpers.js";

const V0_ROUTE = 'window.ddClient.navigateToRoute("/x");';
const V0_GET = 'window.ddClient.backend.get("/x");';
const V0_PIPE = 'window.ddClient.execHostCmd("ls | wc");';
const V1_PIPE = 'ddClient.extension.host.cli.exec("ps aux | grep x", []);';

/** Each case: a file whose comments turn off some of its findings. */
const DIRECTIVES: Readonly<Record<string, string>> = {
  "line.js": [`${V0_ROUTE} // eslint-disable-line ddclient-migrate/no-deprecated-api -- no v1 counterpart`, `${V0_GET} /* eslint-disable-line */`, V0_GET].join("\n"),
  "next-line.ts": ["// eslint-disable-next-line", V0_PIPE, "/* eslint-disable-next-line ddclient-migrate/no-shell-operators */", V0_PIPE, "// eslint-disable-next-line other-plugin/rule", V0_GET].join("\n"),
  "block.js": [
    "/* eslint-disable ddclient-migrate/no-deprecated-api, ddclient-migrate/no-shell-operators */",
    V0_PIPE,
    "/* eslint-enable ddclient-migrate/no-shell-operators */",
    V0_PIPE,
    "/* eslint-enable */",
    V0_GET,
    "/* eslint-disable */",
    `${V1_PIPE} ${V0_GET}`,
    "/* eslint-enable ddclient-migrate/no-deprecated-api */",
    `${V1_PIPE} ${V0_GET}`,
  ].join("\n"),
  // A line comment cannot open a block; a block comment over two lines cannot be a -line directive.
  "not-directives.js": ["// eslint-disable", V0_GET, `${V0_GET} /* eslint-disable-line`, "*/", `const s = "// eslint-disable-line"; ${V0_GET}`].join("\n"),
  // A -next-line directive in a block comment over several lines counts from the comment's end.
  "next-line-block.js": [V0_GET, "/* eslint-disable-next-line", "   ddclient-migrate/no-deprecated-api */", V0_GET, V0_GET].join("\n"),
  "mid-line.js": [`${V0_GET} /* eslint-disable */ ${V0_GET}`, V0_GET].join("\n"),
};

const STRICT = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`ddclient-migrate/${name}`, "error" as const]));

describe("check and eslint-disable comments", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("reports exactly what ESLint reports on files with directives", async () => {
    const created = await tempTree(DIRECTIVES);
    cleanup = created.cleanup;
    const summary = await runCheck({ cwd: created.dir });
    for (const [name, source] of Object.entries(DIRECTIVES)) {
      const eslint = lint(source, name, STRICT).filter((m) => m.ruleId?.startsWith("ddclient-migrate/")).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
      const check = summary.findings.filter((f) => path.basename(f.path) === name).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
      expect(check, name).toEqual(eslint);
      // Without the comments, a file has more to report: each directive in it turns something off.
      const withoutComments = lint(source.replace(/eslint-(?:disable|enable)/g, "x"), name, STRICT).filter((m) => m.ruleId?.startsWith("ddclient-migrate/")).length;
      if (name === "not-directives.js") expect(check.length).toBe(withoutComments);
      else expect(check.length, name).toBeLessThan(withoutComments);
    }
  });

  it("--allow, repeatable or a comma list, leaves those members unreported and keeps the other rules", async () => {
    const created = await tempTree({ "a.js": [V0_ROUTE, 'window.ddClient.navigateToDevEnvironments();', V0_PIPE].join("\n") });
    cleanup = created.cleanup;
    const repeated = await cliInProcess(created.dir, "check", "--allow", "navigateToRoute", "--allow", "navigateToDevEnvironments,execHostCmd", "--format", "json");
    const report = JSON.parse(repeated.stdout) as { findings: { ruleId: string; line: number }[] };
    expect(report.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(["3 ddclient-migrate/no-shell-operators"]);
    expect((await cliInProcess(created.dir, "check", "--allow", "navigateToRoute,navigateToDevEnvironments", "--ignore", "nothing")).code).toBe(3);
  });

  it("takes the allow list of the nearest package.json that keeps one, from the file upward", async () => {
    const created = await tempTree({
      "package.json": JSON.stringify({ name: "root", "ddclient-migrate": { allow: ["navigateToRoute"] } }),
      "packages/ui/package.json": JSON.stringify({ name: "ui" }),
      "packages/ui/src/a.js": V0_ROUTE,
      "packages/admin/package.json": JSON.stringify({ name: "admin", "ddclient-migrate": { allow: ["navigateToDevEnvironments"] } }),
      "packages/admin/src/b.js": V0_ROUTE,
    });
    cleanup = created.cleanup;
    const fromRoot = await cliInProcess(created.dir, "check");
    expect(fromRoot.stdout).not.toContain("packages/ui/src/a.js");
    expect(fromRoot.stdout).toContain("packages/admin/src/b.js:1:17  ddclient-migrate/no-deprecated-api");
    expect(fromRoot.code).toBe(3);
    // Scanning one package finds the config above it.
    expect((await cliInProcess(created.dir + "/packages/ui", "check", "src")).code).toBe(0);
  });

  it.each([
    [{ allow: ["navigateToNowhere"] }, /package\.json "ddclient-migrate"\.allow: unknown v0 member "navigateToNowhere"/],
    [{ alow: ["navigateToRoute"] }, /unknown key "alow"/],
    [{ allow: "navigateToRoute" }, /allow: expected an array of strings/],
  ])("2: a package.json config %j is a usage error naming the file", async (config, message) => {
    const created = await tempTree({ "package.json": JSON.stringify({ name: "x", "ddclient-migrate": config }), "a.js": V0_ROUTE });
    cleanup = created.cleanup;
    const result = await cliInProcess(created.dir, "check");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
