import type { Range, Scored } from "../index/bm25.js";

/**
 * The most multiply-adds an exact dense search may take: the query's non-zero dimensions
 * times the passages in scope. Past it the HNSW graph answers. The local embedder's query
 * vectors have 10 to 30 non-zero dimensions of 1,024, so every search with it is exact up to
 * some 150,000 passages; a model's dense vectors (all dimensions) are exact up to ~4,000.
 */
export const EXACT_DENSE_WORK = 4_000_000;

/**
 * The query's non-zero dimensions, and their weights as the int8 vectors are scored:
 * L2-normalized, over 127, as float32.
 */
function scaled(query: number[]): { dims: number[]; weights: number[] } {
  let norm = 0;
  for (const x of query) norm += x * x;
  const s = Math.sqrt(norm) || 1;
  const dims: number[] = [];
  const weights: number[] = [];
  for (const [j, x] of query.entries()) {
    const w = Math.fround(x / s / 127);
    if (w === 0) continue;
    dims.push(j);
    weights.push(w);
  }
  return { dims, weights };
}

/** Multiply-adds an exact search of `size` passages costs for this query. */
export function exactWork(query: number[], size: number): number {
  let used = 0;
  for (const x of query) if (x !== 0) used++;
  return used * size;
}

/** Ranking order: higher score first, then the earlier passage. */
const before = (a: Scored, b: Scored) =>
  a.score > b.score || (a.score === b.score && a.index < b.index);

/** The k best, best first, kept in a bounded heap (worst of the kept at the root). */
function best(scores: Float64Array, ranges: readonly Range[], k: number): Scored[] {
  const heap: Scored[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] as Scored, heap[i] as Scored];
  };
  let o = 0;
  for (const [from, to] of ranges) {
    for (let index = from; index < to; index++) {
      const item = { index, score: scores[o++] as number };
      if (heap.length < k) {
        heap.push(item);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!before(heap[parent] as Scored, heap[i] as Scored)) break;
          swap(i, parent);
          i = parent;
        }
      } else if (k > 0 && before(item, heap[0] as Scored)) {
        heap[0] = item;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          let worst = i;
          if (l < k && before(heap[worst] as Scored, heap[l] as Scored)) worst = l;
          if (l + 1 < k && before(heap[worst] as Scored, heap[l + 1] as Scored)) worst = l + 1;
          if (worst === i) break;
          swap(i, worst);
          i = worst;
        }
      }
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * Exact cosine scores of the passages in some ranges, from the int8 vectors stored
 * dimension-major (dimension j of passage p at j * count + p): a search inside a scope
 * ranks its passages as a search over those passages alone would, whatever else the corpus
 * holds. Only the query's non-zero dimensions are read, each as one run over the scope.
 */
export function denseInScope(
  query: number[],
  byDim: Int8Array,
  count: number,
  ranges: readonly Range[],
  k: number,
): Scored[] {
  const { dims, weights } = scaled(query);
  let size = 0;
  for (const [a, b] of ranges) size += b - a;
  const scores = new Float64Array(size);
  for (const [at, j] of dims.entries()) {
    const w = weights[at] as number;
    const column = j * count;
    let o = 0;
    for (const [from, to] of ranges) {
      for (let p = column + from, end = column + to; p < end; p++, o++)
        scores[o] = (scores[o] as number) + w * (byDim[p] as number);
    }
  }
  return best(scores, ranges, k);
}
