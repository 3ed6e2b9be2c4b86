/** Types of bench/corpus.mjs, for the tests that generate trees with it. */
export function corpusFile(index: number, legacyEvery?: number): { rel: string; source: string; legacy: boolean };
export function generateCorpus(dir: string, files: number, legacyEvery?: number): unknown;
export function writeCorpus(dir: string, files: number, legacyEvery?: number): unknown;
