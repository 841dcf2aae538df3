import type { LoadedIndex } from "../index/load-index.js";
import type { Passage } from "../ingest/types.js";
import { createTranslator, type TranslateOptions } from "../lexicon/translate/translate.js";
import { type AnalyzedQuery, analyzeQuery } from "./analyze-query.js";

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

const NONE = { neighbors: [] as number[], distances: [] as number[] };

export type Searcher = (question: string, k: number) => Promise<SearchResult>;

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

  const dims = index.manifest.dimensions;
  /** HNSW neighbours; an embedder that fails (a remote one down) leaves BM25 to answer alone. */
  const denseSearch = async (text: string, n: number) => {
    try {
      const vector = await embeddings.embedQuery(text);
      if (vector.length !== dims)
        throw new Error(`query vector has ${vector.length} dimensions, index ${dims}`);
      return index.vectors.index.searchKnn(vector, n);
    } catch (err) {
      opts.onDenseError?.(err);
      return NONE;
    }
  };

  return async (question, k) => {
    const query = analyzeQuery(question, index.tokenizer, translate);
    const n = Math.min(depth, count);
    const lexical = index.bm25.search(query.groups, n);
    const dense = query.denseText && n > 0 ? await denseSearch(query.denseText, n) : NONE;

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
    dense.neighbors.forEach((label, rank) => {
      const e = entry(label);
      e.rrf += wd / (rrfK + rank + 1);
      e.dense = 1 - (dense.distances[rank] ?? 1);
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
