/**
 * The transform families, one file each: the table's rows name their family by id, and each
 * family reads the arguments of its calls for core/plan-call-site, for the codemod and the
 * lint fix alike.
 */
import type { ArgumentsDescription } from "../../core/call-site.js";
import type { TransformId } from "../../deprecations/table.js";
import type { V0CallSite } from "../call-sites.js";
import type { EngineFile } from "../file.js";
import * as backendService from "./backend-service.js";
import * as dockerCli from "./docker-cli.js";
import * as execCommandLine from "./exec-command-line.js";
import * as memberRename from "./member-rename.js";
import * as spawnStream from "./spawn-stream.js";

export interface TransformFamily {
  readonly meta: { readonly id: TransformId; readonly description: string };
  describeArguments(site: V0CallSite, file: EngineFile): ArgumentsDescription;
}

export const TRANSFORMS: readonly TransformFamily[] = [backendService, execCommandLine, spawnStream, memberRename, dockerCli];

export const TRANSFORM_BY_ID: ReadonlyMap<TransformId, TransformFamily> = new Map(TRANSFORMS.map((family) => [family.meta.id, family]));
