import { type ResolvedScope, resolveScope } from "../../question/resolve-scope.js";
import type { Reading } from "../../question/types.js";
import type { AnswerContext, Retrieved } from "../context.js";
import { citationOf } from "../context.js";
import { glossFigures } from "../english-figures.js";
import { placeEn, yearsText } from "../report-name.js";
import type { Citation, Table } from "../types.js";
import { englishRowFigure } from "./table-english.js";
import { figureLines, subjectIndicators } from "./table-figures.js";
import type { LineFigure, TableLine } from "./table-lines.js";
import { searchedLines } from "./table-search.js";
import { MET, verdictLine, YESNO_SHAPE } from "./table-verdict.js";

/** At most this many reports get a line: past it the answer says how many more there are. */
export const TABLE_MAX_ROWS = 40;

const AT_LEAST =
  /以上|不低于|不少于|超过|至少|或更高|及以上|or more|or above|or higher|and above|and higher|at least|more than|over|above|exceed/i;
const AT_MOST =
  /以下|以内|不超过|低于|或更低|or less|or below|or lower|at most|less than|under|below/i;

const TARGET = /目标|预期|计划|\btargets?\b|\bgoals?\b|\bplanned\b/i;

/**
 * The reports a table answer reads: the question's scope, but for a result against its
 * target ("2012年经济增长达到年初定的目标了吗", "Did China meet its 2017 growth target?") both
 * the plan of that year and the review of it, whatever part the word 目标 points to.
 */
function tableScope(r: Reading, x: Retrieved, ctx: AnswerContext): ResolvedScope {
  const q = r.question;
  const met = YESNO_SHAPE.test(q) && MET.test(q) && TARGET.test(q);
  if (!met || !r.scope.years.length || !r.scope.part) return x.scope;
  return resolveScope({ ...r.scope, part: undefined }, ctx.index.docs, ctx.places);
}

/** Several reports in scope and a question that asks the same of each of them. */
export function wantsTable(r: Reading, x: Retrieved, ctx: AnswerContext): boolean {
  const docs = tableScope(r, x, ctx).docs.length;
  if (docs < 2) return false;
  if (docs > x.scope.docs.length) return true;
  if (r.kind === "table") return true;
  const named = r.scope.places.length + (r.scope.level ? 1 : 0);
  if ((r.kind === "compare" || r.kind === "yesno") && named >= 2) return true;
  // years named, as years or as the reports of those years ("2013年和2018年的政府工作报告")
  const years = r.scope.years.length + (r.scope.reportYears?.length ?? 0);
  if (r.kind === "yesno" && years > 0 && docs === 2) return true;
  // "2015年经济增长目标完成了吗": the year's plan against the reviews that cover the year
  if (r.kind === "yesno" && r.scope.years.length === 1 && MET.test(r.question)) return true;
  // "北京、上海、广东2024年城镇新增就业各多少", "What CPI targets did the national reports of
  // 2013 to 2018 set?": a figure of several places or years
  const several = named >= 2 || r.scope.level !== undefined || years >= 2;
  const figures = r.kind === "figure" || r.asksNumber || subjectIndicators(r, ctx).keys.size > 0;
  return several && figures && r.kind !== "about" && r.kind !== "problems";
}

/** The condition a question puts on the figures ("5%以上", "6% or higher"), if it puts one. */
function condition(reading: Reading): ((f: LineFigure) => boolean) | undefined {
  const q = reading.figures[0];
  if (!q) return undefined;
  const text = reading.question;
  if (AT_LEAST.test(text)) return (f) => f.percent === q.percent && f.value >= q.value;
  if (AT_MOST.test(text)) return (f) => f.percent === q.percent && (f.high ?? f.value) <= q.value;
  return undefined;
}

/** Words that ask for targets, or for a result set against its target. */
const ASKS_TARGET = /目标|预期|计划|打算|力争|target|goal|plan|aim/i;

/**
 * When one place's year has both a target (in that year's plan) and a result (in the next
 * report's review) and the question asks for neither targets nor a result against its
 * target ("哪一年城镇新增就业最多"), the result stands for the year: what happened, not what
 * was planned. Lines are kept in their order.
 */
function resultsOverTargets(reading: Reading, lines: TableLine[]): TableLine[] {
  if (ASKS_TARGET.test(reading.question) || MET.test(reading.question)) return lines;
  const key = (l: TableLine) => `${l.row?.place ?? ""}|${l.years.join(",")}`;
  const resulted = new Set(lines.filter((l) => l.row?.kind === "result").map(key));
  return lines.filter((l) => l.row?.kind !== "target" || !resulted.has(key(l)));
}

/**
 * A question over several reports ("各省2025年GDP增长目标", "Which provinces target 5% or
 * more?", "Compare Beijing's and Shanghai's unemployment targets"): one line per report,
 * each from that report's own words and cited to it; from the figure table when the
 * question's subject names its indicators, else from each report's best figure clause;
 * filtered by a condition the question sets; with a verdict when it asks which is highest,
 * or whether a result met a target.
 */
export async function tableAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): Promise<{ text: string; citations: Citation[]; table: Table } | undefined> {
  const x = { ...retrieved, scope: tableScope(reading, retrieved, ctx) };
  const lines =
    figureLines(reading, x, ctx, TABLE_MAX_ROWS) ??
    (await searchedLines(reading, x, ctx, TABLE_MAX_ROWS));
  if (!lines.some((l) => l.passage)) return undefined;
  const answering = resultsOverTargets(reading, lines);
  const keep = condition(reading);
  // a verdict rests on the lines with figures; a condition keeps the lines that meet it
  const yesno = YESNO_SHAPE.test(reading.question) || reading.kind === "yesno";
  const shown =
    keep || yesno ? answering.filter((l) => l.figure && (!keep || keep(l.figure))) : answering;
  const zh = reading.language === "zh";
  const citations: Citation[] = [];
  const table: Table = {
    columns: zh
      ? ["报告", "指标", "数字", "原文"]
      : ["Report", "Indicator", "Figure", "Report's words"],
    rows: [],
  };
  const text = shown.map((l) => {
    const label = labelOf(l, reading, ctx);
    if (!l.passage) {
      const none = zh ? "报告中没有这项数字" : "the report gives no such figure";
      const title = ctx.docs.get(l.doc)?.title ?? l.doc;
      table.rows.push({ doc: l.doc, title, cells: [label, "", "—", none], n: 0 });
      return zh ? `${label}：${none}。` : `${label}: ${none}.`;
    }
    const n = citations.length + 1;
    citations.push(
      citationOf({ passage: l.passage, score: l.score, lexical: 0, dense: 0 }, n, ctx),
    );
    const r = l.row;
    const figure = zh
      ? (l.figure?.raw ?? "")
      : r
        ? englishRowFigure(r)
        : glossFigures(l.quote).join("; ");
    const indicator = r ? (zh ? r.indicator : (r.en ?? r.indicator)) : "";
    table.rows.push({
      doc: l.doc,
      title: ctx.docs.get(l.doc)?.title ?? l.doc,
      cells: [label, indicator, figure, l.quote],
      n,
    });
    if (zh) return `${label}：${l.quote} [${n}]`;
    const said = r ? `${indicator}${r.measure === "growth" ? " " : ": "}${figure}` : figure;
    return `${label}: ${said ? `${said} ` : ""}[${n}] (“${l.quote}”)`;
  });
  if (!citations.length) {
    const none = zh ? "没有报告符合这个条件。" : "No report meets that condition.";
    return { text: none, citations: [], table };
  }
  const verdict = verdictLine(reading, shown, (l) => labelOf(l, reading, ctx));
  const head = zh
    ? keep
      ? "符合条件的报告："
      : "各报告的情况："
    : keep
      ? "Reports that meet the condition:"
      : "By report:";
  return { text: `${verdict}${head}\n${text.join("\n")}`, citations, table };
}

/** 北京市（2025年）/ Beijing (2025): the report's place and the years its line speaks of. */
function labelOf(l: TableLine, reading: Reading, ctx: AnswerContext): string {
  const doc = ctx.docs.get(l.doc);
  const zh = reading.language === "zh";
  const en = ctx.places.ofDoc.get(l.doc)?.en[0];
  const name = doc ? (zh ? (doc.meta.place ?? doc.title) : placeEn(doc.meta, en)) : l.doc;
  const years = yearsText(l.years, reading.language);
  return years ? (zh ? `${name}（${years}）` : `${name} (${years})`) : name;
}
