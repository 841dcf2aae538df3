import { type ChildProcess, spawn } from "node:child_process";

export type LogLine = { level: string; msg: string } & Record<string, unknown>;

/** The real server (`node --import tsx src/main.ts`) as its own process, and its JSON log. */
export type ServerProcess = {
  child: ChildProcess;
  lines: LogLine[];
  /** the first log line (from the start) that matches, once it is written */
  waitFor(match: (line: LogLine) => boolean): Promise<LogLine>;
  url: () => string;
  stop(): Promise<void>;
};

export function startServer(
  env: Record<string, string>,
  spawnOptions: { uid?: number; gid?: number } = {},
): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    ...spawnOptions,
  });
  const lines: LogLine[] = [];
  const waiting: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let rest = "";
  child.stderr?.on("data", (chunk) => {
    rest += chunk;
    const parts = rest.split("\n");
    rest = parts.pop() ?? "";
    for (const text of parts) {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const w of waiting.filter((w) => w.match(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    lines,
    waitFor(match) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiting.push({ match, resolve });
        exited.then(() => reject(new Error(`server exited: ${JSON.stringify(lines)}`)));
      });
    },
    url() {
      const listening = lines.find((l) => l.msg === "listening");
      if (!listening) throw new Error("not listening yet");
      return listening.url as string;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
