import type { Range } from "../../index/bm25.js";
import type { Passage } from "../../ingest/types.js";
import type { Reading } from "../../question/types.js";
import type { Hit } from "../../retrieve/hybrid-search.js";
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
import { bareHeading, type SectionNode, sectionPassages, sectionTopic } from "./section-topic.js";

/**
 * How an open answer picks its points (tuning part of the eval set): clauses of the
 * section score by the question's words they hold, by carrying a figure or a named thing
 * (a quoted name, a project, an event), and lose for being a heading or a bare slogan.
 */
export const SUMMARY_WEIGHTS = {
  /** points given at most and at least */
  maxPoints: 8,
  minPoints: 2,

  /** the longest point, in characters; longer clauses are cut at a comma (a shortcoming: 90) */
  maxChars: 70,
  maxProblemChars: 90,
  /** the least share of the question's weight (its topic's words, generic ones aside) the
   * chosen section and points must hold */
  minShare: { zh: 0.34, en: 0.4 },
};

const NAMED =
  /“[^”]{2,20}”|《[^》]{2,20}》|[\u4e00-\u9fff]{2,12}(?:大会|博览会|论坛|峰会|赛事|运动会|大运会|项目|工程|基地|平台|园区|中心|公园|铁路|机场|线|枢纽|计划|行动|示范区|试验区|改革|基金|政策)/;

/**
 * How a point scores, by the kind of question: an open question wants the section's facts
 * (figures, named things, its first clauses), from the passages retrieval ranked high for
 * the question (`passage`, times the passage's score over the best one's: a section holds
 * several topics, and the asked one's passages rank first); a list question the clauses that name the
 * things asked for, wherever the top passages have them; a problems question the
 * shortcomings themselves, in order. A point below minScore is left out once minPoints are in.
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
type Mode = keyof typeof POINT_WEIGHTS;

/** The words that frame a problems question ("哪些不足", "what problems"), not its topic. */
const PROBLEM_WORDS = /问题|不足|短板|困难|挑战|差距|弱项|薄弱|短处/;

type Point = { passage: Passage; span: Span; score: number; order: number; sentence: number };

/** A figure that counts: not a year, not inside a quoted name ("1+1+6"政策体系). */
const hasOwnFigure = (t: string) =>
  findFigures(t.replace(/“[^”]*”|《[^》]*》/g, " ")).some(
    (f) =>
      !(f.value >= 1900 && f.value <= 2100 && !f.percent) &&
      !f.raw.match(/^[一二三四五六七八九十]+$/),
  );

/** The clauses of a section that carry its facts, best first. */
function points(
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
function pool(
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
  const mode: Mode =
    reading.kind === "list" ? "list" : reading.kind === "problems" ? "problems" : "open";
  const weighted = weightedQuery(result.query, stats).filter(
    (g) => mode !== "problems" || ![...g.terms].some((t) => PROBLEM_WORDS.test(t)),
  );
  const node =
    mode === "open"
      ? sectionTopic(hits, weighted, ctx.index.tokenizer, ctx.index.passages, ranges)
      : undefined;
  const passages = pool(mode, node, hits, ranges, ctx);
  const last = node?.path[node.path.length - 1] ?? "";
  const heading = bareHeading(last) ? "" : last;
  const top = hits[0]?.score || 1;
  const relevance = new Map(hits.map((h) => [h.passage.id, h.score / top]));
  const all = points(passages, weighted, ctx, heading, mode, relevance);
  const minScore = POINT_WEIGHTS[mode].minScore;
  // greedily the best point, each later one from the same sentence counting a little less
  const chosen: Point[] = [];
  const left = [...all];
  while (left.length && chosen.length < W.maxPoints) {
    let bestAt = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    left.forEach((p, i) => {
      const same = chosen.filter((c) => c.sentence === p.sentence).length;
      const s = p.score - POINT_WEIGHTS[mode].sameSentence * same;
      if (s > bestScore) {
        bestScore = s;
        bestAt = i;
      }
    });
    if (chosen.length >= W.minPoints && bestScore < minScore) break;
    chosen.push(...left.splice(bestAt, 1));
  }
  if (!chosen.length) return undefined;
  const covered = new Set<string>([
    ...termSet(ctx.index.tokenizer, node?.path.slice(1).join(" ") ?? ""),
    ...chosen.flatMap((p) => [...termSet(ctx.index.tokenizer, p.span.text)]),
  ]);
  // a problems question that names no topic the report has is about the shortcomings at large
  const topical = mode === "problems" ? weighted.filter((g) => g.present) : weighted;
  // the topic's own words judge it: generic ones (提高, 建设, improve) say how, not what
  const content = topical.filter((g) => !g.generic);
  const judged = content.length ? content : topical;
  if (judged.length && coverage(judged, covered).share < W.minShare[reading.language])
    return undefined;
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
  const max = mode === "problems" ? W.maxProblemChars : W.maxChars;
  const first = chosen[0]?.passage as Passage;
  const doc = ctx.docs.get(first.doc);
  const years = doc ? yearsText(partYears(doc.meta, first.part), reading.language) : "";
  if (reading.language === "zh") {
    const where = heading ? `“${heading}”方面` : "";
    const lead =
      mode === "problems"
        ? `${doc ? according(doc, "zh") : ""}${years}工作中存在的问题和不足：`
        : `${doc ? according(doc, "zh") : ""}${years}${first.part === "plan" ? "计划" : ""}${where}${where || years ? "：" : ""}`;
    const body = chosen
      .map((p) => `${shorten(p.span.text, max)} [${numberOf(p.passage)}]`)
      .join("；");
    return { text: `${lead}${body}。`, citations };
  }
  const en = ctx.places.ofDoc.get(first.doc)?.en[0];
  const topic = topicOf(
    mode === "problems"
      ? reading.subject.topic
          .replace(
            /\b(?:problems?|shortcomings?|weakness(?:es)?|challenges?|difficult(?:y|ies)|gaps?)\b/gi,
            " ",
          )
          .replace(/\s+/g, " ")
          .trim()
      : reading.subject.topic,
  );
  const when = years ? (first.part === "plan" ? ` in its plan for ${years}` : ` for ${years}`) : "";
  const items = chosen.map((p) => {
    const glosses = glossFigures(p.span.text);
    const gloss = glosses.length ? `${glosses.join("; ")}: ` : "";
    return `${gloss}“${shorten(p.span.text, max)}” [${numberOf(p.passage)}]`;
  });
  const lead =
    mode === "problems"
      ? `${doc ? according(doc, "en", en) : ""}the shortcomings it admits${when}${topic ? ` (on ${topic})` : ""}: `
      : `${doc ? according(doc, "en", en) : ""}${topic ? `on ${topic}` : "the report"}${when}${heading ? ` (section “${heading}”)` : ""}: `;
  return { text: `${sentenceCase(lead)}${items.join("; ")}.`, citations };
}
