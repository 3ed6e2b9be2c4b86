/**
 * A file's formatter settings, so that what the codemod writes needs no formatter run: the
 * nearest Prettier config (`prettier` in package.json, `.prettierrc` as JSON or YAML,
 * `.prettierrc.json`, `.prettierrc.yaml`/`.yml`, `.prettierrc.toml`) over the `.editorconfig`
 * files above it, as Prettier reads them. A config written in JavaScript (`.prettierrc.js`,
 * `prettier.config.*`) would have to run: it is not read, and the file shows its style instead.
 * Prettier's `overrides` are not read either.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { StyleSettings } from "../core/call-site.js";
import type { TrailingComma } from "../core/layout-arguments.js";

type Settings = { -readonly [K in keyof StyleSettings]: StyleSettings[K] };
type Values = Readonly<Record<string, unknown>>;

/** Prettier's config files in the order it looks for them; `code` ones stop the search unread. */
const PRETTIER_FILES: readonly { name: string; read: "package" | "json-or-yaml" | "json" | "yaml" | "toml" | "code" }[] = [
  { name: "package.json", read: "package" },
  { name: ".prettierrc", read: "json-or-yaml" },
  { name: ".prettierrc.json", read: "json" },
  { name: ".prettierrc.yaml", read: "yaml" },
  { name: ".prettierrc.yml", read: "yaml" },
  { name: ".prettierrc.json5", read: "code" },
  { name: ".prettierrc.js", read: "code" },
  { name: ".prettierrc.cjs", read: "code" },
  { name: ".prettierrc.mjs", read: "code" },
  { name: ".prettierrc.ts", read: "code" },
  { name: "prettier.config.js", read: "code" },
  { name: "prettier.config.cjs", read: "code" },
  { name: "prettier.config.mjs", read: "code" },
  { name: "prettier.config.ts", read: "code" },
  { name: ".prettierrc.toml", read: "toml" },
];

export interface StyleConfigReader {
  /** The settings for a file, undefined when no config says anything. */
  settingsFor(file: string): StyleSettings | undefined;
}

/** One reader per run: each directory's configs are read once. */
export function createStyleConfigReader(): StyleConfigReader {
  const prettierByDir = new Map<string, Values | null>();
  const editorConfigs = new Map<string, EditorConfig | null>();
  const prettierAt = (dir: string): Values | null => {
    let found = prettierByDir.get(dir);
    if (found !== undefined) return found;
    const own = prettierIn(dir);
    const parent = path.dirname(dir);
    found = own !== undefined ? own : parent === dir ? null : prettierAt(parent);
    prettierByDir.set(dir, found);
    return found;
  };
  const editorConfigAt = (dir: string): EditorConfig | null => {
    if (!editorConfigs.has(dir)) editorConfigs.set(dir, parseEditorConfig(readText(path.join(dir, ".editorconfig"))));
    return editorConfigs.get(dir)!;
  };
  return {
    settingsFor(file) {
      const absolute = path.resolve(file);
      const settings: Settings = {};
      // EditorConfig first, the nearest file last: Prettier's own settings then take precedence.
      const chain: { dir: string; config: EditorConfig }[] = [];
      for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
        const config = editorConfigAt(dir);
        if (config) chain.unshift({ dir, config });
        if (config?.root || path.dirname(dir) === dir) break;
      }
      for (const { dir, config } of chain) Object.assign(settings, editorConfigSettings(config, path.relative(dir, absolute)));
      Object.assign(settings, prettierSettings(prettierAt(path.dirname(absolute)) ?? {}));
      return Object.keys(settings).length > 0 ? settings : undefined;
    },
  };
}

/** undefined: no config here, look further up; null: a config that cannot be read stops the search. */
function prettierIn(dir: string): Values | null | undefined {
  for (const { name, read } of PRETTIER_FILES) {
    const text = readText(path.join(dir, name));
    if (text === undefined) continue;
    if (read === "code") return null;
    if (read === "package") {
      const config = parseJson(text)?.prettier;
      // A string names a shared config package, which would have to be resolved and run.
      if (config === undefined) continue;
      return isValues(config) ? config : null;
    }
    const parsed = read === "toml" ? parseFlat(text, "=") : read === "yaml" ? parseFlat(text, ":") : read === "json" ? parseJson(text) : (parseJson(text) ?? parseFlat(text, ":"));
    return parsed ?? null;
  }
  return undefined;
}

function prettierSettings(config: Values): Settings {
  const settings: Settings = {};
  if (typeof config.semi === "boolean") settings.semicolons = config.semi;
  if (typeof config.singleQuote === "boolean") settings.quote = config.singleQuote ? "'" : '"';
  if (config.trailingComma === "all" || config.trailingComma === "es5" || config.trailingComma === "none") settings.trailingComma = config.trailingComma as TrailingComma;
  if (typeof config.printWidth === "number" && config.printWidth > 0) settings.printWidth = config.printWidth;
  if (typeof config.tabWidth === "number" && config.tabWidth > 0) settings.tabWidth = config.tabWidth;
  if (typeof config.useTabs === "boolean" || settings.tabWidth !== undefined) {
    settings.indentUnit = config.useTabs === true ? "\t" : " ".repeat(settings.tabWidth ?? 2);
  }
  return settings;
}

interface EditorConfig {
  readonly root: boolean;
  readonly sections: readonly { readonly glob: string; readonly values: Values }[];
}

function parseEditorConfig(text: string | undefined): EditorConfig | null {
  if (text === undefined) return null;
  let root = false;
  const sections: { glob: string; values: Record<string, unknown> }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      sections.push({ glob: header[1]!, values: {} });
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*?)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    const value = pair[2]!.toLowerCase();
    if (sections.length === 0) root ||= key === "root" && value === "true";
    else sections.at(-1)!.values[key] = value;
  }
  return { root, sections };
}

function editorConfigSettings(config: EditorConfig, relative: string): Settings {
  const settings: Settings = {};
  const posix = relative.split(path.sep).join("/");
  for (const { glob, values } of config.sections) {
    if (!globMatches(glob, posix)) continue;
    const number = (key: string): number | undefined => (/^\d+$/.test(String(values[key])) ? Number(values[key]) : undefined);
    if (values.max_line_length === "off") delete settings.printWidth;
    else if (number("max_line_length")) settings.printWidth = number("max_line_length");
    const tabWidth = number("tab_width") ?? number("indent_size");
    if (tabWidth) settings.tabWidth = tabWidth;
    if (values.indent_style === "tab") settings.indentUnit = "\t";
    else if (values.indent_style === "space" || number("indent_size")) settings.indentUnit = " ".repeat(number("indent_size") ?? settings.tabWidth ?? 2);
  }
  return settings;
}

/** EditorConfig's globs: `*`, `**`, `?`, `[…]`, `{a,b}`; a glob without `/` matches the file's name at any depth. */
function globMatches(glob: string, relative: string): boolean {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      pattern += ".*";
      i++;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else if (char === "{") pattern += "(?:";
    else if (char === "}") pattern += ")";
    else if (char === "," && pattern.lastIndexOf("(?:") > pattern.lastIndexOf(")")) pattern += "|";
    else if (char === "[" || char === "]") pattern += char;
    else pattern += char.replace(/[.+^$()|\\]/g, "\\$&");
  }
  const anchored = glob.includes("/") ? `^${pattern.replace(/^\//, "")}$` : `(?:^|/)${pattern}$`;
  try {
    return new RegExp(anchored).test(relative);
  } catch {
    return false;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function parseJson(text: string): Values | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isValues(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `key: value` (YAML) or `key = value` (TOML) lines at the top level: all Prettier's options are. */
function parseFlat(text: string, separator: ":" | "="): Values | undefined {
  const values: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = new RegExp(`^([A-Za-z]\\w*)\\s*${separator}\\s*(.+?)\\s*(?:#.*)?$`).exec(line);
    if (!match) continue;
    const raw = match[2]!;
    values[match[1]!] = raw === "true" ? true : raw === "false" ? false : /^\d+$/.test(raw) ? Number(raw) : raw.replace(/^(["'])(.*)\1$/, "$2");
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

function isValues(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
