/** Ranking metrics over the rank (1-based) of the right paragraph, 0 when it was not found. */
export type Metrics = { n: number; hit1: number; hit5: number; mrr: number };

export function rankMetrics(ranks: number[]): Metrics {
  const n = ranks.length || 1;
  const share = (ok: (r: number) => boolean) => ranks.filter(ok).length / n;
  return {
    n: ranks.length,
    hit1: share((r) => r === 1),
    hit5: share((r) => r >= 1 && r <= 5),
    mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n,
  };
}

export const formatMetrics = (m: Metrics) =>
  `hit@1 ${m.hit1.toFixed(3)}  hit@5 ${m.hit5.toFixed(3)}  MRR ${m.mrr.toFixed(3)}  (n=${m.n})`;

/** 1-based rank of the first hit from a document (its passages count for it), 0 if none. */
export function documentRank(docsOfHits: string[], doc: string): number {
  return docsOfHits.indexOf(doc) + 1;
}
