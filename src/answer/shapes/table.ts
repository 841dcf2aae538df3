import type { DocScope } from "../../question/resolve-scope.js";
import type { Reading } from "../../question/types.js";
import { englishFigure, type Figure } from "../../text/numbers.js";
import { type AnswerContext, citationOf, type Retrieved, retrieveFor } from "../context.js";
import { glossFigures } from "../english-figures.js";
import type { Evidence } from "../pick-evidence.js";
import { partYears, placeEn, yearsText } from "../report-name.js";
import type { Citation, Table } from "../types.js";
import { figureEvidence } from "./figure.js";

/** At most this many reports get a line: past it the answer says how many more there are. */
export const TABLE_MAX_ROWS = 40;

const AT_LEAST =
  /以上|不低于|不少于|超过|至少|or more|or above|at least|more than|over|above|exceed/i;
const AT_MOST = /以下|以内|不超过|低于|or less|or below|at most|less than|under|below/i;
const HIGHEST = /最高|最多|最大|最快|highest|largest|biggest|fastest|most/i;
const LOWEST = /最低|最少|最小|最慢|lowest|smallest|slowest|least/i;

type Row = { scope: DocScope; evidence: Evidence; figure?: Figure };

/** The condition a question puts on the figures ("5%以上", "5% or more"), if it puts one. */
function condition(reading: Reading): ((f: Figure) => boolean) | undefined {
  const q = reading.figures[0];
  if (!q) return undefined;
  const text = reading.question;
  if (AT_LEAST.test(text)) return (f) => f.percent === q.percent && f.value >= q.value;
  if (AT_MOST.test(text)) return (f) => f.percent === q.percent && f.value <= q.value;
  return undefined;
}

/**
 * A question over several reports ("各省2025年GDP增长目标", "Which provinces target 5% or
 * more?", "Compare Beijing's and Shanghai's unemployment targets"): one line per report,
 * each from that report's own evidence and cited to it; filtered by a condition the question
 * sets; with a verdict when it asks which is highest, or whether a result met a target.
 */
export async function tableAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): Promise<{ text: string; citations: Citation[]; table: Table } | undefined> {
  const rows: Row[] = [];
  for (const scope of retrieved.scope.docs.slice(0, TABLE_MAX_ROWS)) {
    const one = await retrieveFor(reading, ctx, 5, {
      scope: { ...retrieved.scope, docs: [scope] },
    });
    const e = figureEvidence(reading, one, ctx, {
      figure: true,
      rank: false,
      unit: reading.unit,
      direction: reading.direction,
    });
    if (e) rows.push({ scope, evidence: e, figure: e.figures[0] });
  }
  if (rows.length === 0) return undefined;
  const keep = condition(reading);
  const shown = keep ? rows.filter((r) => r.figure && keep(r.figure)) : rows;
  const zh = reading.language === "zh";
  const citations: Citation[] = [];
  const table: Table = {
    columns: zh ? ["报告", "原文"] : ["Report", "Figure", "Report's words"],
    rows: [],
  };
  const lines = shown.map((r) => {
    const n = citations.length + 1;
    citations.push(citationOf(r.evidence.hit, n, ctx));
    const doc = ctx.docs.get(r.scope.doc);
    const en = ctx.places.ofDoc.get(r.scope.doc)?.en[0];
    const name = doc ? (zh ? (doc.meta.place ?? doc.title) : placeEn(doc.meta, en)) : r.scope.doc;
    const years = doc
      ? yearsText(partYears(doc.meta, r.evidence.hit.passage.part), reading.language)
      : "";
    const quote = r.evidence.span.text;
    const label = years ? (zh ? `${name}（${years}）` : `${name} (${years})`) : name;
    const gloss = glossFigures(quote).join("; ");
    table.rows.push({
      doc: r.scope.doc,
      title: doc?.title ?? r.scope.doc,
      cells: zh ? [label, quote] : [label, gloss, quote],
      n,
    });
    return zh
      ? `${label}：${quote} [${n}]`
      : `${label}: ${gloss ? `${gloss} ` : ""}[${n}] (“${quote}”)`;
  });
  if (!lines.length) {
    const none = zh ? "没有报告符合这个条件。" : "No report meets that condition.";
    return { text: none, citations: [], table };
  }
  const verdict = verdictLine(reading, shown, zh);
  const head = zh
    ? keep
      ? "符合条件的报告："
      : "各报告的情况："
    : keep
      ? "Reports that meet the condition:"
      : "By report:";
  return { text: `${verdict}${head}\n${lines.join("\n")}`, citations, table };
}

/** "最高的是…" / "Yes: …" when the question asks for a verdict over the lines. */
function verdictLine(reading: Reading, rows: Row[], zh: boolean): string {
  const withFigures = rows.filter((r) => r.figure);
  if (reading.kind === "yesno" && withFigures.length === 2) {
    const plan = withFigures.find((r) => r.evidence.hit.passage.part === "plan");
    const result = withFigures.find((r) => r.evidence.hit.passage.part !== "plan");
    if (plan?.figure && result?.figure && plan.figure.percent === result.figure.percent) {
      const met = result.figure.value >= plan.figure.value;
      if (zh)
        return `${met ? "是的，完成了" : "没有完成"}：实际为${result.figure.raw}，目标为${plan.figure.raw}。\n`;
      return `${met ? "Yes, it met the target" : "No, it fell short"}: ${englishFigure(result.figure)} against a target of ${englishFigure(plan.figure)}.\n`;
    }
  }
  const high =
    HIGHEST.test(reading.question) ||
    (reading.kind === "compare" && !LOWEST.test(reading.question));
  const low = LOWEST.test(reading.question);
  if ((high || low) && withFigures.length >= 2) {
    const sorted = [...withFigures].sort((a, b) => (b.figure?.value ?? 0) - (a.figure?.value ?? 0));
    const top = low ? sorted[sorted.length - 1] : sorted[0];
    const tied = sorted.filter((r) => r.figure?.value === top?.figure?.value);
    if (!top?.figure) return "";
    const names = tied.map((r) => r.scope.doc);
    if (zh)
      return `${tied.length > 1 ? "并列" : ""}${low ? "最低" : "最高"}：${names.join("、")}（${top.figure.raw}）。\n`;
    return `${low ? "Lowest" : "Highest"}: ${names.join(", ")} (${englishFigure(top.figure)}).\n`;
  }
  return "";
}
