import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bm25, buildBm25, type QueryGroup, type Scored } from "../../src/index/bm25.js";

/** BM25 with structured groups, written the plain way: the reference the index must match. */
function reference(docs: string[][], groups: QueryGroup[], k: number): Scored[] {
  const k1 = 1.2;
  const b = 0.75;
  const avgdl = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const scores = new Map<number, number>();
  for (const g of groups) {
    const tf = new Map<number, number>();
    for (const { term, p } of g.alts) {
      docs.forEach((d, i) => {
        const n = d.filter((t) => t === term).length;
        if (n > 0) tf.set(i, (tf.get(i) ?? 0) + p * n);
      });
    }
    if (tf.size === 0) continue;
    const idf = Math.log(1 + (docs.length - tf.size + 0.5) / (tf.size + 0.5));
    for (const [i, f] of tf) {
      const norm = k1 * (1 - b + (b * (docs[i] as string[]).length) / avgdl);
      scores.set(i, (scores.get(i) ?? 0) + g.weight * idf * ((f * (k1 + 1)) / (f + norm)));
    }
  }
  return [...scores]
    .map(([index, score]) => ({ index, score }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, k);
}

const term = fc.constantFrom("成都", "增长", "企业", "研发", "经费", "a", "b", "c");
const docs = fc.array(fc.array(term, { maxLength: 12 }), { minLength: 1, maxLength: 40 });
const groups = fc.array(
  fc.record({
    weight: fc.constantFrom(0, 0.5, 1, 2),
    alts: fc.array(fc.record({ term, p: fc.constantFrom(0, 0.3, 1) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  { maxLength: 5 },
);

describe("BM25 search", () => {
  it("ranks exactly as the plain formula, query after query on one index", () => {
    fc.assert(
      fc.property(
        docs,
        fc.array(groups, { minLength: 1, maxLength: 4 }),
        fc.nat(50),
        (d, qs, k) => {
          const bm25 = new Bm25(buildBm25(d));
          for (const q of qs) {
            const got = bm25.search(q, k);
            const want = reference(d, q, k);
            expect(got.map((h) => h.index)).toEqual(want.map((h) => h.index));
            for (const [i, h] of got.entries()) {
              expect(h.score).toBeCloseTo((want[i] as Scored).score, 9);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
