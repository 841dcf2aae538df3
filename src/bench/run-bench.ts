import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { buildEngine } from "../build-engine.js";
import type { Config } from "../config.js";
import { makeEmbeddings } from "../embed/make-embeddings.js";
import { readUserSet } from "../eval/user-set.js";
import { ensureIndexOffThread } from "../index/build-off-thread.js";
import type { Ensured, IndexJob } from "../index/ensure-index.js";
import { createLogger } from "../log.js";
import { createApp } from "../server/app.js";
import { createTokenizer } from "../text/tokenizer.js";
import { askLatencyByKind, USER_SETS } from "./ask-by-kind.js";
import { benchCorpus } from "./bench-corpus.js";
import { runFiguresBench } from "./figures-bench.js";
import { serverMemory } from "./server-memory.js";
import { quantile } from "./stats.js";

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const line = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(30)} median ${fmt(quantile(xs, 0.5)).padStart(11)}   p99 ${fmt(quantile(xs, 0.99)).padStart(11)}   (n=${xs.length})`,
  );

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** How many times each measurement is taken. */
const RUNS = { fullBuilds: 2, changes: 3, loads: 5, askRounds: 3, httpRounds: 1 };

/** Builds of one kind: wall time in the worker (as a server sees it), median time per step. */
function printBuilds(label: string, runs: { ms: number; ensured: Ensured }[]) {
  const steps = new Map<string, number[]>();
  for (const r of runs)
    for (const [k, v] of Object.entries(r.ensured.stages ?? {}))
      steps.set(k, [...(steps.get(k) ?? []), v]);
  const parts = [...steps].map(([k, xs]) => `${k} ${(quantile(xs, 0.5) / 1000).toFixed(2)}`);
  const ms = runs.map((r) => r.ms);
  console.log(
    `${label.padEnd(30)} median ${(quantile(ms, 0.5) / 1000).toFixed(2).padStart(7)} s   (n=${ms.length}; s per step: ${parts.join(", ")})`,
  );
}

/**
 * `npm run bench`, on the 45 reports: full index build, one-document updates (a report
 * changed, added, removed), load, offline ask latency per kind of question in-process
 * (answer cache off), search and ask over HTTP, and the server's resident memory.
 * Compare ratios, not absolutes: timings move with the machine's load.
 */
export async function runBench(base: Config): Promise<void> {
  const log = createLogger("silent");
  const corpus = await benchCorpus();
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-bench-"));
  const config: Config = { ...base, corpusDir: corpus.dir, indexDir, answerCacheSize: 0 };
  const embedder = makeEmbeddings(config.embeddings, createTokenizer()).name;
  const job: IndexJob = { corpusDir: corpus.dir, indexDir, embedder };
  const build = async (force = false) => {
    const t = performance.now();
    const ensured = await ensureIndexOffThread({ ...job, force }, config.embeddings, () => {});
    return { ms: performance.now() - t, ensured };
  };

  const full = [];
  for (let i = 0; i < RUNS.fullBuilds; i++) full.push(await build(true));
  const changed = [];
  for (let i = 1; i <= RUNS.changes; i++) {
    await corpus.change(i);
    changed.push(await build());
  }
  await corpus.add();
  const added = await build();
  await corpus.remove();
  const removed = await build();
  const loads: number[] = [];
  for (let i = 0; i < RUNS.loads; i++) loads.push(await time(() => buildEngine(config, log)));
  const engine = await buildEngine(config, log);
  const m = engine.index.manifest;
  console.log(`corpus: ${m.documents} documents, ${m.passages} passages\n`);
  printBuilds("full build", full);
  printBuilds("update: one report changed", changed);
  printBuilds("update: one report added", [added]);
  printBuilds("update: one report removed", [removed]);
  line("load built index", loads);

  const byKind = await askLatencyByKind(engine, RUNS.askRounds);
  console.log("\noffline ask, in-process, answer cache off, per kind of question:");
  for (const [kind, xs] of [...byKind].sort((a, b) => quantile(b[1], 0.5) - quantile(a[1], 0.5)))
    line(`  ${kind}`, xs);

  const questions: string[] = [];
  for (const file of USER_SETS) for (const q of await readUserSet(file)) questions.push(q.question);
  const search: number[] = [];
  for (const q of questions) search.push(await time(() => engine.search(q, 5)));
  line("\nsearch, in-process", search);
  const app = createApp({ config, log, engine: () => engine });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpSearch: number[] = [];
  const httpAsk: number[] = [];
  for (let r = 0; r < RUNS.httpRounds; r++) {
    for (const q of questions) {
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
  await new Promise((r) => server.close(r));

  const memory = await serverMemory({ CORPUS_DIR: corpus.dir, INDEX_DIR: indexDir }, questions);
  console.log(
    `\nserver (its own process): ready in ${(memory.startMs / 1000).toFixed(1)} s at ${memory.readyMiB} MiB resident; ${memory.afterMiB} MiB after ${questions.length} asks`,
  );
  await runFiguresBench(engine, config);
  await rm(indexDir, { recursive: true, force: true });
}
