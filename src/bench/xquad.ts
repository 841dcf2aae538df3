import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeEmbeddings } from "../embed/make-embeddings.js";
import { buildIndex } from "../index/build-index.js";
import { lexiconExtras } from "../index/lexicon-extras.js";
import { type LoadedIndex, loadIndex } from "../index/load-index.js";
import { createSearcher, type SearchOptions } from "../retrieve/hybrid-search.js";
import { createTokenizer } from "../text/tokenizer.js";
import { readXquad, type XquadQuestion } from "./xquad-data.js";
import { documentRank, formatMetrics, type Metrics, rankMetrics } from "./xquad-metrics.js";

export type XquadRun = {
  /** what the fusion settings are called in the report */
  name: string;
  search: SearchOptions;
};

export type XquadResult = {
  name: string;
  zh: Metrics;
  en: Metrics;
  /** per English question: rank of its paragraph's first passage (0: not in the top k) */
  enRanks: { q: XquadQuestion; rank: number }[];
};

/**
 * The app's fusion as createSearcher sets it (the same settings as the report), the
 * earlier even-handed fusion for comparison, and the lexical side alone.
 */
export const XQUAD_RUNS: XquadRun[] = [
  { name: "app defaults (rrfK 5, denseWeight 0.25)", search: {} },
  { name: "rrfK 60, denseWeight 0.5", search: { rrfK: 60, denseWeight: 0.5 } },
  { name: "lexical only (denseWeight 0)", search: { denseWeight: 0 } },
];

async function askAll(
  index: LoadedIndex,
  questions: XquadQuestion[],
  run: XquadRun,
  k: number,
): Promise<XquadResult> {
  const search = createSearcher(index, run.search);
  const rank = async (question: string, paragraph: string) => {
    const { hits } = await search(question, k);
    return documentRank(
      hits.map((h) => h.passage.doc),
      paragraph,
    );
  };
  const zh: number[] = [];
  const enRanks: XquadResult["enRanks"] = [];
  for (const q of questions) {
    zh.push(await rank(q.zh, q.paragraph));
    enRanks.push({ q, rank: await rank(q.en, q.paragraph) });
  }
  return {
    name: run.name,
    zh: rankMetrics(zh),
    en: rankMetrics(enRanks.map((r) => r.rank)),
    enRanks,
  };
}

/**
 * XQuAD as a retrieval task: each Chinese paragraph is a document of a fresh index built
 * exactly as the app builds one (same embedder, same lexicon hook); each question is asked
 * in Chinese and in English and scored by the rank of its paragraph's first passage.
 */
export async function evaluateXquad(dir: string, runs: XquadRun[] = XQUAD_RUNS, k = 20) {
  const { files, questions } = await readXquad(dir);
  const indexDir = await mkdtemp(join(tmpdir(), "xquad-index-"));
  try {
    const { embeddings, name } = makeEmbeddings({ kind: "local" }, createTokenizer());
    let lexiconMs = 0;
    const started = performance.now();
    const { manifest } = await buildIndex({
      files,
      indexDir,
      embeddings,
      embedder: name,
      extras: async (corpus) => {
        const t = performance.now();
        const out = await lexiconExtras(corpus);
        lexiconMs = performance.now() - t;
        return out;
      },
    });
    const buildMs = performance.now() - started;
    const index = await loadIndex(indexDir, embeddings);
    const results: XquadResult[] = [];
    for (const run of runs) results.push(await askAll(index, questions, run, k));
    return {
      paragraphs: manifest.documents,
      passages: manifest.passages,
      questions: questions.length,
      buildMs,
      lexiconMs,
      lexiconEntries: Object.keys(index.lexicon?.entries ?? {}).length,
      results,
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

/** `npm run bench:xquad -- <dir>`: hit@1, hit@5 and MRR for zh->zh and en->zh. */
export async function runXquadBench(dir: string): Promise<void> {
  const r = await evaluateXquad(dir);
  console.log(
    `XQuAD ${dir}: ${r.paragraphs} paragraphs, ${r.passages} passages, ${r.questions} questions`,
  );
  console.log(
    `index built in ${Math.round(r.buildMs)} ms, of which lexicon ${Math.round(r.lexiconMs)} ms (${r.lexiconEntries} English keys)`,
  );
  for (const run of r.results) {
    console.log(`\n${run.name}`);
    console.log(`  zh->zh  ${formatMetrics(run.zh)}`);
    console.log(`  en->zh  ${formatMetrics(run.en)}`);
  }
}
