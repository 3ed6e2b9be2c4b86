/**
 * Plans v1 `{ stream: { onOutput, onError, onClose } }` from a v0 spawn callback: split into
 * handlers where every statement's event is clear, otherwise wired to the unchanged callback.
 * Handlers are arrows, so `this` and `arguments` keep their meaning for arrow callbacks.
 */
import type { Review } from "./report.js";
import { freshName, reindent } from "./text.js";
import { testTruth, type EventTest, type Field, type SpawnEvent } from "./spawn-events.js";

/** A reference to a callback parameter, by offsets relative to the start of its `SourceText`. */
export interface ParameterRef {
  readonly start: number;
  readonly end: number;
  readonly ref: { readonly kind: "field"; readonly field: Field } | { readonly kind: "data" } | { readonly kind: "err" };
}

export interface SourceText {
  readonly text: string;
  readonly refs: readonly ParameterRef[];
}

export interface Branch {
  /** Absent for a final `else`. */
  readonly test?: { readonly tree: EventTest; readonly text: SourceText };
  /** The branch's statement; a block keeps its braces here. */
  readonly body: SourceText;
  /**
   * Inner statements of a block body, for inlining a branch that always runs (a final bare
   * `return;` left out: the handler ends there anyway); undefined when it must keep its braces.
   */
  readonly inlineBody?: SourceText;
  /** Ends in `return`/`throw`: nothing after it runs. */
  readonly alwaysExits: boolean;
}

/** One statement of the callback body: an `if` chain, with the comments written just before it. */
export interface CallbackStatement {
  readonly comments: string;
  readonly branches: readonly Branch[];
}

export interface InlineCallback {
  readonly dataName?: string;
  readonly errName?: string;
  /** `: any`, kept on the handlers in TypeScript. */
  readonly dataAnnotation?: string;
  readonly errAnnotation?: string;
  /** Each statement of the body is an `if` chain of event tests; null when the body is not of that shape. */
  readonly statements: readonly CallbackStatement[] | null;
  /** Comments after the last statement. */
  readonly trailingComments: string;
}

export interface StreamLayout {
  /** Indentation of the line the callback starts on. */
  readonly baseIndent: string;
  readonly unit: string;
  /** Indentation of the callback's body statements, re-indented into the handlers. */
  readonly bodyIndent: string;
  /** TypeScript output: a reference may not become a constant anywhere (see `substitute`). */
  readonly typescript: boolean;
  /** The file ends a broken object's last property with a comma (absent: it does). */
  readonly trailingComma?: boolean;
  /** TypeScript, on a receiver typed `any`: no handler parameter is typed by context, so each says `: any`. */
  readonly untypedReceiver?: boolean;
}

type Substitution = Partial<Record<"stdout" | "stderr" | "code" | "close" | "data" | "err", string | null>>;

const SUBSTITUTIONS: Record<SpawnEvent, (exitCode: string) => Substitution> = {
  output: () => ({ code: "undefined", close: "undefined", err: "undefined" }),
  close: (exitCode) => ({ code: exitCode, close: "true", stdout: "undefined", stderr: "undefined", data: null, err: "undefined" }),
  error: () => ({ stdout: null, stderr: null, code: null, close: null, data: null }),
};

/** The values a handler knows for certain; written in place of a reference they make a constant. */
const CONSTANTS = new Set(["undefined", "true"]);

/**
 * The text with parameter references replaced for one handler; null when a reference has no
 * meaning there, or becomes a constant where `constants` says it may not: a constant test
 * (`if (undefined && ready)`) does not typecheck, nor does `undefined` where TypeScript input
 * had an `any`, so such a callback is wired rather than split.
 */
function substitute(source: SourceText, substitution: Substitution, constants: boolean): string | null {
  let out = "";
  let cursor = 0;
  for (const { start, end, ref } of [...source.refs].sort((a, b) => a.start - b.start)) {
    const key = ref.kind === "field" ? ref.field : ref.kind;
    const replacement = substitution[key];
    if (replacement === null) return null;
    if (replacement === undefined) continue;
    if (!constants && CONSTANTS.has(replacement)) return null;
    out += source.text.slice(cursor, start) + replacement;
    cursor = end;
  }
  return out + source.text.slice(cursor);
}


/**
 * The statements one handler runs, or null when the split cannot be exact. `threw` is set when
 * v0's callback threw for this event (it read `data`, which an error event does not have).
 */
function handlerBody(callback: InlineCallback, event: SpawnEvent, exitCode: string, layout: StreamLayout, indent: string, threw: { value: boolean }): string[] | null {
  const substitution = SUBSTITUTIONS[event](exitCode);
  const bodyConstants = !layout.typescript;
  const lines: string[] = [];
  const emit = (source: SourceText, fromIndent: string): boolean => {
    const text = substitute(source, substitution, bodyConstants);
    if (text === null) return false;
    if (text.trim()) lines.push(indent + reindent(text.trim(), fromIndent, indent));
    return true;
  };
  const emitComments = (comments: string): void => {
    if (comments) lines.push(indent + reindent(comments, layout.bodyIndent, indent));
  };
  for (const { comments, branches: chain } of callback.statements!) {
    const kept: Branch[] = [];
    let taken: Branch | undefined;
    for (const branch of chain) {
      const truth = branch.test ? testTruth(branch.test.tree, event) : true;
      if (truth === "throws") {
        // v0 threw here (e.g. `data.stdout` with no data on an error): nothing more ran.
        if (kept.length > 0) return null;
        threw.value = true;
        return lines;
      }
      if (truth === true) {
        taken = branch;
        break;
      }
      if (truth === "unknown") kept.push(branch);
    }
    if (kept.length === 0 && taken) {
      emitComments(comments);
      const inline = taken.inlineBody;
      if (!(inline ? emit(inline, layout.bodyIndent + layout.unit) : emit(taken.body, layout.bodyIndent))) return null;
      if (taken.alwaysExits) return lines;
      continue;
    }
    // Before: if (data.stdout) {…} else if (err) {…}   After (onOutput): if (data.stdout) {…}
    let text = "";
    for (const [i, branch] of kept.entries()) {
      const test = substitute(branch.test!.text, substitution, false);
      const body = substitute(branch.body, substitution, bodyConstants);
      if (test === null || body === null) return null;
      text += `${i > 0 ? " else " : ""}if (${test}) ${body.trim()}`;
    }
    if (taken) {
      const body = substitute(taken.body, substitution, bodyConstants);
      if (body === null) return null;
      text += ` else ${body.trim()}`;
    }
    if (text) {
      emitComments(comments);
      lines.push(indent + reindent(text, layout.bodyIndent, indent));
    }
  }
  if (lines.length) emitComments(callback.trailingComments);
  return lines;
}


/** `body` is the handler's statement lines, or one expression for a concise arrow. */
function streamObject(handlers: readonly (readonly [string, string, readonly string[] | string])[], layout: StreamLayout): string {
  const { baseIndent: b, unit: u } = layout;
  const out = ["{", `${b}${u}stream: {`];
  const last = layout.trailingComma === false ? "" : ",";
  handlers.forEach(([name, params, body], i) => {
    const comma = i < handlers.length - 1 ? "," : last;
    if (typeof body === "string") out.push(`${b}${u}${u}${name}: (${params}) => ${body}${comma}`);
    else out.push(`${b}${u}${u}${name}: (${params}) => {`, ...body, `${b}${u}${u}}${comma}`);
  });
  out.push(`${b}${u}}${last}`, `${b}}`);
  return handlers.length ? out.join("\n") : `{ stream: {} }`;
}

/**
 * The split form, or null when some statement's event is not clear. Where v0's callback threw on
 * an error event, the handlers do not: that is behaviour the rewrite changes, so it is reviewed.
 */
export function planSplitStream(callback: InlineCallback, layout: StreamLayout): { text: string; review: Review[] } | null {
  if (!callback.statements) return null;
  const texts = callback.statements.flatMap((statement) => statement.branches.map((branch) => branch.body.text));
  const exitCode = freshName("exitCode", texts);
  const indent = layout.baseIndent + layout.unit.repeat(3);
  const handlers: [string, string, string[]][] = [];
  const plan: [SpawnEvent, string, string][] = [
    ["output", "onOutput", `${callback.dataName ?? "data"}${callback.dataAnnotation ?? ""}`],
    ["error", "onError", `${callback.errName ?? "error"}${callback.errAnnotation ?? ""}`],
    // In TypeScript, `data.code` was `any`: so is the exit code that replaces it (v1 types it `number`).
    ["close", "onClose", `${exitCode}${layout.typescript && (layout.untypedReceiver || !callback.dataAnnotation || /^:\s*any$/.test(callback.dataAnnotation)) ? ": any" : ""}`],
  ];
  const threw = { value: false };
  for (const [event, name, params] of plan) {
    const body = handlerBody(callback, event, exitCode, layout, indent, threw);
    if (body === null) return null;
    if (body.length) handlers.push([name, params, body]);
  }
  const review: Review[] = threw.value ? [{ reason: "v0-callback-threw", data: { event: "error" } }] : [];
  return { text: streamObject(handlers, layout), review };
}

/**
 * Every event forwarded to the unchanged callback with exactly v0's two arguments
 * (docs/compat.md), so a callback that reads `arguments` sees what it saw:
 * `cb(data, undefined)`, `cb(undefined, error)`, `cb({ close: true, code }, undefined)`.
 * Before: spawnHostCmd(c, a, onEvent)   After: exec(c, a, { stream: { onOutput: (data) => onEvent(data, undefined), … } })
 */
export function planWiredStream(callbackName: string, layout: StreamLayout): string {
  const any = layout.typescript && layout.untypedReceiver ? ": any" : "";
  return streamObject(
    [
      ["onOutput", `data${any}`, `${callbackName}(data, undefined)`],
      ["onError", `error${any}`, `${callbackName}(undefined, error)`],
      ["onClose", `exitCode${any}`, `${callbackName}({ close: true, code: exitCode }, undefined)`],
    ],
    layout,
  );
}
