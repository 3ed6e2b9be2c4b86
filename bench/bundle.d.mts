/** Types of bench/bundle.mjs, for the test that migrates a big bundle. */
export function writeBundle(dir: string, targetBytes?: number, legacyEvery?: number): { file: string; modules: number; legacy: number; bytes: number; lines: number };
