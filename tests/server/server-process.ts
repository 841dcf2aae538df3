/** The service as a real process (the production command or `npm start`), and its logs. */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { freePort } from "./redis-server.js";

export type LogLine = { level: string; msg: string; [field: string]: unknown };

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** every stderr line, parsed; a line that is not JSON fails `expectJsonLogs` */
  lines: string[];
  stdout: () => string;
  logs: () => LogLine[];
  /** resolves with the first log line that `match` accepts */
  waitFor(match: (l: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<number | null>;
};

/** Start `command args` with the test's environment; stdout and stderr are collected. */
export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  port?: number,
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(p), HOST: "127.0.0.1", OPENAI_API_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let out = "";
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const parse = (line: string): LogLine | undefined => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      return undefined;
    }
  };
  createInterface({ input: child.stderr as Readable }).on("line", (line) => {
    lines.push(line);
    const parsed = parse(line);
    if (!parsed) return;
    for (const w of [...waiters]) {
      if (w.match(parsed)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(parsed);
      }
    }
  });
  child.stdout?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    child,
    url: `http://127.0.0.1:${p}`,
    lines,
    stdout: () => out,
    logs: () => lines.map(parse).filter((l): l is LogLine => l !== undefined),
    waitFor(match) {
      const seen = lines.map(parse).find((l) => l && match(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    exited,
  };
}

/** Every line the service wrote to stderr is one JSON object. */
export function nonJsonLines(p: ServerProcess): string[] {
  return p.lines.filter((l) => {
    try {
      return typeof JSON.parse(l) !== "object";
    } catch {
      return true;
    }
  });
}
