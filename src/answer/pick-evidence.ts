import type { Bm25Stats } from "../index/bm25.js";
import type { AnalyzedQuery } from "../retrieve/analyze-query.js";
import type { Hit } from "../retrieve/hybrid-search.js";
import type { Direction } from "../text/direction.js";
import type { Figure } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { type Unit, unitAfter, unitFits } from "../text/units.js";
import { bare, type Span } from "./clauses.js";
import { coverage, isFigureGroup, type WeightedGroup, weighGroups } from "./match-terms.js";
import { type ClauseFacts, type ClauseFigure, passageFacts } from "./passage-clauses.js";
import { termSet } from "./term-set.js";

/** What the answer needs from a clause: a figure (in a unit, moving a way), a rank. */
export type EvidenceNeed = {
  figure: boolean;
  rank: boolean;
  unit?: Unit;
  /** a total is asked: a count of things added does not answer */
  total?: boolean;
  direction?: Direction;
};

/** The clause (or run of clauses) of a retrieved passage that answers a question. */
export type Evidence = {
  hit: Hit;
  /** rank of the hit in the retrieval results */
  rank: number;
  /** the answering span, offsets relative to the passage text */
  span: Span;
  /** share of the question's weighted terms found in the span's sentence */
  share: number;
  /** share found in the span itself */
  spanShare: number;
  /** carries what was asked for: a figure for a figure question, in the unit asked, its own */
  answers: boolean;
  /** the figures of the span that answer (figure questions), best first */
  figures: ClauseFigure[];
  score: number;
};

/**
 * How clauses are scored (chosen on the eval set's tuning part; see `npm run eval`).
 * A clause scores by the share of the question's weight it holds (its sentence's terms count
 * `sentenceShare` as much), then these adjustments.
 */
export const EVIDENCE_WEIGHTS = {
  /** how much the rest of the sentence counts beside the clause itself (0–1) */
  sentenceShare: 0.5,
  /** a figure question: a clause with an admissible figure, or without one */
  figure: 0.35,
  noFigure: -0.35,
  /** the unit asked is (or is not) the unit of a figure there */
  unitFits: 0.1,
  unitMisfit: -0.5,
  /** a figure near one the question names ("over 200 million" and 2.8亿) */
  namedFigure: 0.15,
  /** a rank question: a clause that names a rank, or does not */
  ranked: 0.35,
  unranked: -0.1,
  /**
   * the share of the question's content words (present in the scope, generic words aside)
   * that a figure's own subject must hold: "GDP" is not answered by 单位地区生产总值能耗
   * (whose figure belongs to 能耗), nor "旅游收入" by 休闲农业…营业收入
   */
  attachMin: 0.35,
  /** and the share of the clause's own match that must sit in the figure's subject */
  attachOwn: 0.5,
  /** per place down the retrieval ranking */
  rankDecay: 0.02,
};

type Context = { tokenizer: Tokenizer; stats: Bm25Stats };

/** A scored clause whose span is not worked out yet: only the best few need one. */
type Candidate = Omit<Evidence, "span" | "spanShare"> & {
  parts: ClauseFacts[];
  i: number;
  wanted: WeightedGroup[];
};

/** The question's weighted word groups (figures aside), by the statistics of the scope searched. */
export function weightedQuery(query: Pick<AnalyzedQuery, "concepts">, stats: Bm25Stats) {
  return weighGroups(
    query.concepts.filter((g) => !isFigureGroup(g)),
    stats,
  );
}

/**
 * Score every clause of the top passages against the question and return the best ones.
 * A clause scores by the question terms it holds (its sentence's terms count half), by
 * carrying a figure or a rank when the question asks for one — a figure whose own subject
 * holds the question's words, not a neighbour's — and a little by the passage's rank.
 */
export function pickEvidence(
  query: Pick<AnalyzedQuery, "concepts" | "figures">,
  need: EvidenceNeed,
  hits: Hit[],
  ctx: Context,
  limit = 3,
): Evidence[] {
  const W = EVIDENCE_WEIGHTS;
  const weighted = weightedQuery(query, ctx.stats);
  const total = weighted.reduce((s, g) => s + g.idf, 0) || 1;
  const content = weighted.filter((g) => g.present && !g.generic);
  // figures the question names ("over 200 million", "16%"), years aside
  const named = query.figures.filter((f) => f.value > 0 && (f.percent || !isYearLike(f)));
  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const { sentences } = passageFacts(ctx.tokenizer, hit.passage);
    for (const sentence of sentences) {
      const inSentence = coverage(weighted, sentence.terms);
      sentence.clauses.forEach((clause, i) => {
        const own = coverage(weighted, clause.terms);
        // ordinals (第十七届) answer only a question about a rank, a figure that moved the
        // other way does not answer "how much did it grow", nor one in another unit, nor a
        // count of things added a question about how many there are in all
        const asked = need.unit;
        const admissible = clause.figures.filter(
          (f) =>
            (need.rank || !f.ordinal) &&
            !(need.total && f.added) &&
            !(need.direction && f.direction && f.direction !== need.direction) &&
            (!asked || unitFits(asked, unitAfter(clause.span.text, f))),
        );
        // a figure belongs to the question when its own subject holds the question's content
        // (the scope's words, and words the scope lacks but this clause has: 存款 in 存贷款)
        const here = [...content, ...own.hits.filter((g) => !g.present && !g.generic)];
        const attached = admissible
          .map((f) => ({
            f,
            share: here.length ? coverage(here, f.subject).share : 0,
            own: coverage(weighted, f.subject).matched,
          }))
          .filter(
            (a) =>
              a.share >= W.attachMin && (own.matched === 0 || a.own >= W.attachOwn * own.matched),
          )
          .sort((a, b) => b.share - a.share)
          .map((a) => a.f);
        const figures = need.figure ? attached : admissible;
        let score = (own.matched + W.sentenceShare * (inSentence.matched - own.matched)) / total;
        if (need.figure) score += figures.length > 0 ? W.figure : W.noFigure;
        if (asked && clause.figures.length > 0)
          score += admissible.length > 0 ? W.unitFits : W.unitMisfit;
        if (named.length && figures.some((f) => named.some((q) => near(f, q))))
          score += W.namedFigure;
        if (need.rank) score += clause.ranked ? W.ranked : W.unranked;
        score -= rank * W.rankDecay;
        const answers = !need.figure || figures.length > 0;
        const wanted = own.hits.length > 0 ? own.hits : inSentence.hits;
        candidates.push({
          hit,
          rank,
          share: inSentence.share,
          score,
          answers,
          figures,
          parts: sentence.clauses,
          i,
          wanted,
        });
      });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  // one span per sentence region: drop later picks that overlap an earlier one
  const picked: Evidence[] = [];
  for (const { parts, i, wanted, ...c } of candidates) {
    const span = widen(parts, i, wanted);
    const overlaps = picked.some(
      (p) =>
        p.hit.passage.id === c.hit.passage.id && p.span.start < span.end && span.start < p.span.end,
    );
    if (overlaps) continue;
    const spanShare = coverage(weighted, termSet(ctx.tokenizer, span.text)).share;
    picked.push({ ...c, span, spanShare });
    if (picked.length >= limit) break;
  }
  return picked;
}

type Magnitude = Pick<Figure, "value" | "percent">;

const isYearLike = (f: Magnitude) =>
  Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2100;

/**
 * Same kind and within a factor of ten: "over 200 million visits" is checked against 2.8亿,
 * not 1.79万. A question naming a figure is usually asking whether the report agrees.
 */
const near = (f: Magnitude, q: Magnitude) =>
  f.percent === q.percent &&
  f.value > 0 &&
  Math.max(f.value, q.value) / Math.min(f.value, q.value) <= 10;

/**
 * Grow a clause leftwards within its sentence while the previous clause holds question
 * terms the clause lacks (the subject often sits a clause earlier), up to ~90 characters.
 */
function widen(parts: ClauseFacts[], i: number, wanted: { terms: Set<string> }[]): Span {
  const first = parts[i] as ClauseFacts;
  let start = i;
  const covered = new Set(first.terms); // a copy: it grows, the cached set must not
  const missing = () => wanted.filter((g) => ![...g.terms].some((t) => covered.has(t)));
  while (start > 0 && missing().length > 0) {
    const prev = parts[start - 1] as ClauseFacts;
    if (!missing().some((g) => [...g.terms].some((t) => prev.terms.has(t)))) break;
    // a clause with a figure of its own is a statement of its own, not this one's subject
    if (prev.anyFigure) break;
    if (first.span.end - prev.span.start > 90) break;
    for (const t of prev.terms) covered.add(t);
    start -= 1;
  }
  const from = (parts[start] as ClauseFacts).span;
  const joined = start < i ? joinText(parts, start, i) : first.span.text;
  const text = bare(from.text.length && start < i ? joined : first.span.text);
  const offset = (start < i ? from.start : first.span.start) + leadingTrim(joined);
  return { text, start: offset, end: offset + text.length };
}

function joinText(parts: ClauseFacts[], from: number, to: number): string {
  return parts
    .slice(from, to + 1)
    .map((p) => p.span.text)
    .join("");
}

function leadingTrim(s: string): number {
  return s.length - s.replace(/^[，,、：:\s]+/, "").length;
}
