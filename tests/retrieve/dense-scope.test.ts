import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Range, Scored } from "../../src/index/bm25.js";
import { denseInScope } from "../../src/retrieve/dense-scope.js";

/** Exact dense scoring written the plain way, over passage-major vectors: the reference. */
function reference(query: number[], vectors: number[][], ranges: Range[], k: number): Scored[] {
  let norm = 0;
  for (const x of query) norm += x * x;
  const q = Float32Array.from(query, (x) => x / (Math.sqrt(norm) || 1) / 127);
  const out: Scored[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      let dot = 0;
      for (let j = 0; j < q.length; j++) dot += (q[j] as number) * (vectors[i]?.[j] as number);
      out.push({ index: i, score: dot });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

const DIMS = 16;
const vectors = fc.array(
  fc.array(fc.integer({ min: -127, max: 127 }), { minLength: DIMS, maxLength: DIMS }),
  {
    minLength: 1,
    maxLength: 60,
  },
);
// sparse queries (the local embedder's) and dense ones, with ties among passages likely
const query = fc.array(
  fc.oneof(fc.constant(0), fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true })),
  {
    minLength: DIMS,
    maxLength: DIMS,
  },
);

/** Sorted, non-overlapping ranges inside [0, n). */
const rangesIn = (n: number) =>
  fc.uniqueArray(fc.nat(n), { maxLength: 8 }).map((cuts) => {
    const s = [...cuts].sort((a, b) => a - b);
    const out: Range[] = [];
    for (let i = 0; i + 1 < s.length; i += 2) out.push([s[i] as number, s[i + 1] as number]);
    return out;
  });

describe("exact dense scoring within a scope", () => {
  it("ranks and scores exactly as the plain dot product over passage-major vectors", () => {
    fc.assert(
      fc.property(
        vectors.chain((v) => fc.tuple(fc.constant(v), rangesIn(v.length), query, fc.nat(70))),
        ([v, ranges, q, k]) => {
          const count = v.length;
          const byDim = new Int8Array(count * DIMS);
          v.forEach((row, p) => {
            row.forEach((x, j) => {
              byDim[j * count + p] = x;
            });
          });
          expect(denseInScope(q, byDim, count, ranges, k)).toEqual(reference(q, v, ranges, k));
        },
      ),
      { numRuns: 500 },
    );
  });
});
