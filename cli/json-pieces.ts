/**
 * A report's JSON, `JSON.stringify(report, null, 2) + "\n"` byte for byte, in pieces of about
 * 64 kB. A dry run's report holds every diff: one string of it, then its UTF-8 copy on the way
 * out, was most of what a run over 20,000 files grew by against 10,000 (docs/performance.md).
 * The top level and its arrays go an element at a time; each element is JSON.stringify's own,
 * indented to its depth (a string's line breaks are escaped in JSON, so only structure breaks lines).
 */
const PIECE = 1 << 16;

export function* jsonPieces(report: object, size = PIECE): Generator<string> {
  let buffer = "";
  for (const part of parts(report)) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  yield buffer + "\n";
}

/** What JSON.stringify writes for a member (undefined: the member is left out). */
function serialized(value: unknown, indent: string): string | undefined {
  return JSON.stringify(value, null, 2)?.replaceAll("\n", `\n${indent}`);
}

function* parts(report: object): Generator<string> {
  // A value JSON.stringify would turn into something else first is written by it whole.
  if (Array.isArray(report) || typeof (report as { toJSON?: unknown }).toJSON === "function") {
    yield JSON.stringify(report, null, 2);
    return;
  }
  const members = Object.entries(report).filter(([, value]) => serialized(value, "") !== undefined);
  if (members.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (const [index, [key, value]] of members.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield "[\n";
      for (const [at, element] of value.entries()) yield `    ${serialized(element, "    ") ?? "null"}${at < value.length - 1 ? ",\n" : "\n"}`;
      yield "  ]";
    } else {
      yield serialized(value, "  ")!;
    }
    yield index < members.length - 1 ? ",\n" : "\n";
  }
  yield "}";
}
