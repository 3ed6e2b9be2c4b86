/**
 * The table-row axis: every row of deprecations/table.ts (read, not listed again), with the
 * arguments a call of it takes and what v0 gave back, both derived from the row's kind and
 * v0's declarations, so a new row is generated as soon as the table has it.
 */
import { DEPRECATIONS, type Deprecation } from "../../../deprecations/table.js";
import { commandLine, spawnCallback } from "./arguments.js";
import type { Rng } from "../rng.js";

export interface RowContext {
  readonly rng: Rng;
  readonly ts: boolean;
  /** The receiver a v0 call nested in a spawn callback is made on. */
  readonly root: string;
  /** A name unique in the program. */
  fresh(base: string): string;
}

export interface RowCall {
  /** The argument list, without parentheses. */
  readonly args: string;
  /** Statements the arguments need before the call (`const line7 = "docker ps -a";`). */
  readonly setup: readonly string[];
  readonly helpers: readonly string[];
}

/** What a v0 call of the row gives back, by v0's declarations: a context reading `.then` needs a promise. */
export type V0Value = "promise" | "void";

export interface RowValue {
  readonly id: string;
  /** The member on its receiver: `get` of `backend.get`. */
  readonly member: string;
  readonly backend: boolean;
  readonly v0: V0Value;
  /** In v1Hybrid's types (TypeScript programs can call it); `no-counterpart` rows are not. */
  readonly typed: boolean;
  args(c: RowContext): RowCall;
}

const none = { setup: [], helpers: [] };

/** v0's declarations, as the table gives them: spawns, toasts, `openExternal` and some navigations return void. */
const v0ValueOf = (row: Deprecation): V0Value => (row.returns.v0 === "void" ? "void" : "promise");

/** A navigation's arguments by its view: plural views take none, an image an id and a tag. */
function navigationArgs(id: string): string {
  if (/(Containers|Images|Volumes|DevEnvironments)$/.test(id)) return "";
  if (id === "navigateToImage") return `"i1", "latest"`;
  if (id === "navigateToRoute") return `"/settings"`;
  return `"c1"`;
}

function argsOf(row: Deprecation, member: string): (c: RowContext) => RowCall {
  switch (row.kind) {
    case "command-line":
      return (c) => {
        const line = commandLine(c);
        return { args: line.text, setup: line.setup, helpers: line.helpers };
      };
    case "spawn":
      return (c) => {
        const cmd = row.id === "spawnDockerCmd" ? `"logs", ["-f", "c1"]` : `"tail", ["-f", file]`;
        const callback = spawnCallback({ rng: c.rng, ts: c.ts, root: c.root, fresh: c.fresh });
        return { args: `${cmd}, ${callback.text}`, setup: [], helpers: callback.helpers };
      };
    case "container-exec":
      return () => ({ args: `"c1", "ls -l"`, ...none });
    case "docker-rest":
      return (c) => ({ args: c.rng.chance(0.5) ? `"ps", "-a"` : `"ps -a"`, ...none });
    default:
      break;
  }
  if (row.id === "backend.request") return () => ({ args: `{ url: "/r", method: "GET", headers: {}, data: null }`, ...none });
  if (["post", "put", "patch"].includes(member)) return () => ({ args: `"/items", { name: "x" }`, ...none });
  if (row.id.startsWith("backend.")) return () => ({ args: `"/items"`, ...none });
  if (/^toast/.test(member)) return () => ({ args: "`done ${file}`", ...none });
  // v0 declares the options `never`: typed code casts them.
  if (/^list/.test(member)) return (c) => ({ args: `{ all: true }${c.ts ? " as never" : ""}`, ...none });
  if (member === "openExternal") return () => ({ args: `"https://docs.docker.com"`, ...none });
  return () => ({ args: navigationArgs(member), ...none });
}

export const ROWS: readonly RowValue[] = DEPRECATIONS.map((row) => {
  const backend = row.id.startsWith("backend.");
  const member = backend ? row.id.slice("backend.".length) : row.id;
  return { id: row.id, member, backend, v0: v0ValueOf(row), typed: row.kind !== "no-counterpart", args: argsOf(row, member) };
});
