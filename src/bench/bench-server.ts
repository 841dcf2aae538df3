/** The real server in a child process and autocannon in this one: what the load benches share. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export type Result = { rps: number; p50: number; p99: number; errors: number; requests: number };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory of another process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

export async function waitReady(url: string, limitMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("server did not become ready");
}

const PROBE = fileURLToPath(new URL("./heap-probe.ts", import.meta.url));

export function startServer(
  port: number,
  indexDir: string,
  env: Record<string, string> = {},
): ChildProcess {
  const probe = ["--expose-gc", "--import", PROBE];
  const child = spawn(process.execPath, ["--import", "tsx", ...probe, "src/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      INDEX_DIR: indexDir,
      // the throughput runs come from one address: limits off unless a run sets them
      RATE_LIMIT_PER_MINUTE: "0",
      MAX_IN_FLIGHT_PER_CLIENT: "0",
      LOG_LEVEL: "error",
      OPENAI_API_KEY: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // the server's own errors still show; the probe's answers are read by liveHeap
  createInterface({ input: child.stderr as Readable }).on("line", (line) => {
    if (!line.startsWith("heap-probe ")) console.error(line);
  });
  return child;
}

/** The server's live JS heap after a full collection, in MiB (see heap-probe.ts). */
export function liveHeap(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: child.stderr as Readable });
    lines.on("line", (line) => {
      if (!line.startsWith("heap-probe ")) return;
      lines.close();
      resolve((JSON.parse(line.slice("heap-probe ".length)) as { heapMiB: number }).heapMiB);
    });
    child.kill("SIGUSR2");
  });
}

export function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, r) => {
      if (err) return reject(err);
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
        requests: r.requests.total,
      });
    });
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}
