/**
 * The check as SARIF 2.1.0, the format GitHub code scanning ingests
 * (`github/codeql-action/upload-sarif`). Paths are relative to the repository root
 * (`%SRCROOT%`), as code scanning resolves them against the checked-out repository.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckFileResult, CheckLevel, CheckSummary } from "./check.js";
import { REPOSITORY_URL, TOOL, versionedDocsUrl } from "./version.js";
import { toPosix } from "./walk.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SRCROOT = "%SRCROOT%";
/** The key of our own fingerprint in `partialFingerprints`; the `/v1` says how it is computed. */
export const FINGERPRINT_KEY = "ddclientMigrateFinding/v1";
/** The repository's front page (its README): the package is not on a registry yet. */
const INFORMATION_URI = REPOSITORY_URL;

interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

interface SarifMessage {
  readonly text: string;
}

interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: SarifArtifactLocation;
    readonly region?: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
  };
}

export interface SarifLog {
  readonly $schema: typeof SARIF_SCHEMA;
  readonly version: "2.1.0";
  readonly runs: readonly [SarifRun];
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly semanticVersion: string;
      readonly informationUri: string;
      readonly rules: readonly {
        readonly id: string;
        readonly name: string;
        readonly shortDescription: SarifMessage;
        readonly fullDescription: SarifMessage;
        readonly helpUri: string;
        readonly help: SarifMessage & { readonly markdown: string };
        readonly defaultConfiguration: { readonly level: CheckLevel };
      }[];
    };
  };
  readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
  readonly columnKind: "utf16CodeUnits";
  readonly invocations: readonly {
    readonly executionSuccessful: boolean;
    readonly toolExecutionNotifications: readonly { readonly level: "error" | "note"; readonly message: SarifMessage; readonly locations: readonly SarifLocation[] }[];
  }[];
  readonly results: readonly {
    readonly ruleId: string;
    readonly ruleIndex: number;
    readonly level: CheckLevel;
    readonly message: SarifMessage;
    readonly locations: readonly SarifLocation[];
    readonly partialFingerprints: Readonly<Record<string, string>>;
  }[];
}

export function buildSarif(summary: CheckSummary): SarifLog {
  const ruleIndex = new Map(summary.rules.map((rule, i) => [rule.id, i]));
  const artifact = (file: string): SarifArtifactLocation => artifactLocation(file, summary.sourceRoot);
  const notice = (file: CheckFileResult): SarifRun["invocations"][number]["toolExecutionNotifications"][number] => ({
    level: file.status === "failed" ? "error" : "note",
    message: { text: `${toPosix(path.relative(summary.sourceRoot, file.path))}: ${file.error ?? file.note ?? ""}` },
    locations: [{ physicalLocation: { artifactLocation: artifact(file.path) } }],
  });
  const run: SarifRun = {
    tool: {
      driver: {
        name: TOOL.name,
        version: TOOL.version,
        semanticVersion: TOOL.version,
        informationUri: INFORMATION_URI,
        rules: summary.rules.map((rule) => {
          // The docs of the version that wrote the log (docs/check.md), not of `main`, which moves on.
          const helpUri = versionedDocsUrl(`docs/rules/${rule.name}.md`);
          return {
            id: rule.id,
            name: pascalCase(rule.name),
            shortDescription: { text: rule.description },
            fullDescription: { text: `${rule.description}. Checked by the ESLint rule \`${rule.id}\`; see ${helpUri} for examples and fixes.` },
            helpUri,
            help: {
              text: `${rule.description}. Checked by the ESLint rule ${rule.id}; examples and fixes: ${helpUri}`,
              markdown: `${rule.description}. Checked by the ESLint rule \`${rule.id}\`; examples and fixes: [${rule.name}](${helpUri}).`,
            },
            defaultConfiguration: { level: rule.level },
          };
        }),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(summary.sourceRoot) } },
    columnKind: "utf16CodeUnits",
    invocations: [
      {
        executionSuccessful: summary.counts.failed === 0 && summary.counts.unchecked === 0,
        toolExecutionNotifications: summary.files.filter((file) => file.status === "failed" || file.status === "skipped").map(notice),
      },
    ],
    results: summary.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId)!,
      level: finding.level,
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(finding.path),
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    })),
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}

/** `src/my file.ts` → `src/my%20file.ts` under `%SRCROOT%`; a file outside the root gets an absolute `file:` URI. */
function artifactLocation(file: string, root: string): SarifArtifactLocation {
  const rel = path.relative(root, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  // `:` too, or `c:x.ts` would read as a URI with the scheme `c`.
  return { uri: encodeURI(toPosix(rel)).replace(/[?#:]/g, encodeURIComponent), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** SARIF's `name` is an identifier-like form of the id: `no-shell-operators` → `NoShellOperators`. */
function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
