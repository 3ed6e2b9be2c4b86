/**
 * The closing line says what is true of the run: a run without --check, or `ddclient-migrate`,
 * only when it would migrate something; hand work when only calls left for a person remain.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IO_TIMEOUT } from "../support/timeouts.js";
import { cliInProcess, tempTree, V0_GET, V0_PIPE, V1_GET } from "./helpers.js";

const lastLine = (stdout: string): string => stdout.trimEnd().split("\n").at(-1)!;

describe("next-step lines", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  async function tree(source: string): Promise<string> {
    const created = await tempTree({ "src/a.js": source });
    cleanup = created.cleanup;
    return created.dir;
  }

  describe("--check", () => {
    it("migratable calls left: run without --check, and how many need a person", async () => {
      const dir = await tree(V0_GET + V0_GET + V0_PIPE);
      const result = await cliInProcess(dir, "--check");
      expect(result.code).toBe(3);
      expect(lastLine(result.stdout)).toBe("Check failed: 3 call sites still use the v0 API. Run without --check to migrate 2 of them; the other 1 needs a person, as listed above.");
    });

    it("only migratable calls left: run without --check", async () => {
      const result = await cliInProcess(await tree(V0_GET), "--check");
      expect(lastLine(result.stdout)).toBe("Check failed: 1 call site still uses the v0 API. Run without --check to migrate it.");
    });

    it("after a full migration, only manual calls left: no run without --check is suggested", async () => {
      const dir = await tree(V0_GET + V0_PIPE);
      expect((await cliInProcess(dir)).code).toBe(0);
      const result = await cliInProcess(dir, "--check");
      expect(result.code).toBe(3);
      expect(result.stdout).not.toContain("Run without --check");
      expect(lastLine(result.stdout)).toMatch(/^Check failed: 1 call site still uses the v0 API\. None can be migrated automatically: migrate it by hand/);
    });

    it("clean: passed", async () => {
      const result = await cliInProcess(await tree(V1_GET), "--check");
      expect(result.code).toBe(0);
      expect(lastLine(result.stdout)).toBe("Check passed: no v0 call found.");
    });
  });

  describe("check", () => {
    it("migratable calls left: run ddclient-migrate for them, the rest by hand", async () => {
      const result = await cliInProcess(await tree(V0_GET + V0_PIPE), "check");
      expect(result.code).toBe(3);
      expect(lastLine(result.stdout)).toBe("Check failed: run `ddclient-migrate` to migrate the 1 v0 call it can; fix the rest by hand.");
    });

    it("only problems the codemod cannot migrate: no run of ddclient-migrate is suggested", async () => {
      const result = await cliInProcess(await tree(V1_GET + V0_PIPE), "check");
      expect(result.code).toBe(3);
      expect(result.stdout).not.toContain("run `ddclient-migrate`");
      expect(lastLine(result.stdout)).toMatch(/^Check failed: nothing found can be migrated automatically\. .*`--allow <member>` or an `eslint-disable` comment/);
    });

    it("only v1 rules' problems: no `--allow`, which takes v0 members only", async () => {
      const result = await cliInProcess(await tree(V1_GET + 'window.ddClient.docker.cli.exec("ps", ["--format", \'"{{ .Names }}"\']);\n'), "check");
      expect(result.code).toBe(3);
      expect(result.stdout).toContain("ddclient-migrate/exec-args-array");
      expect(result.stdout).not.toContain("--allow");
      expect(lastLine(result.stdout)).toBe("Check failed: nothing found can be migrated automatically. Fix each problem by hand, or keep one on purpose with an `eslint-disable` comment for its rule (docs/check.md).");
    });

    it("a v0 call and a v1 rule's problem: `--allow` for the v0 call only", async () => {
      const result = await cliInProcess(await tree(V0_PIPE + 'window.ddClient.docker.cli.exec("ps", ["a b"]);\n'), "check");
      expect(lastLine(result.stdout)).toBe(
        "Check failed: nothing found can be migrated automatically. Fix each problem by hand, or keep a v0 call on purpose with `--allow <member>` or an `eslint-disable` comment, and another problem with an `eslint-disable` comment (docs/check.md).",
      );
    });

    it("clean: passed", async () => {
      const result = await cliInProcess(await tree(V1_GET), "check");
      expect(result.code).toBe(0);
      expect(lastLine(result.stdout)).toBe("Check passed.");
    });
  });
});
