import type { Reading } from "../../question/types.js";
import { type AnswerContext, citationOf, type Retrieved } from "../context.js";
import { glossFigures } from "../english-figures.js";
import { isGrounded } from "../grounding.js";
import { according, sentenceCase, topicOf, when } from "../phrasing.js";
import { type Evidence, type EvidenceNeed, pickEvidence } from "../pick-evidence.js";
import type { Citation } from "../types.js";

/** What a figure question needs of a clause: a figure of its own subject, in the unit asked. */
export const figureNeed = (r: Reading): EvidenceNeed => ({
  figure: true,
  rank: r.kind === "rank",
  unit: r.kind === "rank" ? undefined : r.unit,
  direction: r.direction,
  total: r.total,
});

/** The clause that answers a figure question, if the passages hold one well enough. */
export function figureEvidence(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
  need: EvidenceNeed = figureNeed(reading),
): Evidence | undefined {
  const { result, stats } = retrieved;
  const candidates = pickEvidence(
    result.query,
    need,
    result.hits,
    { tokenizer: ctx.index.tokenizer, stats },
    5,
  );
  const best = candidates.find((e) => e.answers);
  return isGrounded(best, reading.language) ? best : undefined;
}

/**
 * One figure, in the asker's language, from the report's own words:
 * zh "据《成都市2024年政府工作报告》，2023年，全社会研发经费投入增长16% [1]。"
 * en "According to Chengdu's 2024 government work report, R&D spending in 2023: an
 *     increase of 16% [1] (“全社会研发经费投入增长16%”)."
 */
export function figureSentence(
  e: Evidence,
  reading: Reading,
  ctx: AnswerContext,
  n: number,
): string {
  const p = e.hit.passage;
  const doc = ctx.docs.get(p.doc);
  const quote = e.span.text;
  if (!doc) return reading.language === "zh" ? `${quote} [${n}]。` : `“${quote}” [${n}].`;
  if (reading.language === "zh")
    return `${according(doc, "zh")}${when(doc, p.part, quote, "zh")}${quote} [${n}]。`;
  const glosses = glossFigures(quote);
  const topic = topicOf(reading.subject.topic);
  const at = when(doc, p.part, quote, "en");
  const lead = [topic, at].filter(Boolean).join(" ");
  const says = glosses.length ? glosses.join("; ") : "the report says";
  const en = ctx.places.ofDoc.get(p.doc)?.en[0];
  return sentenceCase(
    `${according(doc, "en", en)}${lead ? `${lead}: ` : ""}${says} [${n}] (“${quote}”).`,
  );
}

/** A figure or rank answer: the best clause, cited; undefined when the report has none. */
export function figureAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): { text: string; citations: Citation[] } | undefined {
  const e = figureEvidence(reading, retrieved, ctx);
  if (!e) return undefined;
  return { text: figureSentence(e, reading, ctx, 1), citations: [citationOf(e.hit, 1, ctx)] };
}
