import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type autocannon from "autocannon";
import { readEvalData } from "../eval/eval-data.js";
import {
  freePort,
  liveHeap,
  type Result,
  rssMiB,
  run,
  startServer,
  stop,
  waitReady,
} from "./bench-server.js";
import { runHeavyClientBench } from "./heavy-client-bench.js";

/** A few seconds of each workload first, so that the timed runs measure compiled code. */
async function warmUp(url: string, workloads: autocannon.Request[][]): Promise<void> {
  for (const requests of workloads) await run({ url, connections: 16, duration: 3, requests });
}

const row = (name: string, c: number, r: Result) =>
  console.log(
    `${name.padEnd(14)} c=${String(c).padEnd(3)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`,
  );

/**
 * `npm run bench:load`: the real server in a child process, autocannon from this one.
 * /healthz, /api/search and offline /api/ask at 16 and 64 connections; the ask/healthz
 * throughput ratio (comparable across noisy machines); memory after start and after
 * 100,000 requests; start-up time with a built index; the others' latency beside one
 * client sending the heaviest questions (heavy-client-bench.ts).
 */
export async function runLoadBench(seconds = 8): Promise<void> {
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-load-"));
  // the first start builds the index; what follows runs against a server that loads it
  let port = await freePort();
  let server = startServer(port, indexDir);
  console.log(
    `first start (builds the index): ${((await waitReady(`http://127.0.0.1:${port}`)) / 1000).toFixed(1)} s`,
  );
  await stop(server);

  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    port = await freePort();
    server = startServer(port, indexDir);
    starts.push(await waitReady(`http://127.0.0.1:${port}`));
    if (i < 2) await stop(server);
  }
  starts.sort((a, b) => a - b);
  console.log(
    `start-up with a built index (process start to ready), median of 3: ${(starts[1] as number).toFixed(0)} ms`,
  );
  const url = `http://127.0.0.1:${port}`;
  const pid = server.pid as number;
  console.log(
    `memory after start: resident ${rssMiB(pid)} MiB, live JS heap ${await liveHeap(server)} MiB\n`,
  );

  const { questions } = await readEvalData("tests/eval");
  const qs = questions.map((q) => q.question);
  const asks = qs.map((q) => ({
    method: "POST" as const,
    path: "/api/ask",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: q }),
  }));
  const searches = qs.map((q) => ({
    method: "GET" as const,
    path: `/api/search?q=${encodeURIComponent(q)}`,
  }));

  try {
    await warmUp(url, [searches, asks]);
    for (const c of [16, 64]) {
      const health = await run({ url: `${url}/healthz`, connections: c, duration: seconds });
      const search = await run({ url, connections: c, duration: seconds, requests: searches });
      const ask = await run({ url, connections: c, duration: seconds, requests: asks });
      row("/healthz", c, health);
      row("/api/search", c, search);
      row("/api/ask", c, ask);
      console.log(
        `  ask/healthz throughput ratio at c=${c}: ${(ask.rps / health.rps).toFixed(2)}\n`,
      );
    }
    // Resident memory rises while V8 grows its heap lazily; the live heap after a full
    // collection is what shows a leak, so both are printed, round after round.
    console.log(
      `before the rounds: resident ${rssMiB(pid)} MiB, live JS heap ${await liveHeap(server)} MiB`,
    );
    for (let round = 1; round <= 3; round++) {
      const soak = await run({ url, connections: 32, amount: 100_000, requests: asks });
      const resident = rssMiB(pid);
      console.log(
        `after 100,000 more /api/ask (round ${round}, ${soak.rps.toFixed(0)} req/s, errors ${soak.errors}): resident ${resident} MiB, live JS heap ${await liveHeap(server)} MiB`,
      );
    }
  } finally {
    await stop(server);
  }

  // the same questions with the answer cache off: every answer computed
  port = await freePort();
  server = startServer(port, indexDir, { ANSWER_CACHE_SIZE: "0" });
  await waitReady(`http://127.0.0.1:${port}`);
  try {
    const u = `http://127.0.0.1:${port}`;
    await warmUp(u, [asks]);
    const health = await run({ url: `${u}/healthz`, connections: 16, duration: seconds });
    const before = await liveHeap(server);
    const ask = await run({ url: u, connections: 16, duration: seconds, requests: asks });
    const ask64 = await run({ url: u, connections: 64, duration: seconds, requests: asks });
    console.log("\nwith ANSWER_CACHE_SIZE=0 (every answer computed):");
    row("/healthz", 16, health);
    row("/api/ask", 16, ask);
    row("/api/ask", 64, ask64);
    console.log(`  ask/healthz throughput ratio at c=16: ${(ask.rps / health.rps).toFixed(2)}`);
    console.log(
      `  live JS heap before and after ${(ask.requests + ask64.requests).toLocaleString("en")} computed answers: ${before} -> ${await liveHeap(server)} MiB`,
    );
  } finally {
    await stop(server);
  }
  await runHeavyClientBench(indexDir, seconds);
  await rm(indexDir, { recursive: true, force: true });
}
