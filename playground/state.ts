/**
 * What the page shows, kept in the URL's hash so a case can be shared as a link:
 * `#kind=tsx&file=src%2FApp.tsx&client=import&raw=1&safe=1&code=<base64url of the UTF-8 text>`.
 * The file's extension is always the kind; a hash that disagrees gets the kind's extension.
 * docs/playground.md documents the format for issue reports: change both together.
 */
import type { PlaygroundInput } from "./engine.js";
import { KINDS, type Kind } from "./kinds.js";

export type PageState = PlaygroundInput;

export const DEFAULT_STATE: PageState = { file: "input.ts", source: "", rawArgs: false, client: "keep", safeOnly: false };

export function kindOf(file: string): Kind {
  const ext = /\.([^./]+)$/.exec(file)?.[1] ?? "";
  return (KINDS as readonly string[]).includes(ext) ? (ext as Kind) : "ts";
}

/** `src/App.tsx` as kind `ts` → `src/App.ts`; `src/global.d.ts` keeps its `.d`. */
export function withKind(file: string, kind: Kind): string {
  return `${file.replace(/\.[^./]+$/, "")}.${kind}`;
}

export function encodeState(state: PageState): string {
  const params = new URLSearchParams({ kind: kindOf(state.file), file: state.file });
  if (state.client === "import") params.set("client", "import");
  if (state.rawArgs) params.set("raw", "1");
  if (state.safeOnly) params.set("safe", "1");
  params.set("code", toBase64Url(state.source));
  return `#${params}`;
}

export function decodeState(hash: string): PageState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const code = params.get("code");
  if (code === null) return undefined;
  const kind = params.get("kind");
  const file = params.get("file") || DEFAULT_STATE.file;
  return {
    file: kind && (KINDS as readonly string[]).includes(kind) ? withKind(file, kind as Kind) : withKind(file, kindOf(file)),
    source: fromBase64Url(code),
    rawArgs: params.get("raw") === "1",
    client: params.get("client") === "import" ? "import" : "keep",
    safeOnly: params.get("safe") === "1",
  };
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
