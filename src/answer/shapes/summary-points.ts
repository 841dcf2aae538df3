import type { Range } from "../../index/bm25.js";
import type { Passage } from "../../ingest/types.js";
import type { Hit } from "../../retrieve/hybrid-search.js";
import { findFigures } from "../../text/numbers.js";
import { bare, clauses, type Span, sentences } from "../clauses.js";
import type { AnswerContext } from "../context.js";
import { coverage, type WeightedGroup } from "../match-terms.js";
import { termSet } from "../term-set.js";
import { type SectionNode, sectionPassages } from "./section-topic.js";

/**
 * The points of a summary: which clauses of which passages carry the facts asked for.
 * A named thing: a quoted name, a title, a project, an event, a place of work.
 */
const NAMED =
  /“[^”]{2,20}”|《[^》]{2,20}》|[\u4e00-\u9fff]{2,12}(?:大会|博览会|论坛|峰会|赛事|运动会|大运会|项目|工程|基地|平台|园区|中心|公园|铁路|机场|线|枢纽|计划|行动|示范区|试验区|改革|基金|政策)/;

/**
 * How a point scores, by the kind of question: an open question wants the section's facts
 * (figures, named things, its first clauses), from the passages retrieval ranked high for
 * the question (`passage`, times the passage's score over the best one's: a section holds
 * several topics, and the asked one's passages rank first); a list question the clauses
 * that name the things asked for, wherever the top passages have them; a problems question
 * the shortcomings themselves, in order. A point below minScore is left out once minPoints are in.
 * sameSentence is taken off per point already chosen from the same sentence: little for an
 * open question (a report's sentence often lists a topic's facts one clause each: 新建高标准
 * 农田33万亩，…，产量231.9万吨，生猪出栏435.2万头), more for a list question.
 */
export const POINT_WEIGHTS = {
  open: {
    subject: 0.8,
    figure: 1,
    named: 0.5,
    early: 0.3,
    passage: 1.2,
    sameSentence: 0.1,
    minScore: 0.5,
  },
  list: {
    subject: 2,
    figure: 0.3,
    named: 0.8,
    early: 0,
    passage: 0,
    sameSentence: 0.35,
    minScore: 1,
  },
  problems: {
    subject: 1,
    figure: 0,
    named: 0,
    early: 0.2,
    passage: 0,
    sameSentence: 0.35,
    minScore: 0,
  },
};
export type Mode = keyof typeof POINT_WEIGHTS;

export type Point = {
  passage: Passage;
  span: Span;
  score: number;
  order: number;
  sentence: number;
};

/** A figure that counts: not a year, not inside a quoted name ("1+1+6"政策体系). */
const hasOwnFigure = (t: string) =>
  findFigures(t.replace(/“[^”]*”|《[^》]*》/g, " ")).some(
    (f) =>
      !(f.value >= 1900 && f.value <= 2100 && !f.percent) &&
      !f.raw.match(/^[一二三四五六七八九十]+$/),
  );

/** The clauses of a section that carry its facts, best first. */
export function points(
  passages: Passage[],
  weighted: WeightedGroup[],
  ctx: AnswerContext,
  heading: string,
  mode: Mode,
  /** each retrieved passage's score over the best one's (0 for a passage not retrieved) */
  relevance: ReadonlyMap<string, number>,
): Point[] {
  const W = POINT_WEIGHTS[mode];
  const out: Point[] = [];
  let order = 0;
  let sentenceNo = 0;
  let last = "";
  for (const p of passages) {
    const topic = p.section[p.section.length - 1] ?? "";
    if (topic !== last) sentenceNo = 0;
    last = topic;
    for (const sentence of sentences(p.text)) {
      const text = sentence.text.trim();
      sentenceNo++;
      // a lead sentence that only names the topic, or a heading, is not a point
      if (bare(text) === heading || text.length <= heading.length + 2) continue;
      // a shortcoming is a whole item of the list (between semicolons), after its lead-in
      const units =
        mode === "problems"
          ? [itemOf(sentence)].filter((u): u is Span => u !== undefined)
          : clauses(sentence);
      let clauseNo = 0;
      for (const clause of units) {
        const t = bare(clause.text);
        if (t.length < 4 || t === heading || t === bare(topic)) continue;
        clauseNo++;
        const share = coverage(weighted, termSet(ctx.index.tokenizer, t)).share;
        const early = sentenceNo <= 2 && clauseNo <= 3 ? W.early : 0;
        const score =
          W.subject * share +
          (hasOwnFigure(t) ? W.figure : 0) +
          (NAMED.test(t) ? W.named : 0) +
          W.passage * (relevance.get(p.id) ?? 0) +
          early;
        const start = clause.start + clause.text.indexOf(t);
        out.push({
          passage: p,
          span: { text: t, start, end: start + t.length },
          score,
          order: order++,
          sentence: order - clauseNo,
        });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * Where the points come from: an open question's section; a list question's top passages
 * (the things asked for may sit in several sections); a problems question's shortcomings
 * paragraph (the scope holds only that part) of the best-matching report.
 */
export function pool(
  mode: Mode,
  node: SectionNode | undefined,
  hits: Hit[],
  ranges: readonly Range[],
  ctx: AnswerContext,
): Passage[] {
  if (mode === "open" && node) return sectionPassages(ctx.index.passages, ranges, node);
  if (mode === "problems") {
    const doc = hits[0]?.passage.doc;
    return sectionPassages(ctx.index.passages, ranges, { doc: doc ?? "", path: [] });
  }
  const top = hits.slice(0, mode === "list" ? 6 : 2).map((h) => h.passage);
  const at = (p: Passage) => ctx.index.byId.get(p.id) ?? 0;
  return top.sort((a, b) => at(a) - at(b));
}

/** An item of a list of shortcomings: the sentence after its lead-in ("…还面临一些问题短板："), if any is left. */
function itemOf(sentence: Span): Span | undefined {
  const colon = Math.max(sentence.text.lastIndexOf("："), sentence.text.lastIndexOf(":"));
  const from = colon >= 0 ? colon + 1 : 0;
  const text = sentence.text.slice(from).replace(/，?等等[。；;]?$/, "");
  if (bare(text).length < 4) return undefined;
  return { text, start: sentence.start + from, end: sentence.start + from + text.length };
}
