import type { Bm25Stats, QueryGroup } from "../index/bm25.js";
import { generalIdf } from "../text/general-idf.js";

/** A typical word's general IDF, to put general and corpus IDF on one scale. */
const GENERAL_MEDIAN = 9;

/** A group that is only a figure ("16%", "13000"): matched by figure checks, not by words. */
export const isFigureGroup = (g: QueryGroup) => g.alts.every((a) => /^[\d.]+%?$/.test(a.term));

/**
 * A query group with its corpus weight: how much matching it says; whether the scope has
 * it at all; and whether it is generic (a verb of change, a measure word: 增长, 规模, 数量),
 * which says how a figure moved, not what it is about.
 */
export type WeightedGroup = {
  group: QueryGroup;
  idf: number;
  terms: Set<string>;
  present: boolean;
  generic: boolean;
};

/** Words that say how much or how a thing moved, not which thing: never a figure's subject. */
const GENERIC = new Set(
  "增长 增加 下降 减少 提高 提升 上升 降低 增速 增幅 涨幅 降幅 增长率 规模 数量 总量 总额 总数 数 水平 情况 发展 建设 推进 加强 加快 实现 完成 达到 达 超过 突破 新增 累计 全年 全市 全省 全国 一共 总共 目前 现在 主要 重点 工作 有关 相关 多少 是 有 年 涨 降 多 高 大 快".split(
    " ",
  ),
);

/**
 * How much the words a report never uses count against an answer (tuning part of the eval
 * set): people ask in their own words ("一天" for 日均, "盘子" for 规模), so an absent word
 * is a sign, not a verdict, and weighs this share of what its rarity would give it.
 */
export const ABSENT_WORDS = { weight: 0.4 };

/**
 * Weigh each group of a query by its inverse document frequency. A group the corpus
 * never mentions weighs as a rare word, times ABSENT_WORDS.weight: a question about
 * something the report may lack.
 */
export function weighGroups(groups: QueryGroup[], bm25: Bm25Stats): WeightedGroup[] {
  const maxIdf = bm25.idf(0);
  return groups.map((group) => {
    const df = Math.min(bm25.size, groupDf(group, bm25));
    const head = group.alts[0]?.term ?? "";
    // general-language informativeness tempers the corpus's: filler words weigh little
    const general = generalIdf(head);
    let idf: number;
    if (df > 0)
      idf =
        general === undefined ? bm25.idf(df) : Math.sqrt(bm25.idf(df) * (general / GENERAL_MEDIAN));
    // a real word the report never uses ("市长") says the report lacks the answer;
    // a fragment jieba made up from an unknown phrase ("率为") says little
    else if (general !== undefined)
      idf = ABSENT_WORDS.weight * Math.sqrt(maxIdf * (general / GENERAL_MEDIAN));
    // an English word the lexicon has no sense for: a strong sign, though not a verdict
    else idf = /[\u3400-\u9fff]/.test(head) ? 0.5 : (ABSENT_WORDS.weight * maxIdf) / 2;
    return {
      group,
      idf: group.weight * idf,
      terms: new Set(group.alts.map((a) => a.term)),
      present: df > 0,
      generic: GENERIC.has(head),
    };
  });
}

/** An alternative this strong stands for the group itself (the word, a near-equivalent). */
const PRIMARY = 0.75;

/**
 * How many passages hold the group: those with one of its strong alternatives, or, for a
 * sense of several terms (an abbreviation's phrase, a word's parts), about as many as hold
 * its rarest term. Weak alternatives (a word's common part, 社会 of 社会消费品零售总额) would
 * make a rare concept look common.
 */
function groupDf(group: QueryGroup, bm25: Bm25Stats): number {
  let df = 0;
  for (const a of group.alts) if (a.p >= PRIMARY) df += bm25.df(a.term);
  for (const sense of group.senses ?? []) {
    if (sense.length < 2) continue;
    df = Math.max(df, Math.min(...sense.map((t) => bm25.df(t))));
  }
  if (df > 0) return df;
  // only weak alternatives are in the corpus: they still say a little
  return group.alts.some((a) => bm25.df(a.term) > 0)
    ? group.alts.reduce((s, a) => s + bm25.df(a.term), 0)
    : 0;
}

/**
 * How much of a group a set of terms holds: the weight of the best alternative present (the
 * word itself 1, a part of it or a lesser sense less), except that a sense made of several
 * terms counts by the share of them present ("保障" alone is a quarter of
 * "保障 保障性 租赁 住房"), and the best sense decides.
 */
function strength(g: QueryGroup, terms: Set<string>): number {
  if (!g.senses) {
    // the best alternative present decides: a word's part (产业 of 体育产业) is part of it
    let best = 0;
    for (const a of g.alts) if (a.p > best && terms.has(a.term)) best = a.p;
    return Math.min(1, best);
  }
  let best = 0;
  for (const sense of g.senses) {
    let n = 0;
    for (const t of sense) if (terms.has(t)) n++;
    best = Math.max(best, n / sense.length);
    if (best === 1) break;
  }
  return best;
}

/** The weighted groups present in a set of terms, and their share of the whole query. */
export function coverage(
  groups: WeightedGroup[],
  terms: Set<string>,
): { matched: number; share: number; hits: WeightedGroup[] } {
  let total = 0;
  let matched = 0;
  const hits: WeightedGroup[] = [];
  for (const g of groups) {
    total += g.idf;
    const s = strength(g.group, terms);
    if (s > 0) {
      matched += g.idf * s;
      hits.push(g);
    }
  }
  return { matched, share: total ? matched / total : 0, hits };
}
