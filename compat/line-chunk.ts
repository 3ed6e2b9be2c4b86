/**
 * Everything that translates command lines, loaded lazily as one chunk by the first call that
 * needs it (./host-order.ts): on a host offering both APIs it is never loaded.
 */
export { commandWords } from "./command-line.js";
export { v0Line } from "./v0-line.js";
