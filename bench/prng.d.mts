/** Types of bench/prng.mjs, for the tests that share its generator. */
export function mulberry32(seed: number): () => number;
