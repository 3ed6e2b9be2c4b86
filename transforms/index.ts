/** The transform registry, built from each transform's exported `meta`; the table's rows name their transform by id. */
import type { TransformId } from "../deprecations/table.js";
import * as backendService from "./backend-service.js";
import * as dockerCli from "./docker-cli.js";
import * as execCommandLine from "./exec-command-line.js";
import type { V0CallSite } from "./lib/call-sites.js";
import type { ArgumentsDescription } from "../core/call-site.js";
import type { FileContext } from "./lib/file-context.js";
import * as memberRename from "./member-rename.js";
import * as spawnStream from "./spawn-stream.js";

export interface Transform {
  readonly meta: { readonly id: TransformId; readonly description: string };
  /** Describes the call's arguments for core/plan-call-site, which decides the rewrite. */
  describeArguments(site: V0CallSite, ctx: FileContext): ArgumentsDescription;
}

export const TRANSFORMS: readonly Transform[] = [backendService, execCommandLine, spawnStream, memberRename, dockerCli];

export const TRANSFORM_BY_ID: ReadonlyMap<TransformId, Transform> = new Map(TRANSFORMS.map((transform) => [transform.meta.id, transform]));
