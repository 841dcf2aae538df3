import { type IndicatorMatch, indicatorMatch } from "../../figures/query.js";
import type { FigureRow, Measure } from "../../figures/types.js";
import type { DocScope } from "../../question/resolve-scope.js";
import type { Reading } from "../../question/types.js";
import type { AnswerContext, Retrieved } from "../context.js";
import { partYears, reviewYearsOf } from "../report-name.js";
import type { TableLine } from "./table-lines.js";
import { YESNO_SHAPE } from "./table-verdict.js";

/**
 * How a row is chosen for a report, each a bonus (or, negative, a cost) added to its score:
 * the main targets first when targets are asked for, the kind (target or result) and the
 * measure (growth, level) the question asks for, its years, the end of a review's span.
 */
export const ROW_CHOICE = {
  /** a main target (主要预期目标), unless results are asked for */
  main: 8,
  /** the kind the question asks for (目标 / target -> target; 实际, grew -> result) */
  kind: 4,
  /** another kind than asked: a target does not answer "how fast did it grow" */
  otherKind: -8,
  /** the measure the question asks for (增长, growth -> growth; 多大, how big -> level) */
  measure: 4,
  /** a year the question names */
  year: 2,
  /** in a review of several years, its last year: the end of the span */
  lastYear: 1,
  /** "力争8%" beside "7%以上": the bound first, the aspiration after */
  strive: -1,
  /** a bare number, without a unit */
  bare: -1,
} as const;

const TARGET_WORDS =
  /目标|预期|计划|指标|\btargets?\b|\btargeted\b|\bgoals?\b|\baims?\b|\bplan(?:s|ned)?\b|\bset\b|\bexpects?\b/i;
const RESULT_WORDS =
  /实际|完成了|实现了|达到了|增长了|\bactual(?:ly)?\b|\bgrew\b|\bachieved\b|\bcreated\b|\bproduced\b|\bharvested\b|\bhow (?:fast|big|much|many)\b[^?]*\b(?:did|was|were)\b/i;
const GROWTH_WORDS = /增长|增速|增幅|涨幅|\bgrowth\b|\bgr[eo]w\b|\bgrowing\b|\bfast(?:er)?\b/i;
const LEVEL_WORDS = /多大|规模|总量|总额|\bhow (?:big|large)\b|\bsize\b|\btotal\b/i;
/** A place's growth, with no indicator named, is its economy's: GDP. */
const ECONOMY_GROWS =
  /经济增长|增长多少|增速|\bgr[eo]w(?:th)?\b|\bhow fast\b|\beconomy\b|\beconomic growth\b/i;

/** What a question wants of a row: a kind, a measure. */
type Want = { kind?: FigureRow["kind"]; measure?: Measure };

function wantOf(reading: Reading): Want {
  const q = reading.question;
  const kind = TARGET_WORDS.test(q)
    ? "target"
    : RESULT_WORDS.test(q) || reading.scope.part === "review"
      ? "result"
      : undefined;
  const measure = LEVEL_WORDS.test(q) ? "level" : GROWTH_WORDS.test(q) ? "growth" : undefined;
  return { ...(kind ? { kind } : {}), ...(measure ? { measure } : {}) };
}

/** The indicators a question is about, from its subject; GDP for a place's growth. */
export function subjectIndicators(reading: Reading, ctx: AnswerContext): IndicatorMatch {
  const vocab = ctx.index.figures.vocabulary;
  const text = reading.language === "zh" ? reading.subject.searchText : reading.question;
  const match = indicatorMatch(text, vocab);
  if (match.keys.size || !ECONOMY_GROWS.test(reading.question)) return match;
  return indicatorMatch(reading.language === "zh" ? "地区生产总值" : "GDP", vocab);
}

/** In the parts and years asked about: a figure of no known year is of none of them. */
const inScope = (r: FigureRow, s: DocScope) =>
  (!s.parts || s.parts.includes(r.part)) &&
  (!s.years.length || (r.year !== null && s.years.includes(r.year)));

function score(r: FigureRow, want: Want, s: DocScope, last: number | undefined): number {
  const C = ROW_CHOICE;
  let n = 0;
  if (r.main && want.kind !== "result") n += C.main;
  if (want.kind) n += r.kind === want.kind ? C.kind : C.otherKind;
  if (want.measure && r.measure === want.measure) n += C.measure;
  if (r.year !== null && s.years.includes(r.year)) n += C.year;
  if (r.kind === "result" && r.year !== null && r.year === last) n += C.lastYear;
  if (r.qualifier === "力争") n += C.strive;
  if (!r.unit) n += C.bare;
  return n;
}

/**
 * One line per report in scope from the figure table, when the question's subject names
 * indicators of it: each report's best row (see ROW_CHOICE), cited to its passage; a
 * report with no such row gets a line that says so. Undefined when no report in scope has
 * a row of the subject's indicators: the question is not about the table's figures.
 */
export function figureLines(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
  max: number,
): TableLine[] | undefined {
  const match = subjectIndicators(reading, ctx);
  if (!match.keys.size && match.core.length < 2) return undefined;
  const want = wantOf(reading);
  const lines: TableLine[] = [];
  let found = 0;
  for (const s of retrieved.scope.docs.slice(0, max)) {
    const doc = ctx.docs.get(s.doc);
    const last = doc ? reviewYearsOf(doc.meta).at(-1) : undefined;
    const rows = ctx.index.figures.ofDoc(s.doc).filter((r) => match.test(r) && inScope(r, s));
    // asked neither for targets nor for results: what happened, when the report says
    const here: Want =
      want.kind || !rows.some((r) => r.kind === "result") ? want : { ...want, kind: "result" };
    let best: FigureRow | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      const n = score(r, here, s, last);
      if (n > bestScore) [best, bestScore] = [r, n];
    }
    const passage = best ? ctx.index.passages[ctx.index.byId.get(best.passage) ?? -1] : undefined;
    // asked for targets (or results), a report with only the other kind has no line
    const strict = reading.kind !== "yesno" && !YESNO_SHAPE.test(reading.question);
    if (best && strict && want.kind && best.kind !== want.kind) continue;
    if (!best || !passage || !doc) {
      lines.push({ doc: s.doc, score: 0, quote: "", years: s.years });
      continue;
    }
    found++;
    const from = Math.max(best.indicatorStart, best.start - 60, passage.start);
    lines.push({
      doc: s.doc,
      passage,
      score: 1,
      quote: doc.text.slice(from, best.qualifierEnd).replace(/^[，,、；;：:\s]+/, ""),
      figure: {
        value: best.unit === "%" ? best.value : best.scaled,
        ...(best.high !== undefined ? { high: best.high } : {}),
        percent: best.unit === "%",
        raw: `${best.figure}${best.qualifierEnd > best.end ? doc.text.slice(best.end, best.qualifierEnd) : ""}`,
      },
      years: best.year !== null ? [best.year] : partYears(doc.meta, best.part),
      row: best,
    });
  }
  return found ? lines : undefined;
}
