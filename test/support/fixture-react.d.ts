// An ambient module (this file has no import or export): Just enough of React for component fixtures, without installing its types.
declare module "react" {
  export function useState<T>(initial: T): [T, (next: T | ((previous: T) => T)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useCallback<T extends (...args: any[]) => any>(fn: T, deps: readonly unknown[]): T;
}
