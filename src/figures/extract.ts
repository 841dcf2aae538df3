import type { Doc, Passage } from "../ingest/types.js";
import { readGap } from "./gap.js";
import { type IndicatorVocabulary, indicatorForm } from "./indicators.js";
import { type Moved, measureOf, qualifierOf } from "./measure.js";
import { type Named, respectivelyFor } from "./respectively.js";
import { type ScannedFigure, scanFigures } from "./scan.js";
import { targetSpans } from "./targets-block.js";
import type { FigureRow } from "./types.js";
import { kindOf, yearOf, yearsSaid } from "./years.js";

/** Clause marks: a figure's own words never reach back past one. */
const CLAUSE = /[，,；;：:。！？!?]/;
/** What stands between two paragraphs of a document's normalized text. */
const PARAGRAPH_BREAK = "\n\n";

type Where = { doc: Doc; passages: Passage[] };
type Span = [number, number];
/** What the figure before in the same sentence left for a figure without words of its own. */
type Prior =
  | { indicator: string; span: Span; moved: Moved; verb: string; unit: string }
  | undefined;

/** The passage that holds an offset of the document (passages of one document, in order). */
function passageAt(passages: Passage[], at: number): Passage | undefined {
  let lo = 0;
  let hi = passages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = passages[mid] as Passage;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

export type ExtractOptions = {
  vocabulary: IndicatorVocabulary;
  /** is this a word of the corpus (存款, 进口): for contracted pairs in 分别 lists */
  isWord?: (w: string) => boolean;
};

/**
 * Every quantitative statement of one paragraph [at, at + text.length) of a document; the
 * main targets' rows are noted in `blocks` with the start of the span that holds them.
 */
function paragraphRows(
  w: Where,
  text: string,
  at: number,
  o: ExtractOptions,
  blocks: Map<FigureRow, number>,
): FigureRow[] {
  const figures = scanFigures(text);
  if (!figures.length) return [];
  const first = passageAt(w.passages, at + (figures[0] as ScannedFigure).start);
  const main = first?.part === "plan" ? targetSpans(text, figures) : [];
  const rows: FigureRow[] = [];
  const said = yearsSaid(text, w.doc.meta);
  const keep = (s: string) => {
    const t = s.replace(/\s+/g, "");
    return o.vocabulary.indicators.some((i) => i.zh.some((n) => t.endsWith(n)));
  };
  let prior: Prior;
  let named: Named[] = [];
  let sentenceEnd = -1;
  for (const [k, f] of figures.entries()) {
    const passage = passageAt(w.passages, at + f.start);
    if (!passage) continue;
    // the clause the figure is in, and where its own words start
    const prev = figures[k - 1];
    let clauseStart = f.start;
    while (clauseStart > 0 && !CLAUSE.test(text[clauseStart - 1] as string)) clauseStart--;
    if (clauseStart > sentenceEnd) {
      prior = undefined;
      named = [];
    }
    const from = prev && prev.boundEnd > clauseStart ? prev.boundEnd : clauseStart;
    const gap = readGap(text, from, f.start, keep);
    const clauseText = text.slice(clauseStart).split(CLAUSE)[0] ?? "";
    const respectively = text.slice(clauseStart, f.start).indexOf("分别");
    let indicator: string;
    let span: Span;
    let verb = gap.verb;
    const listed =
      respectively >= 0
        ? respectivelyFor(
            {
              text,
              figures,
              clause: [clauseStart, clauseStart + clauseText.length],
              at: clauseStart + respectively,
              before: named,
              keep,
              isWord: o.isWord ?? (() => false),
            },
            f,
          )
        : undefined;
    if (respectively >= 0) {
      if (!listed) continue;
      ({ indicator, span, verb } = listed);
    } else if (gap.indicator) {
      span = gap.indicator;
      indicator = text.slice(...span);
    } else if (prior) {
      span = prior.span;
      indicator = prior.indicator;
      if (!/[\u3400-\u9fff]/.test(verb)) verb = prior.verb;
    } else continue;
    let moved = measureOf(f, verb, indicator);
    // a second figure of the same subject and unit with no way of its own moves like the
    // first (增长7%以上、力争达到8%: both growth)
    if (!gap.indicator && prior && respectively < 0 && prior.unit === f.unit) {
      if (!/增|降|减|提高|提升|下调|扩大|缩小/.test(verb)) moved = prior.moved;
    }
    const fromFigure = /从(?:(?:19|20)\d{2}年|去年|上年)?(?:底|末|的)*$/.test(gap.verb);
    const toFigure =
      prior !== undefined && /(?:到|至)(?:(?:19|20)\d{2}年(?:底|末|的)*)?$/.test(gap.verb);
    const year = yearOf(w.doc.meta, passage.part, gap.verb, said(f.start), {
      from: fromFigure,
      to: toFigure || (/达到?$/.test(verb) && moved.measure !== "growth"),
    });
    const key = o.vocabulary.keyOf(indicator);
    const s = at + f.start;
    const block = main.find(([a, b]) => f.start >= a && f.start < b);
    const row: FigureRow = {
      id: `${w.doc.doc}@${s}`,
      doc: w.doc.doc,
      ...(w.doc.meta.place ? { place: w.doc.meta.place } : {}),
      year,
      kind: kindOf(passage.part, year, w.doc.meta),
      main: block !== undefined,
      indicator: indicator.replace(/\s+/g, ""),
      ...(key ? { key: key.key, en: key.en[0] } : {}),
      value: f.value,
      ...(f.high !== undefined ? { high: f.high } : {}),
      unit: f.unit,
      scaled: Number.parseFloat((f.value * f.scale).toPrecision(12)),
      measure: moved.measure,
      qualifier: qualifierOf(f, verb, gap.lead),
      direction: moved.direction,
      figure: text.slice(f.start, f.end),
      start: s,
      end: at + f.end,
      indicatorStart: at + span[0],
      indicatorEnd: at + span[1],
      qualifierEnd: at + f.boundEnd,
      passage: passage.id,
      section: passage.section,
      part: passage.part,
    };
    rows.push(row);
    if (block) blocks.set(row, at + block[0]);
    prior = { indicator, span, moved, verb, unit: f.unit };
    named.push({ indicator, span });
    const stop = text.slice(f.end).search(/[。！？!?]/);
    sentenceEnd = stop < 0 ? text.length : f.end + stop;
  }
  return bindLists(text, figures, rows, at);
}

/**
 * A bound written once at the end of a 分别 list holds for every figure of it
 * (分别增长5%、6.5%左右: both 左右; 分别控制在5%和3%以内: both 以内).
 */
function bindLists(text: string, figures: ScannedFigure[], rows: FigureRow[], at: number) {
  for (const r of rows) {
    if (r.qualifier && !/^(?:控制在|力争)$/.test(r.qualifier)) continue;
    const i = figures.findIndex((f) => at + f.start === r.start);
    const head = text.slice(0, i >= 0 ? (figures[i] as ScannedFigure).start : 0);
    if (!/分别[^，,；;。]*$/.test(head)) continue;
    // the list's figures: this one and those after it joined by 、 和 及
    let j = i;
    while (j + 1 < figures.length) {
      const a = figures[j] as ScannedFigure;
      const b = figures[j + 1] as ScannedFigure;
      if (!/^[、和及与]$/.test(text.slice(a.boundEnd, b.start))) break;
      j++;
    }
    const last = figures[j] as ScannedFigure;
    if (j > i && last.bound) r.qualifier = last.bound;
  }
  return rows;
}

/** Every quantitative statement of every document, as rows of the figure table. */
export function extractFigures(docs: Doc[], passages: Passage[], o: ExtractOptions): FigureRow[] {
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.doc) ?? [];
    list.push(p);
    byDoc.set(p.doc, list);
  }
  const rows: FigureRow[] = [];
  for (const doc of docs) {
    const own = (byDoc.get(doc.doc) ?? []).sort((a, b) => a.start - b.start);
    const blocks = new Map<FigureRow, number>();
    const docRows: FigureRow[] = [];
    let at = 0;
    for (const paragraph of doc.text.split(PARAGRAPH_BREAK)) {
      for (const r of paragraphRows({ doc, passages: own }, paragraph, at, o, blocks)) {
        docRows.push(r);
      }
      at += paragraph.length + PARAGRAPH_BREAK.length;
    }
    dropRepeats(docRows, blocks);
    for (const r of docRows) rows.push(r);
  }
  return rows;
}

/**
 * A target stated again beside the targets paragraph ("今年经济增长预期目标为8%左右" in the
 * section on growth, "城镇新增就业预期目标比去年多100万人") is a repeat, not a target of its
 * own. The span with the most figures is the targets paragraph; a row of another span
 * whose indicator a span with more figures stated is not a main target.
 */
function dropRepeats(rows: FigureRow[], blocks: Map<FigureRow, number>): void {
  const bySpan = new Map<number, FigureRow[]>();
  for (const r of rows) {
    const b = blocks.get(r);
    if (b !== undefined) bySpan.set(b, [...(bySpan.get(b) ?? []), r]);
  }
  const spans = [...bySpan.values()].sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  for (const span of spans) {
    const stated: string[] = [];
    for (const r of span) {
      const name = r.key ?? indicatorForm(r.indicator);
      if (seen.has(name)) r.main = false;
      else stated.push(name);
    }
    for (const k of stated) seen.add(k);
  }
}
