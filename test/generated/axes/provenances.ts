/**
 * The receiver-provenance axis: where the client's value comes from (a global, the factory, a
 * declared type, a client module through each kind of import, the compat layer, a class field
 * assigned from it, a parameter its callers pass it), each with a lookalike that must stay
 * untouched: the same shape of code on an object with the client's member names that is not
 * the client (a shadowed global, a project module's object imported under the client's
 * name, a project type, a field or argument holding that object).
 */
export interface ProvenanceInput {
  readonly ts: boolean;
  readonly lookalike: boolean;
  fresh(base: string): string;
}

export interface Receiver {
  /** The client (or lookalike) expression a member is read off. */
  readonly client: string;
  /** Statements before the access. */
  readonly setup: readonly string[];
  readonly helpers: readonly string[];
  /** Parameters the scenario's exported function takes after `file, flag` (the runner passes the client by type). */
  readonly params: readonly string[];
  /** Wraps the scenario's statements (a class method, an inner function) and returns what they return. */
  readonly enclose?: (body: string[]) => string[];
  readonly usesThis: boolean;
}

export interface Provenance {
  readonly name: string;
  readonly tsOnly?: boolean;
  /**
   * Module-level names a program may bind only one way: the real `createCompatClient` import and
   * the project's lookalike of it cannot both be in one file; nor the global `ddClient` read
   * and an import that binds `ddClient`.
   */
  readonly binds?: (lookalike: boolean) => Partial<Record<string, string>>;
  readonly render: (input: ProvenanceInput) => Receiver;
}

const plain = (client: string, extra: Partial<Receiver> = {}): Receiver => ({ client, setup: [], helpers: [], params: [], usesThis: false, ...extra });
const CLIENT_TYPE = "v1Hybrid.DockerDesktopClient";

/** A global reached as `<name>.ddClient`; its lookalike shadows the global with a local object. */
const globalHolder = (name: string): Provenance => ({
  name,
  render: (i) => (i.lookalike ? plain(`${name}.ddClient`, { setup: [`const ${name} = { ddClient: offlineClient };`], helpers: ["offlineClient"] }) : plain(`${name}.ddClient`)),
});

/** An import of the client module (or, lookalike, of the project module holding a plain object under the same names). */
const imported = (name: string, real: string, realHelper: string, look: string, lookHelper: string, binds?: Provenance["binds"]): Provenance => ({
  name,
  ...(binds ? { binds } : {}),
  render: (i) => (i.lookalike ? plain(look, { helpers: [lookHelper] }) : plain(real, { helpers: [realHelper] })),
});

export const PROVENANCES: readonly Provenance[] = [
  globalHolder("window"),
  globalHolder("globalThis"),
  globalHolder("self"),
  {
    name: "global-ddclient",
    binds: (lookalike) => (lookalike ? {} : { ddClient: "global" }),
    render: (i) => (i.lookalike ? plain("ddClient", { setup: ["const ddClient = offlineClient;"], helpers: ["offlineClient"] }) : plain("ddClient")),
  },
  {
    name: "factory",
    binds: (lookalike) => (lookalike ? {} : { createDockerDesktopClient: "clientImport" }),
    render: (i) => {
      const client = i.fresh("client");
      if (i.lookalike) {
        return plain(client, { setup: ["function createDockerDesktopClient() {", "  return offlineClient;", "}", `const ${client} = createDockerDesktopClient();`], helpers: ["offlineClient"] });
      }
      // v1's factory is typed v1 only: typed code that still calls v0 says it holds the hybrid.
      return plain(client, { setup: [`const ${client} = createDockerDesktopClient()${i.ts ? ` as ${CLIENT_TYPE}` : ""};`], helpers: ["clientImport", "typesImport"] });
    },
  },
  {
    name: "declared-type",
    tsOnly: true,
    render: (i) => {
      if (!i.lookalike) return plain("client", { params: [`client: ${CLIENT_TYPE}`], helpers: ["typesImport"] });
      const use = i.fresh("withOwn");
      const enclose = (body: string[]): string[] => [`const ${use} = async (client: OfflineClient) => {`, ...body.map((line) => `  ${line}`), "};", `return ${use}(offlineClient);`];
      return plain("client", { helpers: ["offlineClient", "offlineType"], enclose });
    },
  },
  imported("import-named", "namedClient", "importNamed", "ddClient", "importOfflineAsDdClient", (lookalike) => (lookalike ? { ddClient: "importOfflineAsDdClient" } : {})),
  imported("import-default", "defaultClient", "importDefault", "offlineDefault", "importOfflineDefault"),
  imported("import-namespace", "clientModule.ddClient", "importNamespace", "projectObjects.ddClient", "importOfflineNamespace"),
  imported("import-reexport", "reexportedClient", "importReexport", "reexportedOffline", "importOfflineReexport"),
  {
    name: "compat",
    binds: (lookalike) => ({ createCompatClient: lookalike ? "importOfflineCompat" : "compatImport" }),
    render: (i) => {
      const client = i.fresh("compat");
      if (i.lookalike) return plain(client, { setup: [`const ${client} = createCompatClient();`], helpers: ["importOfflineCompat"] });
      return plain(client, { setup: [`const ${client} = createCompatClient();`], helpers: ["compatImport"] });
    },
  },
  {
    name: "compat-legacy",
    binds: (lookalike) => (lookalike ? {} : { createCompatClient: "compatImport" }),
    render: (i) => {
      const client = i.fresh("legacy");
      if (i.lookalike) {
        const setup = [`const withLegacyApi = (host${i.ts ? ": unknown" : ""}) => offlineClient;`, `const ${client} = withLegacyApi(window.ddClient);`];
        return plain(client, { setup, helpers: ["offlineClient"] });
      }
      return plain(client, { setup: [`const ${client} = withLegacyApi(window.ddClient);`], helpers: ["compatImport"] });
    },
  },
  {
    name: "class-field",
    render: (i) => {
      const holder = i.fresh("Panel");
      const params = i.ts ? "file: string, flag: boolean" : "file, flag";
      const enclose = (body: string[]): string[] => [
        `class ${holder} {`,
        `  client = ${i.lookalike ? "offlineClient" : "window.ddClient"};`,
        `  async run(${params}) {`,
        ...body.map((line) => `    ${line}`),
        "  }",
        "}",
        `return new ${holder}().run(file, flag);`,
      ];
      return plain("this.client", { enclose, usesThis: true, helpers: i.lookalike ? ["offlineClient"] : [] });
    },
  },
  {
    name: "passed-parameter",
    render: (i) => {
      const use = i.fresh("use");
      const enclose = (body: string[]): string[] => [
        `async function ${use}(host${i.ts ? ": any" : ""}) {`,
        ...body.map((line) => `  ${line}`),
        "}",
        `return ${use}(${i.lookalike ? "offlineClient" : "window.ddClient"});`,
      ];
      return plain("host", { enclose, helpers: i.lookalike ? ["offlineClient"] : [] });
    },
  },
];
