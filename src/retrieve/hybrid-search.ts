import type { Range, Scored } from "../index/bm25.js";
import { nearestPassages } from "../index/hnsw-graph.js";
import type { LoadedIndex } from "../index/load-index.js";
import type { Passage } from "../ingest/types.js";
import { createTranslator, type TranslateOptions } from "../lexicon/translate/translate.js";
import { type AnalyzedQuery, analyzeQuery } from "./analyze-query.js";
import { denseInScope, EXACT_DENSE_WORK, exactWork } from "./dense-scope.js";
import { countIn } from "./scope-ranges.js";
import { vocabulary } from "./zh-variants.js";

export type Hit = {
  passage: Passage;
  /** fused score scaled to [0, 1]: 1 = first on both sides */
  score: number;
  /** the raw signals, for refusal decisions and debugging */
  lexical: number;
  dense: number;
};

export type SearchResult = { query: AnalyzedQuery; hits: Hit[] };

export type SearchOptions = {
  /** candidates taken from each side before fusion */
  depth?: number;
  /** reciprocal rank fusion constant */
  rrfK?: number;
  lexicalWeight?: number;
  denseWeight?: number;
  /** English -> Chinese translation settings (the defaults are measured on XQuAD) */
  translate?: Partial<TranslateOptions>;
  /** told when the dense side fails and the lexical side answers alone */
  onDenseError?: (err: unknown) => void;
};

/**
 * Ranked passages for a text. With `scope` (passage ranges: some reports, some parts), only
 * those passages, ranked by their own statistics as if they were the whole corpus.
 */
export type Searcher = (
  question: string,
  k: number,
  scope?: readonly Range[],
) => Promise<SearchResult>;

/** Dense (HNSW) and lexical (BM25) rankings fused by weighted reciprocal rank fusion. */
export function createSearcher(index: LoadedIndex, opts: SearchOptions = {}): Searcher {
  const depth = opts.depth ?? 50;
  // measured on XQuAD and the eval set: the lexical ranking leads, the dense side breaks ties
  const rrfK = opts.rrfK ?? 5;
  const wl = opts.lexicalWeight ?? 1;
  const wd = opts.denseWeight ?? 0.25;
  const translate = index.lexicon
    ? createTranslator(index.lexicon, { postings: (t) => index.bm25.postingsOf(t) }, opts.translate)
    : undefined;
  const embeddings = index.vectors.embeddings;
  const count = index.passages.length;
  const vocab = vocabulary(
    () => index.bm25.terms(),
    (t) => index.bm25.df(t),
    () => index.docs.map((d) => d.text),
    (text) => index.tokenizer.cut(text),
  );

  const dims = index.manifest.dimensions;
  /**
   * Dense neighbours: exact when cheap enough (see EXACT_DENSE_WORK), else the HNSW graph
   * (filtered to the scope); an embedder that fails (a remote one down) leaves BM25 alone.
   */
  const denseSearch = async (
    text: string,
    n: number,
    scope: readonly Range[] | undefined,
  ): Promise<Scored[]> => {
    try {
      const vector = await embeddings.embedQuery(text);
      if (vector.length !== dims)
        throw new Error(`query vector has ${vector.length} dimensions, index ${dims}`);
      const ranges = scope ?? [[0, count] as const];
      if (exactWork(vector, countIn(ranges)) <= EXACT_DENSE_WORK)
        return denseInScope(vector, index.vectorsByDim, count, ranges, n);
      if (!scope) return nearestPassages(index, vector, n);
      const inScope = new Uint8Array(count);
      for (const [a, b] of scope) inScope.fill(1, a, b);
      return nearestPassages(index, vector, n, (i) => inScope[i] === 1);
    } catch (err) {
      opts.onDenseError?.(err);
      return [];
    }
  };

  return async (question, k, scope) => {
    const query = analyzeQuery(question, index.tokenizer, translate, vocab);
    const size = scope ? countIn(scope) : count;
    const n = Math.min(depth, size);
    const lexical = (scope ? index.bm25.view(scope) : index.bm25).search(query.groups, n);
    const dense = query.denseText && n > 0 ? await denseSearch(query.denseText, n, scope) : [];

    const fused = new Map<number, { rrf: number; lexical: number; dense: number }>();
    const entry = (i: number) => {
      const e = fused.get(i) ?? { rrf: 0, lexical: 0, dense: 0 };
      fused.set(i, e);
      return e;
    };
    lexical.forEach((h, rank) => {
      const e = entry(h.index);
      e.rrf += wl / (rrfK + rank + 1);
      e.lexical = h.score;
    });
    dense.forEach((h, rank) => {
      const e = entry(h.index);
      e.rrf += wd / (rrfK + rank + 1);
      e.dense = h.score;
    });
    const best = (wl + wd) / (rrfK + 1);
    const hits = [...fused]
      .sort((a, b) => b[1].rrf - a[1].rrf || a[0] - b[0])
      .slice(0, k)
      .map(([i, e]) => ({
        passage: index.passages[i] as Passage,
        score: Number((e.rrf / best).toFixed(4)),
        lexical: e.lexical,
        dense: e.dense,
      }));
    return { query, hits };
  };
}
