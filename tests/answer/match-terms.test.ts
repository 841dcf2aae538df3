import { describe, expect, it } from "vitest";
import { coverage, type WeightedGroup } from "../../src/answer/match-terms.js";
import type { QueryGroup } from "../../src/index/bm25.js";

const weighted = (group: QueryGroup, idf = 1): WeightedGroup => ({
  group,
  idf,
  terms: new Set(group.alts.map((a) => a.term)),
  present: true,
  generic: false,
});
const alts = (...terms: string[]) => terms.map((term) => ({ term, p: 1 }));

describe("coverage", () => {
  it("counts a word group as held when any alternative is there", () => {
    const g = weighted({ weight: 1, alts: alts("单位", "元", "基层") });
    expect(coverage([g], new Set(["基层"])).share).toBe(1);
    expect(coverage([g], new Set(["其他"])).share).toBe(0);
  });

  it("counts a several-term sense by the share of its terms present, the best sense deciding", () => {
    const g = weighted({
      weight: 2,
      alts: alts("保障", "保障性", "租赁", "住房", "廉租房"),
      senses: [["保障", "保障性", "租赁", "住房"], ["廉租房"]],
    });
    const other = weighted({ weight: 1, alts: alts("提供") });
    expect(coverage([g], new Set(["保障"])).share).toBe(0.25);
    expect(coverage([g], new Set(["保障", "保障性", "租赁", "住房"])).share).toBe(1);
    expect(coverage([g], new Set(["廉租房"])).share).toBe(1);
    const some = coverage([g, other], new Set(["保障", "提供"]));
    expect(some.matched).toBe(1.25);
    expect(some.hits).toEqual([g, other]);
  });
});
