/**
 * The built bin in a real pseudo-terminal: Debian's `tmux` (which .ci/run installs where it can),
 * one private server per test file (`-L`), a detached session per run; keys go in with
 * send-keys and the screen comes back with capture-pane. `TMUX_PATH` names another binary
 * (and only it: `TMUX_PATH=none` shows the skip).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN } from "./helpers.js";

export const TMUX_CANDIDATES = process.env.TMUX_PATH ? [process.env.TMUX_PATH] : ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"];
export const TMUX = TMUX_CANDIDATES.find((file) => existsSync(file));

/** Generous for a loaded 2-core CI machine: planning the example is several seconds there. */
const WAIT = 60_000;

export interface Terminal {
  /** The screen and its scrollback, wrapped lines joined. */
  screen(): string;
  /** Waits until `test` holds for the screen; throws with the screen after the wait. */
  waitFor(test: (screen: string) => boolean, what: string): Promise<string>;
  /** tmux key names: `y`, `C-c`. */
  keys(...keys: string[]): void;
  /** The bin's process id (the shell's child in the pane). */
  pid(): number;
  /** Its exit code, once it has exited. */
  exited(): Promise<number>;
}

export function tmuxServer(): { open(cwd: string, ...args: string[]): Terminal; close(): void } {
  const socket = `ddclient-migrate-test-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync(TMUX!, ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  let sessions = 0;
  return {
    open(cwd, ...args) {
      const name = `run${++sessions}`;
      const exitFile = path.join(os.tmpdir(), `${socket}-${name}.exit`);
      const quoted = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(" ");
      // CI set: no progress line; NO_COLOR: plain diffs. The exit code lands outside the tree.
      const command = `env CI=1 NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 ${quoted}; echo $? > '${exitFile}'; sleep 600`;
      tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", "-c", cwd, command);
      tmux("set-option", "-t", name, "history-limit", "20000");
      const screen = (): string => tmux("capture-pane", "-p", "-J", "-S", "-", "-t", name);
      const poll = async <T>(get: () => T | undefined, what: string): Promise<T> => {
        const deadline = Date.now() + WAIT;
        for (;;) {
          const value = get();
          if (value !== undefined) return value;
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      return {
        screen,
        waitFor: (test, what) =>
          poll(() => {
            // Read before the screen: a run that exited shows all it will.
            const exited = existsSync(exitFile);
            const now = screen();
            if (test(now)) return now;
            if (exited) throw new Error(`the run exited before ${what}; the screen:\n${now}`);
            return undefined;
          }, what),
        keys: (...keys) => void tmux("send-keys", "-t", name, ...keys),
        pid() {
          const shell = Number(tmux("display-message", "-p", "-t", name, "#{pane_pid}").trim());
          const child = readdirSync("/proc").find((entry) => /^\d+$/.test(entry) && readStat(entry)?.ppid === shell);
          if (!child) throw new Error(`no node process under the pane's shell ${shell}`);
          return Number(child);
        },
        exited: () => poll(() => (existsSync(exitFile) && readFileSync(exitFile, "utf8").endsWith("\n") ? Number(readFileSync(exitFile, "utf8")) : undefined), "the run to exit"),
      };
    },
    close() {
      try {
        tmux("kill-server");
      } catch {
        // No session left, or never started.
      }
    },
  };
}

function readStat(pid: string): { ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return { ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) };
  } catch {
    return undefined;
  }
}

/** How many questions the screen shows. */
export const questionsShown = (screen: string): number => screen.split("apply? [y]es [n]o [a]ll in this file [q]uit").length - 1;
