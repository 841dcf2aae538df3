/**
 * BM25 over pre-tokenized passages. A query is a list of groups; a group is a set of
 * alternative terms (the translations of one English word, or one Chinese word alone).
 * A group's term frequency is the weighted sum over its alternatives and its document
 * frequency that of their union, so that a word with many senses counts once
 * (a structured query in the sense of Pirkola 1998, weighted as in Darwish & Oard 2003).
 */

export type Alternative = { term: string; p: number };
export type QueryGroup = { weight: number; alts: Alternative[] };

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

  constructor(private readonly data: Bm25Data) {
    const total = data.lengths.reduce((a, b) => a + b, 0);
    this.avgdl = total / Math.max(1, data.lengths.length);
    this.postings = new Map(Object.entries(data.postings));
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

  /** Inverse document frequency, BM25's smoothed form. */
  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(groups: QueryGroup[], k: number): Scored[] {
    const { k1, b, lengths } = this.data;
    const scores = new Map<number, number>();
    for (const g of groups) {
      const tf = new Map<number, number>();
      for (const { term, p } of g.alts) {
        const list = this.postings.get(term);
        if (!list) continue;
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i] as number;
          tf.set(d, (tf.get(d) ?? 0) + p * (list[i + 1] as number));
        }
      }
      if (tf.size === 0) continue;
      const idf = this.idf(tf.size);
      for (const [d, f] of tf) {
        const norm = k1 * (1 - b + (b * (lengths[d] as number)) / this.avgdl);
        scores.set(d, (scores.get(d) ?? 0) + g.weight * idf * ((f * (k1 + 1)) / (f + norm)));
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, k);
  }
}

/** The plain query: every term its own group. */
export function termGroups(terms: string[], weight = 1): QueryGroup[] {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([term, n]) => ({ weight: weight * n, alts: [{ term, p: 1 }] }));
}
