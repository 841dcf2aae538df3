import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { buildEngine } from "../build-engine.js";
import type { Config } from "../config.js";
import { readEvalData } from "../eval/eval-data.js";
import { createLogger } from "../log.js";
import { createApp } from "../server/app.js";
import { runFiguresBench } from "./figures-bench.js";

/** The q-quantile of a sample (0.5: the median), nearest rank. */
export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const line = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(28)} median ${fmt(quantile(xs, 0.5)).padStart(10)}   p99 ${fmt(quantile(xs, 0.99)).padStart(10)}   (n=${xs.length})`,
  );

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * `npm run bench`: index build time (3 builds), then search and ask latency in-process and
 * over HTTP on loopback. Medians and p99 over repeated runs; compare ratios, not absolutes.
 */
export async function runBench(base: Config): Promise<void> {
  const log = createLogger("silent");
  const builds: number[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = await mkdtemp(join(tmpdir(), "rqa-bench-"));
    dirs.push(dir);
    builds.push(
      await time(() => buildEngine({ ...base, indexDir: dir }, log, { forceRebuild: true })),
    );
  }
  const loads: number[] = [];
  for (let i = 0; i < 5; i++)
    loads.push(await time(() => buildEngine({ ...base, indexDir: dirs[0] as string }, log)));
  // no answer cache: the bench repeats its questions, and every answer should be computed
  const engine = await buildEngine(
    { ...base, indexDir: dirs[0] as string, answerCacheSize: 0 },
    log,
  );
  console.log(
    `corpus: ${engine.index.manifest.documents} document(s), ${engine.index.manifest.passages} passages\n`,
  );
  line("ingest + index build", builds);
  line("load built index", loads);

  const { questions } = await readEvalData("tests/eval");
  const qs = questions.map((q) => q.question);
  const rounds = 3;
  const search: number[] = [];
  const ask: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      search.push(await time(() => engine.search(q, 5)));
      ask.push(await time(() => engine.asker.ask({ question: q })));
    }
  }
  line("search, in-process", search);
  line("ask (offline), in-process", ask);

  const app = createApp({ config: base, log, engine: () => engine });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpSearch: number[] = [];
  const httpAsk: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      httpSearch.push(
        await time(() =>
          fetch(`${url}/api/search?q=${encodeURIComponent(q)}`).then((x) => x.text()),
        ),
      );
      httpAsk.push(
        await time(() =>
          fetch(`${url}/api/ask`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ question: q }),
          }).then((x) => x.text()),
        ),
      );
    }
  }
  line("search, over HTTP", httpSearch);
  line("ask (offline), over HTTP", httpAsk);
  console.log(
    `\nHTTP overhead: search ${(quantile(httpSearch, 0.5) / quantile(search, 0.5)).toFixed(2)}x, ask ${(quantile(httpAsk, 0.5) / quantile(ask, 0.5)).toFixed(2)}x the in-process median`,
  );
  console.log(`resident memory: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  await new Promise((r) => server.close(r));
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await runFiguresBench(base);
}
