import type { Bm25, QueryGroup } from "../index/bm25.js";
import type { Hit } from "../retrieve/hybrid-search.js";
import { findFigures } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { bare, clauses, type Span, sentences } from "./clauses.js";
import { coverage, isFigureGroup, weighGroups } from "./match-terms.js";
import { type QuestionKind, sectionYear } from "./question-kind.js";
import { termSet } from "./term-set.js";
import { unitAfter, unitFits } from "./units.js";

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
  /** carries what was asked for: a figure for a figure question, in the unit asked */
  answers: boolean;
  score: number;
};

const RANK_WORDS = /第\s*\d+\s*[位名]|首位|第一|前列|榜首|\d+强/;

/** "2023年" is a date, not a figure; "5年" is a figure. */
const isYear = (f: { value: number; raw: string; index: number }, text: string) =>
  f.value >= 1900 && f.value <= 2100 && text[f.index + f.raw.length] === "年";

type Context = { tokenizer: Tokenizer; bm25: Bm25 };

/**
 * Score every clause of the top passages against the question and return the best ones.
 * A clause scores by the question terms it holds (its sentence's terms count half), by
 * carrying a figure or a rank when the question asks for one, by the year of its
 * section agreeing with the question's, and a little by the passage's retrieval rank.
 */
export function pickEvidence(
  groups: QueryGroup[],
  kind: QuestionKind,
  hits: Hit[],
  ctx: Context,
  limit = 3,
): Evidence[] {
  const weighted = weighGroups(
    groups.filter((g) => !isFigureGroup(g)),
    ctx.bm25,
  );
  const total = weighted.reduce((s, g) => s + g.idf, 0) || 1;
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    const year = sectionYear(hit.passage.section);
    const sectionTerms = termSet(ctx.tokenizer, hit.passage.section.slice(1).join(" "));
    for (const sentence of sentences(hit.passage.text)) {
      const sentenceTerms = new Set([...termSet(ctx.tokenizer, sentence.text), ...sectionTerms]);
      const inSentence = coverage(weighted, sentenceTerms);
      const parts = clauses(sentence);
      parts.forEach((clause, i) => {
        const own = coverage(weighted, termSet(ctx.tokenizer, clause.text));
        // dates are not figures; ordinals (第十七届) answer only a question about a rank
        const figures = findFigures(clause.text).filter(
          (f) => !isYear(f, clause.text) && (kind.rank || clause.text[f.index - 1] !== "第"),
        );
        let score = (own.matched + 0.5 * (inSentence.matched - own.matched)) / total;
        if (kind.figure) score += figures.length > 0 ? 0.35 : -0.35;
        const asked = kind.unit;
        const unitOk = !asked || figures.some((f) => unitFits(asked, unitAfter(clause.text, f)));
        if (asked && figures.length > 0) score += unitOk ? 0.1 : -0.5;
        if (kind.rank) score += RANK_WORDS.test(clause.text) ? 0.35 : -0.1;
        if (kind.year && year) score += kind.year === year ? 0.15 : -0.3;
        score -= rank * 0.02;
        const span = widen(
          parts,
          i,
          own.hits.length > 0 ? own.hits : inSentence.hits,
          ctx.tokenizer,
        );
        const spanShare = coverage(weighted, termSet(ctx.tokenizer, span.text)).share;
        const answers = (!kind.figure || figures.length > 0) && unitOk;
        out.push({ hit, rank, span, share: inSentence.share, spanShare, score, answers });
      });
    }
  });
  out.sort((a, b) => b.score - a.score);
  // one span per sentence region: drop later picks that overlap an earlier one
  const picked: Evidence[] = [];
  for (const e of out) {
    const overlaps = picked.some(
      (p) =>
        p.hit.passage.id === e.hit.passage.id &&
        p.span.start < e.span.end &&
        e.span.start < p.span.end,
    );
    if (!overlaps) picked.push(e);
    if (picked.length >= limit) break;
  }
  return picked;
}

/**
 * Grow a clause leftwards within its sentence while the previous clause holds question
 * terms the clause lacks (the subject often sits a clause earlier), up to ~90 characters.
 */
function widen(
  parts: Span[],
  i: number,
  wanted: { terms: Set<string> }[],
  tokenizer: Tokenizer,
): Span {
  const first = parts[i] as Span;
  let start = i;
  const has = (s: Span) => termSet(tokenizer, s.text);
  const covered = new Set(has(first)); // a copy: it grows, the cached set must not
  const missing = () => wanted.filter((g) => ![...g.terms].some((t) => covered.has(t)));
  while (start > 0 && missing().length > 0) {
    const prev = parts[start - 1] as Span;
    const terms = has(prev);
    if (!missing().some((g) => [...g.terms].some((t) => terms.has(t)))) break;
    // a clause with a figure of its own is a statement of its own, not this one's subject
    if (findFigures(prev.text).length > 0) break;
    if (first.end - prev.start > 90) break;
    for (const t of terms) covered.add(t);
    start -= 1;
  }
  const from = parts[start] as Span;
  const text = bare(from.text.length && start < i ? joinText(parts, start, i) : first.text);
  const offset =
    (start < i ? from.start : first.start) +
    leadingTrim(start < i ? joinText(parts, start, i) : first.text);
  return { text, start: offset, end: offset + text.length };
}

function joinText(parts: Span[], from: number, to: number): string {
  return parts
    .slice(from, to + 1)
    .map((p) => p.text)
    .join("");
}

function leadingTrim(s: string): number {
  return s.length - s.replace(/^[，,、：:\s]+/, "").length;
}
