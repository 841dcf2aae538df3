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

/**
 * BM25's two parameters, saved with the index (an update keeps the base's). The textbook
 * values (Robertson and Zaragoza's usual range: k1 1.2–2.0, b 0.5–0.8), set when the index
 * was first built and not tuned on an eval since.
 */
const BM25_PARAMS = {
  /** how fast repeats of a term stop adding to a passage's score: 0 counts a term once */
  k1: 1.2,
  /** how much a long passage's score is scaled down: 0 none, 1 fully by its length */
  b: 0.75,
} as const;

export function buildBm25(
  docs: string[][],
  k1: number = BM25_PARAMS.k1,
  b: number = BM25_PARAMS.b,
): Bm25Data {
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

/** Passages [from, to) by index: the passages of one document are contiguous. */
export type Range = readonly [number, number];

/** What answering and ranking need from BM25: its statistics and search, over some passages. */
export type Bm25Stats = {
  /** passages in view */
  readonly size: number;
  /** document frequency of a term among the passages in view */
  df(term: string): number;
  /** inverse document frequency, BM25's smoothed form, for this view's size */
  idf(df: number): number;
  /** the `k` best passages in view for the query, best first (ties: earlier passage first) */
  search(groups: QueryGroup[], k: number): Scored[];
};

/** First position (an even index) of a postings list whose passage is >= d. */
function lowerBound(list: number[], d: number): number {
  let lo = 0;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[2 * mid] as number) < d) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

export class Bm25 implements Bm25Stats {
  private readonly postings: Map<string, number[]>;
  /** prefix sums of passage lengths, for the average length of any run of passages */
  private readonly lengthSums: Float64Array;
  private readonly all: Bm25View;
  // scratch space for one search at a time (search is synchronous): per-passage sums and
  // the passages touched, so that a query costs its postings, not the corpus size
  readonly scratch: Scratch;

  constructor(readonly data: Bm25Data) {
    const n = data.lengths.length;
    this.postings = new Map(Object.entries(data.postings));
    this.lengthSums = new Float64Array(n + 1);
    for (let i = 0; i < n; i++)
      this.lengthSums[i + 1] = (this.lengthSums[i] as number) + (data.lengths[i] as number);
    this.scratch = {
      scores: new Float64Array(n),
      groupTf: new Float64Array(n),
      touched: new Int32Array(n),
      groupTouched: new Int32Array(n),
      inQuery: new Uint8Array(n),
      inGroup: new Uint8Array(n),
    };
    this.all = this.view([[0, n]]);
  }

  /**
   * The same index seen through some passages only (a report, several reports): counts,
   * lengths and IDF are those of these passages, so a report ranks as it would alone.
   */
  view(ranges: readonly Range[]): Bm25View {
    return new Bm25View(this, ranges, this.lengthSums);
  }

  postingsOf(term: string): number[] | undefined {
    return this.postings.get(term);
  }

  /** Every term of the corpus. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  get size(): number {
    return this.all.size;
  }
  df(term: string): number {
    return this.all.df(term);
  }
  idf(df: number): number {
    return this.all.idf(df);
  }
  search(groups: QueryGroup[], k: number): Scored[] {
    return this.all.search(groups, k);
  }
}

type Scratch = {
  scores: Float64Array;
  groupTf: Float64Array;
  touched: Int32Array;
  groupTouched: Int32Array;
  inQuery: Uint8Array;
  inGroup: Uint8Array;
};

export class Bm25View implements Bm25Stats {
  readonly size: number;
  private readonly avgdl: number;

  constructor(
    private readonly bm25: Bm25,
    private readonly ranges: readonly Range[],
    sums: Float64Array,
  ) {
    let size = 0;
    let total = 0;
    for (const [a, b] of ranges) {
      size += b - a;
      total += (sums[b] as number) - (sums[a] as number);
    }
    this.size = size;
    this.avgdl = total / Math.max(1, size);
  }

  df(term: string): number {
    const list = this.bm25.postingsOf(term);
    if (!list) return 0;
    let n = 0;
    for (const [a, b] of this.ranges) n += (lowerBound(list, b) - lowerBound(list, a)) / 2;
    return n;
  }

  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(groups: QueryGroup[], k: number): Scored[] {
    const { scores, groupTf, touched, groupTouched, inQuery, inGroup } = this.bm25.scratch;
    const { k1, b, lengths } = this.bm25.data;
    const avgdl = this.avgdl || 1;
    let nTouched = 0;
    for (const g of groups) {
      // a group's tf is the weighted sum over its alternatives; its df, their union's
      let nGroup = 0;
      for (const { term, p } of g.alts) {
        const list = this.bm25.postingsOf(term);
        if (!list) continue;
        for (const [from, to] of this.ranges) {
          for (let i = lowerBound(list, from); i < list.length; i += 2) {
            const d = list[i] as number;
            if (d >= to) break;
            if (!inGroup[d]) {
              inGroup[d] = 1;
              groupTouched[nGroup++] = d;
            }
            groupTf[d] = (groupTf[d] as number) + p * (list[i + 1] as number);
          }
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
        const norm = k1 * (1 - b + (b * (lengths[d] as number)) / avgdl);
        scores[d] = (scores[d] as number) + weight * ((f * (k1 + 1)) / (f + norm));
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
