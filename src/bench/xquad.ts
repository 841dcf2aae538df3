import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbedderInfo } from "../embed/make-embeddings.js";
import { makeEmbeddings } from "../embed/make-embeddings.js";
import type { BuiltCorpus } from "../index/build-index.js";
import { buildIndex } from "../index/build-index.js";
import { lexiconExtras, lexiconSourceOf } from "../index/lexicon-extras.js";
import { type LoadedIndex, loadIndex } from "../index/load-index.js";
import type { SourceFile } from "../ingest/types.js";
import { loadCedict } from "../lexicon/build/cedict.js";
import type { LexiconBuild } from "../lexicon/build/corpus-lexicon.js";
import { createTranslator } from "../lexicon/translate/translate.js";
import { analyzeQuery } from "../retrieve/analyze-query.js";
import { createSearcher, type SearchOptions } from "../retrieve/hybrid-search.js";
import { createTokenizer } from "../text/tokenizer.js";
import { longQuestions } from "./long-questions.js";
import { reportQuestionSet } from "./report-questions.js";
import { quantile } from "./stats.js";
import { crossValidate, type QuestionSet } from "./xquad-cv.js";
import { readXquad, type XquadQuestion } from "./xquad-data.js";
import { FOLDS, foldMetrics, foldOf, spread } from "./xquad-folds.js";
import { documentRank, formatMetrics, type Metrics, rankMetrics } from "./xquad-metrics.js";
import { naiveSenses, plainBm25 } from "./xquad-plain.js";

/** A ranker under test: the paragraphs (documents) of its top k, best first. */
type Ranker = (question: string, k: number) => Promise<string[]>;

export type SystemResult = {
  name: string;
  zh: Metrics;
  en: Metrics;
  /** rank of each question's paragraph (0: not in the top k), in question order */
  zhRanks: number[];
  enRanks: number[];
  /** per-query median, ms */
  zhMs: number;
  enMs: number;
};

async function askAll(
  name: string,
  rank: Ranker,
  questions: XquadQuestion[],
  k: number,
): Promise<SystemResult> {
  // one untimed round warms caches and the JIT; the timed round gives ranks and times
  for (const q of questions) await rank(q.en, k);
  const run = async (lang: "zh" | "en") => {
    const ranks: number[] = [];
    const ms: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      const docs = await rank(q[lang], k);
      ms.push(performance.now() - t);
      ranks.push(documentRank(docs, q.paragraph));
    }
    return { ranks, ms: quantile(ms, 0.5) };
  };
  const zh = await run("zh");
  const en = await run("en");
  return {
    name,
    zh: rankMetrics(zh.ranks),
    en: rankMetrics(en.ranks),
    zhRanks: zh.ranks,
    enRanks: en.ranks,
    zhMs: zh.ms,
    enMs: en.ms,
  };
}

/** The project's lexical path alone, the one plain BM25 is a peer of: the question read and translated, then BM25. */
const lexicalRanker = (index: LoadedIndex): Ranker => {
  const translate = index.lexicon
    ? createTranslator(index.lexicon, { postings: (t) => index.bm25.postingsOf(t) })
    : undefined;
  const docs = index.passages.map((p) => p.doc);
  return async (question, k) =>
    index.bm25
      .search(analyzeQuery(question, index.tokenizer, translate).groups, k)
      .map((s) => docs[s.index] as string);
};

const searchRanker = (index: LoadedIndex, options: SearchOptions = {}): Ranker => {
  const search = createSearcher(index, options);
  return async (question, k) => (await search(question, k)).hits.map((h) => h.passage.doc);
};

/** Per-query median of each long question beside a normal one, through the app's searcher. */
async function costOf(index: LoadedIndex, normal: string[]) {
  const search = createSearcher(index);
  const median = async (qs: string[], rounds: number) => {
    const ms: number[] = [];
    for (let r = 0; r <= rounds; r++) {
      for (const q of qs) {
        const t = performance.now();
        await search(q, 5);
        if (r > 0) ms.push(performance.now() - t);
      }
    }
    return quantile(ms, 0.5);
  };
  const long = longQuestions(Object.keys(index.lexicon?.entries ?? {}));
  const out: [string, number][] = [["normal English question", await median(normal, 3)]];
  for (const [kind, q] of Object.entries(long)) out.push([kind, await median([q], 30)]);
  return out;
}

type Build = { ms: number; lexiconMs: number; lexicon?: LexiconBuild };

/** Build the index into `indexDir` as the app does, timing the whole and the lexicon. */
async function timedBuild(files: SourceFile[], indexDir: string, embedding: EmbedderInfo) {
  const out: Build & { corpus?: BuiltCorpus } = { ms: 0, lexiconMs: 0 };
  const started = performance.now();
  const { manifest } = await buildIndex({
    files,
    indexDir,
    embeddings: embedding.embeddings,
    embedder: embedding.name,
    extras: async (corpus) => {
      out.corpus = corpus;
      const t = performance.now();
      const extras = await lexiconExtras(indexDir, (b) => {
        out.lexicon = b;
      })(corpus);
      out.lexiconMs = performance.now() - t;
      return extras;
    },
  });
  out.ms = performance.now() - started;
  return { ...out, manifest };
}

/**
 * XQuAD as a retrieval task: each Chinese paragraph is a document of a fresh index built
 * exactly as the app builds one (same embedder, same lexicon hook); each question is asked
 * in Chinese and in English and scored by the rank of its paragraph. The index is built
 * three times: without the last paragraph and no cache (everything made), with it (one
 * document read, the rest from the cache), and again (the lexicon from the cache). A plain
 * jieba BM25 answers the same questions in the same run.
 */
async function evaluateXquad(dir: string, k = 20) {
  const { files, questions } = await readXquad(dir);
  const indexDir = await mkdtemp(join(tmpdir(), "xquad-index-"));
  try {
    const embedding = makeEmbeddings({ kind: "local" }, createTokenizer());
    const builds = {
      cold: await timedBuild(files.slice(0, -1), indexDir, embedding),
      oneMore: await timedBuild(files, indexDir, embedding),
      warm: await timedBuild(files, indexDir, embedding),
    };
    const index = await loadIndex(indexDir, embedding.embeddings);
    const corpus = builds.warm.corpus as BuiltCorpus;

    const cedict = await loadCedict();
    let t = performance.now();
    const senses = naiveSenses(cedict);
    const naiveMs = performance.now() - t;
    t = performance.now();
    const plain = plainBm25(corpus.texts, senses);
    const plainMs = performance.now() - t;
    const docs = index.passages.map((p) => p.doc);
    const plainRanker: Ranker = async (q, n) => plain(q, n).map((i) => docs[i] as string);

    const systems = [
      await askAll("project", searchRanker(index), questions, k),
      await askAll(
        "project, lexical path only (question, translation, BM25)",
        lexicalRanker(index),
        questions,
        k,
      ),
      await askAll("plain jieba BM25 (+ naive CC-CEDICT for English)", plainRanker, questions, k),
    ];
    const xquadSet: QuestionSet = {
      name: "XQuAD English questions",
      index,
      source: lexiconSourceOf(corpus),
      folds: questions.map((q) => foldOf(q)),
      rank: async (search, i) => {
        const q = questions[i] as XquadQuestion;
        const { hits } = await search(q.en, k);
        return documentRank(
          hits.map((h) => h.passage.doc),
          q.paragraph,
        );
      },
    };
    const report = await reportQuestionSet("corpus", "tests/eval", embedding);
    const cv = [await crossValidate(xquadSet), await crossValidate(report)];
    await rm(report.indexDir, { recursive: true, force: true });
    const normal = questions.filter((_, i) => i % 16 === 0).map((q) => q.en);
    return {
      paragraphs: builds.warm.manifest.documents,
      passages: builds.warm.manifest.passages,
      questions,
      builds,
      naiveMs,
      plainMs,
      lexiconEntries: Object.keys(index.lexicon?.entries ?? {}).length,
      systems,
      cv,
      cost: await costOf(index, normal),
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** `npm run bench:xquad -- <dir>`: the project beside plain BM25, per fold, and the cost of long questions. */
export async function runXquadBench(dir: string): Promise<void> {
  const r = await evaluateXquad(dir);
  console.log(
    `XQuAD ${dir}: ${r.paragraphs} paragraphs, ${r.passages} passages, ${r.questions.length} questions`,
  );
  const b = r.builds;
  const line = (label: string, x: Build) => {
    const l = x.lexicon;
    const how = l?.fromCache
      ? "the lexicon from the cache"
      : `dictionary ${l?.dictionary}, ${l?.documents.read} documents read, ${l?.documents.cached} from the cache`;
    console.log(
      `  ${label.padEnd(34)} ${Math.round(x.ms)} ms, of which lexicon ${Math.round(x.lexiconMs)} ms (${how})`,
    );
  };
  console.log(`index builds (${r.lexiconEntries} English keys):`);
  line("no cache, one paragraph fewer", b.cold);
  line("one paragraph more", b.oneMore);
  line("the same corpus again", b.warm);
  console.log(
    `  plain jieba BM25                   ${Math.round(r.plainMs)} ms (+ ${Math.round(r.naiveMs)} ms for its naive CC-CEDICT lookup)`,
  );
  for (const s of r.systems) {
    console.log(`\n${s.name}`);
    console.log(`  zh->zh  ${formatMetrics(s.zh)}  median ${ms(s.zhMs)}`);
    console.log(`  en->zh  ${formatMetrics(s.en)}  median ${ms(s.enMs)}`);
  }
  const project = r.systems[0] as SystemResult;
  console.log(
    `\nper fold (${FOLDS} folds of whole articles, article i in fold (i-1) mod ${FOLDS}): the project, and plain BM25 on the same folds`,
  );
  const plainRun = r.systems[2] as SystemResult;
  for (const [lang, mine, theirs] of [
    ["en->zh", project.enRanks, plainRun.enRanks],
    ["zh->zh", project.zhRanks, plainRun.zhRanks],
  ] as const) {
    for (const key of ["hit1", "hit5"] as const) {
      const row = (ranks: number[]) => {
        const xs = foldMetrics(r.questions, ranks).map((m) => m[key]);
        return `${xs.map((x) => x.toFixed(3)).join("  ")}  (spread ${spread(xs).toFixed(3)})`;
      };
      console.log(
        `  ${lang} ${key === "hit1" ? "hit@1" : "hit@5"}  project ${row(mine)}   plain ${row(theirs)}`,
      );
    }
  }
  for (const set of r.cv) {
    console.log(
      `\ncross-validation on ${set.name}: ${FOLDS} folds, each with the setting the other folds chose by MRR`,
    );
    for (const [f, fold] of set.folds.entries()) {
      console.log(`  fold ${f + 1}: ${formatMetrics(fold.held)}  with "${fold.chosen}"`);
    }
    for (const key of ["hit1", "hit5"] as const) {
      const xs = set.folds.map((f) => f.held[key]);
      console.log(
        `  held-out ${key === "hit1" ? "hit@1" : "hit@5"} spread ${spread(xs).toFixed(3)}`,
      );
    }
    console.log("  every candidate on all questions:");
    for (const c of set.runs) console.log(`    ${c.name.padEnd(50)} ${formatMetrics(c.all)}`);
  }
  console.log("\ncost of a question (the app's searcher, per-query median)");
  const base = r.cost[0]?.[1] ?? 1;
  for (const [kind, x] of r.cost) {
    console.log(`  ${kind.padEnd(36)} ${ms(x).padStart(10)}  ${(x / base).toFixed(1)}x`);
  }
}
