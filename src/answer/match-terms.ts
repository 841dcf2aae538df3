import type { Bm25, QueryGroup } from "../index/bm25.js";
import { generalIdf } from "../text/general-idf.js";

/** A typical word's general IDF, to put general and corpus IDF on one scale. */
const GENERAL_MEDIAN = 9;

/** A query group with its corpus weight: how much matching it says. */
export type WeightedGroup = { group: QueryGroup; idf: number; terms: Set<string> };

/**
 * Weigh each group of a query by its inverse document frequency. A group the corpus
 * never mentions gets the highest weight: a question about something the report lacks.
 */
export function weighGroups(groups: QueryGroup[], bm25: Bm25): WeightedGroup[] {
  const maxIdf = bm25.idf(0);
  return groups.map((group) => {
    const df = Math.min(
      bm25.size,
      group.alts.reduce((s, a) => s + bm25.df(a.term), 0),
    );
    const corpus = df === 0 ? maxIdf : bm25.idf(df);
    // general-language informativeness tempers the corpus's: filler words weigh little
    const general = generalIdf(group.alts[0]?.term ?? "");
    return {
      group,
      idf:
        group.weight *
        (general === undefined ? corpus : Math.sqrt(corpus * (general / GENERAL_MEDIAN))),
      terms: new Set(group.alts.map((a) => a.term)),
    };
  });
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
    for (const t of g.terms) {
      if (terms.has(t)) {
        matched += g.idf;
        hits.push(g);
        break;
      }
    }
  }
  return { matched, share: total ? matched / total : 0, hits };
}
