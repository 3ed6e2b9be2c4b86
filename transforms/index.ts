/** The transform families the codemod runs (engine/families), for the CLI, the docs and the fixture loop. */
export { TRANSFORMS, TRANSFORM_BY_ID, type TransformFamily } from "../engine/families/index.js";
