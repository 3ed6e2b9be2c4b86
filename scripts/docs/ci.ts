/**
 * The CI gate as the docs show it, rendered with the package's own version so the pin never
 * goes stale: the install line that pins it in the project's lockfile, and the GitHub Actions
 * job that installs the lockfile (`npm ci`) and runs the installed bin. `npx --no` never falls
 * back to the registry: an unpinned `npx ddclient-migrate` would run whatever is published
 * under the name at the time (today, a 404).
 */
import { PACKAGE } from "../../eslint-plugin/util/package.js";

const TARBALL = `${PACKAGE.name}-${PACKAGE.version}.tgz`;

/** Pinning the package in the project: from the registry once published, from a tarball inside the repository until then. */
export function renderCiInstall(): string {
  return [
    "```sh",
    `# once published: an exact version in package.json and the lockfile`,
    `npm install --save-dev --save-exact ${PACKAGE.name}@${PACKAGE.version}`,
    `# until then: the packed tarball, committed inside the repository (a path outside it fails \`npm ci\` on a runner)`,
    `mkdir -p vendor && cp /home/me/src/${PACKAGE.name}/${TARBALL} vendor/   # the absolute path of the tarball \`npm pack\` wrote`,
    `npm install --save-dev ./vendor/${TARBALL}   # package.json: "${PACKAGE.name}": "file:vendor/${TARBALL}"`,
    `git add vendor/${TARBALL} package.json package-lock.json`,
    "```",
  ].join("\n");
}

/** The whole job (docs/check.md) or its steps only (the README's excerpt, with the ESLint alternative). */
export function renderCiJob(form: "job" | "excerpt"): string {
  const check = `npx --no -- ${PACKAGE.name} check src/ --format sarif --output ddclient.sarif`;
  if (form === "excerpt") {
    return [
      "```yaml",
      "# .github/workflows/ddclient.yml (excerpt)",
      "permissions:",
      "  contents: read",
      "  security-events: write",
      "steps:",
      "  - uses: actions/checkout@v4",
      "  - uses: actions/setup-node@v4",
      "    with:",
      "      node-version: 20",
      `  - run: npm ci                 # installs the pinned ${PACKAGE.name} ${PACKAGE.version} from the lockfile`,
      "  - run: npx eslint --max-warnings 0 src/",
      "  # or, without an ESLint config (`--no`: the installed bin, never a download):",
      `  - run: ${check}`,
      "  - if: ${{ !cancelled() }}",
      "    uses: github/codeql-action/upload-sarif@v4",
      "    with:",
      "      sarif_file: ddclient.sarif",
      "      category: ddclient-migrate",
      "```",
    ].join("\n");
  }
  return [
    "```yaml",
    "jobs:",
    "  ddclient:",
    "    runs-on: ubuntu-latest",
    "    permissions:",
    "      contents: read",
    "      security-events: write   # upload-sarif",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: actions/setup-node@v4",
    "        with:",
    "          node-version: 20",
    `      # The project's lockfile pins ${PACKAGE.name} ${PACKAGE.version} (above).`,
    "      - run: npm ci",
    "      # `--no`: run the installed bin; never fetch whatever the registry holds under the name.",
    `      - run: ${check}`,
    "      # Upload the findings even though the step above failed the job.",
    "      - if: ${{ !cancelled() }}",
    "        uses: github/codeql-action/upload-sarif@v4",
    "        with:",
    "          sarif_file: ddclient.sarif",
    "          category: ddclient-migrate",
    "```",
  ].join("\n");
}
