/**
 * A single `\r`-updated progress line on stderr, only where a person is watching: a TTY
 * outside CI. Elsewhere (pipes, CI logs) it prints nothing.
 */
export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

const SILENT: Progress = { update: () => undefined, clear: () => undefined };

export function createProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!stream.isTTY || (env.CI !== undefined && env.CI !== "" && env.CI !== "false")) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Redrawing on every file would cost more than the files on a fast machine.
      if (done < total && now - last < 80) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[Kddclient-migrate: ${done}/${total} files (${Math.floor((done / Math.max(total, 1)) * 100)}%)`);
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
