import type { Range, Scored } from "../index/bm25.js";

/**
 * Exact cosine scores of the passages in some ranges, from the quantized vectors: a search
 * inside a scope ranks its passages as a search over those passages alone would, whatever
 * else the corpus holds. Costs one dot product per passage in scope.
 */
export function denseInScope(
  query: number[],
  quantized: Int8Array,
  dims: number,
  ranges: readonly Range[],
  k: number,
): Scored[] {
  let norm = 0;
  for (const x of query) norm += x * x;
  const q = Float32Array.from(query, (x) => x / (Math.sqrt(norm) || 1) / 127);
  const out: Scored[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      let dot = 0;
      const at = i * dims;
      for (let j = 0; j < dims; j++) dot += (q[j] as number) * (quantized[at + j] as number);
      out.push({ index: i, score: dot });
    }
  }
  out.sort((a, b) => b.score - a.score || a.index - b.index);
  return out.slice(0, k);
}
