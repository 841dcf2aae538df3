import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbedderInfo } from "../embed/make-embeddings.js";
import { readEvalData } from "../eval/eval-data.js";
import { type BuiltCorpus, buildIndex } from "../index/build-index.js";
import { lexiconExtras, lexiconSourceOf } from "../index/lexicon-extras.js";
import { loadIndex } from "../index/load-index.js";
import { readCorpus } from "../ingest/read-corpus.js";
import type { QuestionSet } from "./xquad-cv.js";
import { FOLDS } from "./xquad-folds.js";

/**
 * The project's own English report questions (tests/eval) as a question set for
 * cross-validation: the report's index built as the app builds it, the answerable English
 * questions in folds by their order (question i in fold i mod FOLDS), each answered by the
 * rank of the first passage that holds its evidence.
 */
export async function reportQuestionSet(
  corpusDir: string,
  evalDir: string,
  embedding: EmbedderInfo,
): Promise<QuestionSet & { indexDir: string }> {
  const indexDir = await mkdtemp(join(tmpdir(), "report-cv-index-"));
  let corpus: BuiltCorpus | undefined;
  await buildIndex({
    files: (await readCorpus(corpusDir)).files,
    indexDir,
    embeddings: embedding.embeddings,
    embedder: embedding.name,
    extras: (c) => {
      corpus = c;
      return lexiconExtras(indexDir)(c);
    },
  });
  const index = await loadIndex(indexDir, embedding.embeddings);
  const { questions } = await readEvalData(evalDir);
  const english = questions.filter((q) => q.lang === "en" && q.answerable && q.evidence);
  return {
    name: `report questions (${evalDir}, English, answerable)`,
    indexDir,
    index,
    source: lexiconSourceOf(corpus as BuiltCorpus),
    folds: english.map((_, i) => i % FOLDS),
    rank: async (search, i) => {
      const q = english[i] as (typeof english)[number];
      const { hits } = await search(q.question, 20);
      return hits.findIndex((h) => h.passage.text.includes(q.evidence as string)) + 1;
    },
  };
}
