import type { Passage } from "../../ingest/types.js";
import type { Reading } from "../../question/types.js";
import { type AnswerContext, citationOf, type Retrieved } from "../context.js";
import { glossFigures } from "../english-figures.js";
import { coverage } from "../match-terms.js";
import { according, sentenceCase, topicOf } from "../phrasing.js";
import { weightedQuery } from "../pick-evidence.js";
import { partYears, yearsText } from "../report-name.js";
import { termSet } from "../term-set.js";
import type { Citation } from "../types.js";
import { bareHeading, sectionTopic } from "./section-topic.js";
import { type Mode, POINT_WEIGHTS, type Point, points, pool } from "./summary-points.js";

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

/** The words that frame a problems question ("哪些不足", "what problems"), not its topic. */
const PROBLEM_WORDS = /问题|不足|短板|困难|挑战|差距|弱项|薄弱|短处/;

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
