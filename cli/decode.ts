/**
 * Source bytes to text. Only UTF-8 is read (with or without a BOM); a UTF-16 or UTF-32 file is
 * recognised by its byte order mark and refused by name, since its ASCII-looking bytes would
 * otherwise pass a text search for v0 calls as nothing at all.
 */

// `ignoreBOM: true` keeps a BOM in the text, so it is written back; `fatal` refuses bytes that
// are not UTF-8 instead of turning them into U+FFFD on the way back to disk.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// UTF-32LE first: its mark begins with UTF-16LE's.
const BYTE_ORDER_MARKS: readonly (readonly [string, readonly number[]])[] = [
  ["UTF-32LE", [0xff, 0xfe, 0x00, 0x00]],
  ["UTF-32BE", [0x00, 0x00, 0xfe, 0xff]],
  ["UTF-16LE", [0xff, 0xfe]],
  ["UTF-16BE", [0xfe, 0xff]],
];

/** The encoding a UTF-16 or UTF-32 byte order mark at the start of `bytes` names. */
export function unsupportedEncoding(bytes: Uint8Array): string | undefined {
  return BYTE_ORDER_MARKS.find(([, mark]) => mark.every((byte, i) => bytes[i] === byte))?.[0];
}

export function decodeSource(bytes: Uint8Array): string | { error: string } {
  const encoding = unsupportedEncoding(bytes);
  if (encoding) return { error: `unsupported encoding ${encoding} (byte order mark): convert the file to UTF-8 to migrate it` };
  try {
    return utf8.decode(bytes);
  } catch {
    return { error: "not valid UTF-8" };
  }
}
