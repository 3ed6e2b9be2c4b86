import { useEffect, useState } from "react";

/** The kubectl client version shipped with the extension (host binary), e.g. "v1.25.2". */
export function useVersion(): string | undefined {
  const [version, setVersion] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    (window as any).ddClient
      .execHostCmd("kubectl version --client --output=json")
      .then((result: any) => {
        if (!cancelled) setVersion(result.parseJsonObject().clientVersion.gitVersion);
      })
      .catch((error: any) => console.error("kubectl version failed", error));
    return () => {
      cancelled = true;
    };
  }, []);

  return version;
}
