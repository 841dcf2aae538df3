import type { LoadedIndex } from "../index/load-index.js";
import type { Hit, Searcher } from "../retrieve/hybrid-search.js";
import { type Figure, findFigures, sameFigure } from "../text/numbers.js";
import { clauses, type Span, sentences } from "./clauses.js";
import { coverage, isFigureGroup, type WeightedGroup, weighGroups } from "./match-terms.js";
import { termSet } from "./term-set.js";

export type ClaimVerdict = {
  supported: boolean;
  /** why: the report states it; states it with other figures; or does not state it */
  reason: "stated" | "figure_mismatch" | "not_found";
  /** passages that speak to the claim, best first (the one that states it, or the right figure) */
  matches: Hit[];
  /** the sentence of the best match that speaks to the claim */
  evidence?: { id: string; quote: string; start: number; end: number };
};

/** How much of a claim a sentence must carry to count as stating it (calibrated by `npm run eval`). */
export const CLAIM_THRESHOLD = { zh: 0.6, en: 0.45, withoutFigures: 0.75 };

const isYear = (f: Figure) =>
  !f.percent && Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2100;

type Candidate = { hit: Hit; sentence: Span; share: number; figuresOk: boolean; aligned: boolean };

/**
 * Does the report state this claim? A sentence must carry most of the claim's weighted
 * terms, every figure of the claim (in either notation), and each figure in the clause
 * that carries the claim's subject, so "技术合同成交额增长16%" is not supported by a
 * sentence where 16% belongs to R&D spending. Years must agree with the text or its section.
 */
export async function checkClaim(
  claim: string,
  search: Searcher,
  index: Pick<LoadedIndex, "tokenizer" | "bm25">,
): Promise<ClaimVerdict> {
  const { query, hits } = await search(claim, 8);
  const weighted = weighGroups(
    query.concepts.filter((g) => !isFigureGroup(g)),
    index.bm25,
  );
  const figures = query.figures.filter((f) => !isYear(f));
  const years = query.figures.filter(isYear);
  const terms = (text: string) => termSet(index.tokenizer, text);

  const candidates: Candidate[] = [];
  for (const hit of hits) {
    const sectionYears = findFigures(hit.passage.section.join(" "));
    for (const sentence of sentences(hit.passage.text)) {
      const share = coverage(weighted, terms(sentence.text)).share;
      const inText = findFigures(sentence.text);
      const figuresOk =
        figures.every((f) => inText.some((g) => sameFigure(f, g))) &&
        years.every((y) => [...inText, ...sectionYears].some((g) => sameFigure(y, g)));
      candidates.push({
        hit,
        sentence,
        share,
        figuresOk,
        aligned: figuresOk && aligned(sentence, figures, weighted, terms),
      });
    }
  }
  candidates.sort((a, b) => b.share - a.share || Number(b.aligned) - Number(a.aligned));
  const threshold =
    figures.length === 0 ? CLAIM_THRESHOLD.withoutFigures : CLAIM_THRESHOLD[query.language];
  const stated = candidates.find((c) => c.share >= threshold && c.aligned);
  const best = stated ?? candidates[0];
  const reason = stated
    ? "stated"
    : best && best.share >= threshold && figures.length
      ? "figure_mismatch"
      : "not_found";
  const order = best ? [best.hit, ...hits.filter((h) => h !== best.hit)] : hits;
  return {
    supported: Boolean(stated),
    reason,
    matches: reason === "not_found" ? hits : order,
    evidence: best && reason !== "not_found" ? quote(best) : undefined,
  };
}

/** Each figure sits in a clause that carries the claim about as well as the best clause does. */
function aligned(
  sentence: Span,
  figures: Figure[],
  weighted: WeightedGroup[],
  terms: (text: string) => Set<string>,
): boolean {
  if (figures.length === 0) return true;
  const parts = clauses(sentence).map((c) => ({
    c,
    share: coverage(weighted, terms(c.text)).share,
  }));
  const top = Math.max(...parts.map((p) => p.share));
  return figures.every((f) =>
    parts.some((p) => p.share >= top * 0.8 && findFigures(p.c.text).some((g) => sameFigure(f, g))),
  );
}

function quote(c: Candidate) {
  const start = c.hit.passage.start + c.sentence.start;
  return {
    id: c.hit.passage.id,
    quote: c.sentence.text,
    start,
    end: start + c.sentence.text.length,
  };
}
