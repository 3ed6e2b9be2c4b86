/** The `process` global the engine reads (`process.cwd()` for relative paths), injected by esbuild: the virtual project root. */
export const process = { cwd: (): string => "/", env: {} as Record<string, string | undefined>, platform: "browser" };
