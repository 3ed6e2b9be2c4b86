import type { v1 } from "@docker/extension-api-client-types";

/**
 * An exec result with the v1 helpers, whichever host produced it: a host's own result
 * already has them and is returned as it is.
 */
export function withHelpers(result: v1.RawExecResult & Partial<v1.ExecResult>): v1.ExecResult {
  if (typeof result.lines == "function") return result as v1.ExecResult;
  const lines = (): string[] => result.stdout.split(/\r?\n/).filter(Boolean);
  return {
    ...result,
    lines,
    parseJsonLines: () => lines().map((line) => JSON.parse(line)),
    parseJsonObject: () => JSON.parse(result.stdout),
  };
}
