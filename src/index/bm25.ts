/**
 * BM25 over pre-tokenized passages. A query is a list of groups; a group is a set of
 * alternative terms (the translations of one English word, or one Chinese word alone).
 * A group's term frequency is the weighted sum over its alternatives and its document
 * frequency that of their union, so that a word with many senses counts once
 * (a structured query in the sense of Pirkola 1998, weighted as in Darwish & Oard 2003).
 */

export type Alternative = { term: string; p: number };
export type QueryGroup = {
  weight: number;
  alts: Alternative[];
  /**
   * The senses the alternatives came from, each as its index terms, when some sense is
   * several terms ("保障性 租赁 住房"): a passage holding one of those terms holds only part
   * of that sense. Search ignores this; answering weighs matches by it.
   */
  senses?: string[][];
};

export type Bm25Data = {
  k1: number;
  b: number;
  /** passage lengths, in terms */
  lengths: number[];
  /** term -> [passage index, tf, passage index, tf, ...] */
  postings: Record<string, number[]>;
};

export type Scored = { index: number; score: number };

export function buildBm25(docs: string[][], k1 = 1.2, b = 0.75): Bm25Data {
  const postings: Record<string, number[]> = Object.create(null);
  const lengths = docs.map((terms, i) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings[t];
      if (list) list.push(i, n);
      else postings[t] = [i, n];
    }
    return terms.length;
  });
  return { k1, b, lengths, postings };
}

export class Bm25 {
  private readonly avgdl: number;
  private readonly postings: Map<string, number[]>;
  /** each passage's length normalization, k1 * (1 - b + b * len / avgdl) */
  private readonly norms: Float64Array;
  // scratch space for one search at a time (search is synchronous): per-passage sums and
  // the passages touched, so that a query costs its postings, not the corpus size
  private readonly scores: Float64Array;
  private readonly groupTf: Float64Array;
  private readonly touched: Int32Array;
  private readonly groupTouched: Int32Array;
  private readonly inQuery: Uint8Array;
  private readonly inGroup: Uint8Array;

  constructor(private readonly data: Bm25Data) {
    const n = data.lengths.length;
    const total = data.lengths.reduce((a, b) => a + b, 0);
    this.avgdl = total / Math.max(1, n);
    this.postings = new Map(Object.entries(data.postings));
    this.norms = Float64Array.from(
      data.lengths,
      (len) => data.k1 * (1 - data.b + (data.b * len) / (this.avgdl || 1)),
    );
    this.scores = new Float64Array(n);
    this.groupTf = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.groupTouched = new Int32Array(n);
    this.inQuery = new Uint8Array(n);
    this.inGroup = new Uint8Array(n);
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Document frequency of a term (0 when the corpus never has it). */
  df(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** A term's postings, [passage, tf, passage, tf, ...]; undefined when the corpus lacks it. */
  postingsOf(term: string): readonly number[] | undefined {
    return this.postings.get(term);
  }

  /** Inverse document frequency, BM25's smoothed form. */
  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The `k` best passages for the query, best first (ties: earlier passage first). */
  search(groups: QueryGroup[], k: number): Scored[] {
    const { scores, groupTf, touched, groupTouched, inQuery, inGroup, norms } = this;
    const k1 = this.data.k1;
    let nTouched = 0;
    for (const g of groups) {
      // a group's tf is the weighted sum over its alternatives; its df, their union's
      let nGroup = 0;
      for (const { term, p } of g.alts) {
        const list = this.postings.get(term);
        if (!list) continue;
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i] as number;
          if (!inGroup[d]) {
            inGroup[d] = 1;
            groupTouched[nGroup++] = d;
          }
          groupTf[d] = (groupTf[d] as number) + p * (list[i + 1] as number);
        }
      }
      if (nGroup === 0) continue;
      const weight = g.weight * this.idf(nGroup);
      for (let j = 0; j < nGroup; j++) {
        const d = groupTouched[j] as number;
        const f = groupTf[d] as number;
        groupTf[d] = 0;
        inGroup[d] = 0;
        if (!inQuery[d]) {
          inQuery[d] = 1;
          touched[nTouched++] = d;
        }
        scores[d] = (scores[d] as number) + weight * ((f * (k1 + 1)) / (f + (norms[d] as number)));
      }
    }
    const best = topK(scores, touched, nTouched, k);
    for (let j = 0; j < nTouched; j++) {
      const d = touched[j] as number;
      scores[d] = 0;
      inQuery[d] = 0;
    }
    return best;
  }
}

/** Ranking order: higher score first, then the earlier passage. */
const before = (a: Scored, b: Scored) =>
  a.score > b.score || (a.score === b.score && a.index < b.index);

/** The k best of the touched passages, with a bounded heap (worst of the kept at the root). */
function topK(scores: Float64Array, touched: Int32Array, n: number, k: number): Scored[] {
  const heap: Scored[] = [];
  const sift = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst] as Scored, heap[l] as Scored)) worst = l;
      if (r < heap.length && before(heap[worst] as Scored, heap[r] as Scored)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as Scored, heap[i] as Scored];
      i = worst;
    }
  };
  for (let j = 0; j < n && k > 0; j++) {
    const index = touched[j] as number;
    const item = { index, score: scores[index] as number };
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as Scored, heap[i] as Scored)) break;
        [heap[i], heap[parent]] = [heap[parent] as Scored, heap[i] as Scored];
        i = parent;
      }
    } else if (before(item, heap[0] as Scored)) {
      heap[0] = item;
      sift(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The plain query: every term its own group. */
export function termGroups(terms: string[], weight = 1): QueryGroup[] {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([term, n]) => ({ weight: weight * n, alts: [{ term, p: 1 }] }));
}
