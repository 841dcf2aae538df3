import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAsker } from "../answer/ask.js";
import { answerContext } from "../answer/context.js";
import { makeEmbeddings } from "../embed/make-embeddings.js";
import { buildIndex } from "../index/build-index.js";
import { lexiconExtras } from "../index/lexicon-extras.js";
import { loadIndex } from "../index/load-index.js";
import { ingestCorpus } from "../ingest/ingest-file.js";
import type { SourceFile } from "../ingest/types.js";
import { placeIndex } from "../question/places.js";
import { createSearcher } from "../retrieve/hybrid-search.js";
import { createTokenizer } from "../text/tokenizer.js";
import { quantile } from "./stats.js";

const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** A deterministic pseudo-random generator, so that every run builds the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A synthetic corpus of about `target` passages: the report's own sentences shuffled into
 * new paragraphs with their figures changed, in Markdown documents of 1,000 passages each.
 */
async function syntheticCorpus(target: number): Promise<SourceFile[]> {
  const { passages } = await ingestCorpus("corpus");
  const sentences = passages.flatMap((p) => p.text.match(/[^。！？]+[。！？]/g) ?? []);
  const rand = rng(42);
  const files: SourceFile[] = [];
  const perDoc = 1000;
  for (let d = 0; d * perDoc < target; d++) {
    const lines = [`# 合成报告 ${d + 1}`];
    for (let p = 0; p < perDoc && d * perDoc + p < target; p++) {
      if (p % 20 === 0) lines.push(`## 第${Math.floor(p / 20) + 1}部分`);
      let para = "";
      while (para.length < 120) {
        const s = sentences[Math.floor(rand() * sentences.length)] as string;
        para += s.replace(/\d+(\.\d+)?/g, () => String(Math.round(rand() * 1000) / 10));
      }
      lines.push(para);
    }
    files.push({
      name: `synthetic-${String(d).padStart(4, "0")}.md`,
      format: "md",
      raw: lines.join("\n\n"),
      meta: {},
    });
  }
  return files;
}

/** `npm run bench:scale -- 100000`: build time, memory and query latency at scale. */
export async function runScaleBench(target = 100_000): Promise<void> {
  const files = await syntheticCorpus(target);
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-scale-"));
  const { embeddings, name } = makeEmbeddings({ kind: "local" }, createTokenizer());
  console.log(`synthetic corpus: ${files.length} documents; memory ${mib()} MiB`);
  const t0 = performance.now();
  const { manifest } = await buildIndex({
    files,
    indexDir,
    embeddings,
    embedder: name,
    extras: lexiconExtras(indexDir),
  });
  const buildS = (performance.now() - t0) / 1000;
  console.log(
    `build: ${manifest.passages} passages in ${buildS.toFixed(0)} s; memory after build ${mib()} MiB`,
  );
  const t1 = performance.now();
  const index = await loadIndex(indexDir, embeddings);
  console.log(`load: ${((performance.now() - t1) / 1000).toFixed(1)} s; memory ${mib()} MiB`);
  const search = createSearcher(index);
  const questions = [
    "全社会研发经费投入增长多少",
    "国家高新技术企业有多少家",
    "How many tourists visited Chengdu?",
    "新能源汽车保有量",
    "空气质量优良天数目标",
  ];
  const asker = createAsker(answerContext(index, search, placeIndex(index.docs)), { cacheSize: 0 });
  for (const q of questions) await asker.ask({ question: q }); // warm-up, untimed
  const searches: number[] = [];
  const asks: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const q of questions) {
      let t = performance.now();
      await search(q, 5);
      searches.push(performance.now() - t);
      t = performance.now();
      await asker.ask({ question: q });
      asks.push(performance.now() - t);
    }
  }
  for (const [name, xs] of [
    ["search", searches],
    ["offline ask (no answer cache)", asks],
  ] as const) {
    console.log(
      `${name} over ${xs.length} queries: median ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms`,
    );
  }
  console.log(`memory after the queries: ${mib()} MiB`);
  await rm(indexDir, { recursive: true, force: true });
}
