import type { Bm25Stats, Range } from "../index/bm25.js";
import type { LoadedIndex } from "../index/load-index.js";
import type { Doc } from "../ingest/types.js";
import type { PlaceIndex } from "../question/places.js";
import { type ResolvedScope, resolveScope } from "../question/resolve-scope.js";
import type { Reading } from "../question/types.js";
import type { Hit, Searcher, SearchResult } from "../retrieve/hybrid-search.js";
import { type PartRule, scopeRanges } from "../retrieve/scope-ranges.js";
import type { Citation } from "./types.js";

/** What answering reads: the index, its searcher, the corpus's places and documents. */
export type AnswerContext = {
  index: LoadedIndex;
  search: Searcher;
  places: PlaceIndex;
  docs: Map<string, Doc>;
};

export function answerContext(
  index: LoadedIndex,
  search: Searcher,
  places: PlaceIndex,
): AnswerContext {
  return { index, search, places, docs: new Map(index.docs.map((d) => [d.doc, d])) };
}

/** A question's retrieval: the reports in scope, the passages searched, their statistics. */
export type Retrieved = {
  scope: ResolvedScope;
  ranges: Range[];
  stats: Bm25Stats;
  result: SearchResult;
};

/** Shortcomings answer only questions about shortcomings; the front matter never answers. */
export const partRuleFor = (reading: Pick<Reading, "kind">): PartRule =>
  reading.kind === "problems" ? { only: ["problems"] } : { exclude: ["front", "problems"] };

/**
 * Retrieve for a reading: its scope met with the documents' metadata (and, when the
 * client asks, only the documents it names), then the passages of those reports and
 * parts, ranked by their own statistics.
 */
export async function retrieveFor(
  reading: Reading,
  ctx: AnswerContext,
  k: number,
  opts: { docs?: readonly string[]; text?: string; scope?: ResolvedScope } = {},
): Promise<Retrieved> {
  const allowed = opts.docs ? new Set(opts.docs) : undefined;
  const docs = ctx.index.docs.filter((d) => !allowed || allowed.has(d.doc));
  const scope = opts.scope ?? resolveScope(reading.scope, docs, ctx.places);
  const ranges = scopeRanges(ctx.index.runs, scope.docs, partRuleFor(reading));
  const result = ranges.length
    ? await ctx.search(opts.text ?? reading.subject.searchText, k, ranges)
    : { query: (await ctx.search(opts.text ?? reading.subject.searchText, 1, [])).query, hits: [] };
  return { scope, ranges, stats: ctx.index.bm25.view(ranges), result };
}

/** A hit as a numbered citation, with its report's title and the years that report speaks of. */
export function citationOf(hit: Hit, n: number, ctx: AnswerContext): Citation {
  const doc = ctx.docs.get(hit.passage.doc);
  if (!doc) return { ...hit.passage, score: hit.score, n };
  const m = doc.meta;
  const years = [
    ...new Set([m.year, ...(m.reviewYears ?? []), m.planYear].filter((y) => y !== undefined)),
  ];
  return { ...hit.passage, score: hit.score, n, title: doc.title, years };
}
