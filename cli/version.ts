/** The package's own name and version (read once, by the plugin's reader: the CLI sits above it). */
import { PACKAGE, REPOSITORY_URL, versionedDocsUrl } from "../eslint-plugin/util/package.js";

export const TOOL = PACKAGE;
export { REPOSITORY_URL, versionedDocsUrl };
