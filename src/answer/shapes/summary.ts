import type { Passage } from "../../ingest/types.js";
import type { Reading } from "../../question/types.js";
import { findFigures } from "../../text/numbers.js";
import { bare, clauses, type Span, sentences } from "../clauses.js";
import { type AnswerContext, citationOf, type Retrieved } from "../context.js";
import { glossFigures } from "../english-figures.js";
import { coverage, type WeightedGroup } from "../match-terms.js";
import { according, sentenceCase, topicOf } from "../phrasing.js";
import { weightedQuery } from "../pick-evidence.js";
import { partYears, yearsText } from "../report-name.js";
import { termSet } from "../term-set.js";
import type { Citation } from "../types.js";
import { sectionPassages, sectionTopic } from "./section-topic.js";

/**
 * How an open answer picks its points (tuning part of the eval set): clauses of the
 * section score by the question's words they hold, by carrying a figure or a named thing
 * (a quoted name, a project, an event), and lose for being a heading or a bare slogan.
 */
export const SUMMARY_WEIGHTS = {
  /** the share of the question's weight a clause holds, times this */
  subject: 2,
  figure: 1,
  named: 0.6,
  /** points given at most and at least */
  maxPoints: 6,
  minPoints: 2,
  /** a point below this score is left out once minPoints are in */
  minScore: 0.5,
  /** the longest point, in characters; longer clauses are cut at a comma */
  maxChars: 70,
  /** the least share of the question's weight the chosen section must hold overall */
  minShare: { zh: 0.34, en: 0.4 },
};

const NAMED =
  /“[^”]{2,20}”|《[^》]{2,20}》|[\u4e00-\u9fff]{2,12}(?:大会|博览会|论坛|峰会|赛事|运动会|大运会|项目|工程|基地|平台|园区|中心|公园|铁路|机场|线|枢纽|计划|行动|示范区|试验区|改革|基金|政策)/;

type Point = { passage: Passage; span: Span; score: number; order: number };

/** The clauses of a section that carry its facts, best first. */
function points(
  passages: Passage[],
  weighted: WeightedGroup[],
  ctx: AnswerContext,
  heading: string,
): Point[] {
  const W = SUMMARY_WEIGHTS;
  const out: Point[] = [];
  let order = 0;
  for (const p of passages) {
    for (const sentence of sentences(p.text)) {
      const text = sentence.text.trim();
      // a lead sentence that only names the topic, or a heading, is not a point
      if (bare(text) === heading || text.length <= heading.length + 2) continue;
      for (const clause of clauses(sentence)) {
        const t = bare(clause.text);
        if (t.length < 4) continue;
        if (bare(t) === heading) continue;
        const share = coverage(weighted, termSet(ctx.index.tokenizer, t)).share;
        const hasFigure = findFigures(t).some(
          (f) => !(f.value >= 1900 && f.value <= 2100 && !f.percent),
        );
        const score =
          W.subject * share + (hasFigure ? W.figure : 0) + (NAMED.test(t) ? W.named : 0);
        const start = clause.start + clause.text.indexOf(t);
        out.push({
          passage: p,
          span: { text: t, start, end: start + t.length },
          score,
          order: order++,
        });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score || a.order - b.order);
}

/** Cut a long clause at a comma or 、 within the limit. */
const shorten = (t: string, max: number) => {
  if (t.length <= max) return t;
  const cut = Math.max(t.lastIndexOf("，", max), t.lastIndexOf("、", max));
  return cut > 10 ? t.slice(0, cut) : t;
};

/**
 * An open or list question: the section it is about, found in the section tree, answered
 * with the 2–6 clauses that carry that section's facts, in the report's order, each cited,
 * saying which section they come from.
 */
export function summaryAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): { text: string; citations: Citation[] } | undefined {
  const W = SUMMARY_WEIGHTS;
  const { result, ranges, stats } = retrieved;
  const hits = result.hits;
  if (!hits.length) return undefined;
  const weighted = weightedQuery(result.query, stats);
  const node = sectionTopic(hits, weighted, ctx.index.tokenizer);
  const passages = node
    ? sectionPassages(ctx.index.passages, ranges, node)
    : hits.slice(0, 2).map((h) => h.passage);
  const heading = node?.path[node.path.length - 1] ?? "";
  const all = points(passages, weighted, ctx, heading);
  // the section must hold the question's words, across its heading and chosen points
  const chosen: Point[] = [];
  for (const p of all) {
    if (chosen.length >= W.maxPoints) break;
    if (chosen.length >= W.minPoints && p.score < W.minScore) break;
    chosen.push(p);
  }
  if (!chosen.length) return undefined;
  const covered = new Set<string>([
    ...termSet(ctx.index.tokenizer, node?.path.slice(1).join(" ") ?? ""),
    ...chosen.flatMap((p) => [...termSet(ctx.index.tokenizer, p.span.text)]),
  ]);
  if (coverage(weighted, covered).share < W.minShare[reading.language]) return undefined;
  chosen.sort((a, b) => a.order - b.order);

  const citations: Citation[] = [];
  const numberOf = (p: Passage) => {
    let c = citations.find((x) => x.id === p.id);
    if (!c) {
      const hit = hits.find((h) => h.passage.id === p.id) ?? {
        passage: p,
        score: 0,
        lexical: 0,
        dense: 0,
      };
      c = citationOf(hit, citations.length + 1, ctx);
      citations.push(c);
    }
    return c.n;
  };
  const first = chosen[0]?.passage as Passage;
  const doc = ctx.docs.get(first.doc);
  const years = doc ? yearsText(partYears(doc.meta, first.part), reading.language) : "";
  if (reading.language === "zh") {
    const where = heading ? `“${heading}”方面` : "";
    const lead = `${doc ? according(doc, "zh") : ""}${years}${first.part === "plan" ? "计划" : ""}${where}${where || years ? "：" : ""}`;
    const body = chosen
      .map((p) => `${shorten(p.span.text, W.maxChars)} [${numberOf(p.passage)}]`)
      .join("；");
    return { text: `${lead}${body}。`, citations };
  }
  const en = ctx.places.ofDoc.get(first.doc)?.en[0];
  const topic = topicOf(reading.subject.topic);
  const when = years ? (first.part === "plan" ? ` in its plan for ${years}` : ` for ${years}`) : "";
  const items = chosen.map((p) => {
    const glosses = glossFigures(p.span.text);
    const gloss = glosses.length ? `${glosses.join("; ")}: ` : "";
    return `${gloss}“${shorten(p.span.text, W.maxChars)}” [${numberOf(p.passage)}]`;
  });
  const lead = `${doc ? according(doc, "en", en) : ""}${topic ? `on ${topic}` : "the report"}${when}${heading ? ` (section “${heading}”)` : ""}: `;
  return { text: `${sentenceCase(lead)}${items.join("; ")}.`, citations };
}
