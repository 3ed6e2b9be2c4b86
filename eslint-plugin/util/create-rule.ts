/** Every rule of the plugin is built here, so docs links and metadata share one shape. */
import { ESLintUtils } from "@typescript-eslint/utils";
import { PACKAGE } from "./package.js";

export interface PluginDocs {
  /** Severity in the `recommended` config (`strict` turns every rule to error). */
  readonly recommended: "error" | "warn";
}

/** The docs ship in the package (`files`), so a version-pinned unpkg link always resolves. */
export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `https://unpkg.com/${PACKAGE.name}@${PACKAGE.version}/docs/rules/${name}.md`);
