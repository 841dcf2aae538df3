import type { Reading } from "../../question/types.js";
import { DOWN_ZH, directionOf, UP_ZH } from "../../text/direction.js";
import type { Figure } from "../../text/numbers.js";
import { type AnswerContext, citationOf, type Retrieved } from "../context.js";
import { glossFigures } from "../english-figures.js";
import { isGrounded } from "../grounding.js";
import { according, topicOf, when } from "../phrasing.js";
import { type Evidence, pickEvidence } from "../pick-evidence.js";
import type { Citation } from "../types.js";

/** How a question compares its own figure with the report's: at least, at most, or exactly. */
type Comparator = "atLeast" | "atMost" | "equal";

const AT_LEAST =
  /超过|超|突破|达到|达|过了|过|以上|不少于|不低于|至少|more than|over|exceed(?:ed|s)?|at least|above|reach(?:ed)?|top(?:ped)?|surpass(?:ed)?/i;
const AT_MOST =
  /低于|少于|不到|不足|以下|以内|不超过|less than|fewer than|below|under|at most|no more than/i;

function comparatorOf(question: string): Comparator {
  if (AT_MOST.test(question)) return "atMost";
  if (AT_LEAST.test(question)) return "atLeast";
  return "equal";
}

/** Does the report's figure bear out the one the question names? */
function agrees(report: Figure, asked: Figure, c: Comparator): boolean {
  if (report.percent !== asked.percent) return false;
  if (c === "atLeast") return report.value >= asked.value;
  if (c === "atMost") return report.value <= asked.value;
  return Math.abs(report.value - asked.value) <= 1e-9 * Math.max(1, asked.value);
}

/** A question about a place in a ranking: 第一, 前50, top 5, No. 1. */
const RANK_ASKED = /第\s*[\d一二三四五六七八九十]+|前\s*\d+|\btop\s*\d+|\bNo\.\s*\d+|\bnumber 1\b/i;

/**
 * How many clauses a verdict weighs: a question about a direction looks further down for a
 * clause that says which way its subject went (the report's clauses that only name the topic
 * tie with it: 耕地保护红线守牢守稳 beside 耕地面积连续3年净增加).
 */
export const VERDICT = { candidates: 5, directionCandidates: 15 };

export type Verdict = { yes: boolean; evidence: Evidence };

/**
 * A yes/no question's verdict from the evidence: a figure the question names is checked
 * against the report's figure for that subject ("超过一万家了吗" against 突破1.3万家); a
 * direction asked against the way the figure moved ("Did X increase?" against 下降); a
 * statement with no figure or direction is a yes when the report states it. Without
 * evidence there is no verdict: the report does not say.
 */
export function verdictOf(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): Verdict | undefined {
  const named = reading.figures;
  const asksRank = RANK_ASKED.test(reading.question);
  const needFigure = named.length > 0 || reading.asksNumber;
  const { result, stats } = retrieved;
  // the direction is what is asked, not a filter: a fall answers "did it grow?" with a no
  const candidates = pickEvidence(
    result.query,
    { figure: needFigure, rank: asksRank, unit: asksRank ? undefined : reading.unit },
    result.hits,
    { tokenizer: ctx.index.tokenizer, stats },
    reading.direction ? VERDICT.directionCandidates : VERDICT.candidates,
  );
  const grounded = candidates.filter((c) => c.answers && isGrounded(c, reading.language));
  // a question about a direction is answered by a clause that says which way it went
  const moved = (c: Evidence) =>
    c.figures.some((f) => f.direction) || directionOf(c.span.text, UP_ZH, DOWN_ZH) !== undefined;
  const e = (reading.direction && grounded.find(moved)) || grounded[0];
  if (!e) return undefined;
  const asked = named[0];
  if (asked && asksRank) {
    const rank = e.figures.find((f) => f.ordinal);
    if (!rank) return undefined;
    const c: Comparator = /前|top/i.test(reading.question)
      ? "atMost"
      : comparatorOf(reading.question);
    return { yes: agrees(rank, asked, c), evidence: e };
  }
  // the report's figure to weigh against the question's: its own subject's first (the
  // figures come best attached first), of the same kind, then the nearest in size
  const f = asked
    ? (e.figures.filter((g) => !g.ordinal && g.percent === asked.percent)[0] ?? e.figures[0])
    : e.figures[0];
  if (asked && f) return { yes: agrees(f, asked, comparatorOf(reading.question)), evidence: e };
  const dir = f?.direction ?? directionOf(e.span.text, UP_ZH, DOWN_ZH);
  if (reading.direction && dir) return { yes: dir === reading.direction, evidence: e };
  return { yes: true, evidence: e };
}

/** "是的。据…，… [1]。" / "No — according to …, the report gives … [1] (“…”)." */
export function verdictAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): { text: string; citations: Citation[] } | undefined {
  const v = verdictOf(reading, retrieved, ctx);
  if (!v) return undefined;
  const p = v.evidence.hit.passage;
  const doc = ctx.docs.get(p.doc);
  const quote = v.evidence.span.text;
  const citations = [citationOf(v.evidence.hit, 1, ctx)];
  if (reading.language === "zh") {
    const head = v.yes ? "是的，" : "不是，";
    const src = doc ? `${according(doc, "zh")}${when(doc, p.part, quote, "zh")}` : "";
    return { text: `${head}${src}${quote} [1]。`, citations };
  }
  const glosses = glossFigures(quote);
  const at = doc ? when(doc, p.part, quote, "en") : "";
  const src = doc
    ? according(doc, "en", ctx.places.ofDoc.get(p.doc)?.en[0]).replace(/, $/, "")
    : "The report";
  const says = glosses.length ? glosses.join("; ") : "this";
  const text = v.yes
    ? `Yes — ${src.charAt(0).toLowerCase()}${src.slice(1)}, ${topicOf(reading.subject.topic) ? `${topicOf(reading.subject.topic)} ` : ""}${at ? `${at}: ` : ""}${says} [1] (“${quote}”).`
    : `No — ${src.charAt(0).toLowerCase()}${src.slice(1)}, ${topicOf(reading.subject.topic) ? `${topicOf(reading.subject.topic)} ` : ""}${at ? `${at}: ` : ""}${says} [1] (“${quote}”).`;
  return { text, citations };
}
