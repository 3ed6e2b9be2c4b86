/** Types of scripts/check-format.mjs, for its test. */
export function formatProblems(text: string): string[];
