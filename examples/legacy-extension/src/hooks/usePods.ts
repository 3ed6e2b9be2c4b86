import { useCallback, useEffect, useState } from "react";

export interface Pod {
  name: string;
  phase: string;
  restarts: number;
}

export function usePods(ns: string) {
  const [pods, setPods] = useState<Pod[]>([]);
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      const result = await (window as any).ddClient.execHostCmd(`kubectl get pods -n ${ns} -o json`);
      const list = result.parseJsonObject();
      setPods(
        list.items.map((item: any) => ({
          name: item.metadata.name,
          phase: item.status.phase,
          restarts: (item.status.containerStatuses ?? []).reduce((sum: number, c: any) => sum + c.restartCount, 0),
        }))
      );
      setError(undefined);
    } catch (e: any) {
      setError(e?.stderr ?? String(e));
    }
  }, [ns]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 10_000);
    return () => clearInterval(timer);
  }, [refresh]);

  return { pods, error, refresh };
}
