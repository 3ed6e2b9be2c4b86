/**
 * Calling into a client the way extension code does, and recording what a callback receives:
 * shared by the Node compat tests and the page the browser test bundles, so it imports nothing.
 */

/** Calls the member at a dotted path (`backend.get`, `desktopUI.toast.success`) on its parent, as `client.backend!.get(…)` would. */
export function callAt(client: unknown, path: string, args: readonly unknown[]): unknown {
  const names = path.split(".");
  type Node = Record<string, unknown> | undefined;
  const parent = names.slice(0, -1).reduce<Node>((node, name) => node?.[name] as Node, client as Node);
  const member = parent![names[names.length - 1]!] as (this: Node, ...args: readonly unknown[]) => unknown;
  return member.call(parent, ...args);
}

/** Every call of a `function` callback, as the list of arguments it saw. */
export function argumentLists(): { lists: unknown[][]; cb: () => void } {
  const lists: unknown[][] = [];
  return {
    lists,
    cb: function () {
      lists.push(Array.from(arguments));
    },
  };
}
