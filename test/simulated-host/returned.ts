/**
 * What a scenario gives back, made comparable across APIs: a promise by what it settles to
 * (`{ rejected }` when it rejects), a v1 process object (`{ close }` of a streamed exec) as the
 * tag `<process>`, `undefined` and functions as tags, arrays and objects member by member. A
 * v0 call and its rewrite must give back equal values wherever the code reads them.
 */
const PROCESS = "<process>";
const DEPTH = 4;

const isProcess = (value: object): boolean => typeof (value as { close?: unknown }).close === "function" && Object.values(value).every((member) => typeof member === "function");

const describe = (error: unknown): unknown => (error instanceof Error ? error.message : error);

export async function settledValue(value: unknown, depth = 0, seen = new Set<unknown>()): Promise<unknown> {
  if (value === undefined) return "<undefined>";
  if (typeof value === "function") return "<function>";
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Promise) {
    try {
      return { resolved: await settledValue(await value, depth + 1, seen) };
    } catch (error) {
      return { rejected: await settledValue(describe(error), depth + 1, seen) };
    }
  }
  if (value instanceof Error) return { error: value.message };
  if (isProcess(value)) return PROCESS;
  if (depth > DEPTH || seen.has(value)) return "<deep>";
  seen.add(value);
  try {
    if (Array.isArray(value)) return await Promise.all(value.map((item) => settledValue(item, depth + 1, seen)));
    const keys = Object.keys(value).sort();
    return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await settledValue((value as Record<string, unknown>)[key], depth + 1, seen)])));
  } finally {
    seen.delete(value);
  }
}
