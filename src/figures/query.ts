import { IndicatorVocabulary, indicatorForm } from "./indicators.js";
import type { FigureRow } from "./types.js";

/**
 * Words of a Chinese question about a figure that name no indicator: asking, framing,
 * the measure asked for (增长目标, 增速, 是多少).
 */
const ZH_FRAMING =
  /[\s?？。，,、]|是多少|多少|分别|各是|各|主要|预期|增长目标|目标|计划|实际|增速|增幅|增长|下降|情况|数据|指标|的/g;

/** The shortest core matched inside indicators' words: one character would match most rows. */
const MIN_CORE_CHARS = 2;

/** A matcher for rows whose indicator a text names, in Chinese or English. */
export type IndicatorMatch = {
  /** the common indicators the text names (may be empty) */
  keys: Set<string>;
  /** what is left of a Chinese text once its framing is gone ("" for English) */
  core: string;
  test: (r: FigureRow) => boolean;
};

/**
 * Which rows a text names: those of the common indicators it names (地区生产总值, GDP,
 * unemployment), and rows of no common indicator whose words hold what the text asks for
 * (新能源汽车). A row of another common indicator never matches, though its words may hold
 * the text's (单位地区生产总值能耗 is not 地区生产总值).
 */
export function indicatorMatch(text: string, vocab: IndicatorVocabulary): IndicatorMatch {
  const chinese = /[\u3400-\u9fff]/.test(text);
  if (!chinese) {
    const keys = new Set(vocab.keysInEnglish(text).map((i) => i.key));
    return { keys, core: "", test: (r) => r.key !== undefined && keys.has(r.key) };
  }
  const folded = indicatorForm(text.normalize("NFKC"));
  const keys = new Set(vocab.keysIn(folded).map((i) => i.key));
  const core = folded.replace(ZH_FRAMING, "");
  const test = (r: FigureRow) => {
    if (r.key !== undefined && keys.has(r.key)) return true;
    if (r.key !== undefined && keys.size) return false;
    return core.length >= MIN_CORE_CHARS && indicatorForm(r.indicator).includes(core);
  };
  return { keys, core, test };
}

/** What GET /api/figures filters by. */
export type FigureFilter = {
  /** the indicator, in either language */
  q?: string;
  doc?: string;
  /** documents of a place (resolved by the caller), or the place's name as a report writes it */
  docs?: ReadonlySet<string>;
  place?: string;
  year?: number;
  kind?: FigureRow["kind"];
  measure?: FigureRow["measure"];
  /** only the main targets (true) or only the other rows (false) */
  main?: boolean;
  /**
   * Chinese words an English `q` of no common indicator translates to, a group per word of
   * it: a row's indicator must hold one word of every group (new energy vehicles -> 新能源, 汽车)
   */
  terms?: string[][];
};

/** Does an indicator hold a word of every group? */
const holdsAll = (indicator: string, groups: string[][]) =>
  groups.every((alts) => alts.some((t) => indicator.includes(t)));

/** The whole table of one index: rows in document order, by document, and the vocabulary. */
export class FigureTable {
  readonly vocabulary: IndicatorVocabulary;
  private readonly byDoc = new Map<string, FigureRow[]>();

  constructor(
    readonly rows: FigureRow[],
    vocabulary: IndicatorVocabulary | IndicatorVocabulary["indicators"],
  ) {
    this.vocabulary =
      vocabulary instanceof IndicatorVocabulary ? vocabulary : new IndicatorVocabulary(vocabulary);
    for (const r of rows) {
      const list = this.byDoc.get(r.doc);
      if (list) list.push(r);
      else this.byDoc.set(r.doc, [r]);
    }
  }

  ofDoc(doc: string): readonly FigureRow[] {
    return this.byDoc.get(doc) ?? [];
  }

  /** The rows that pass every filter given, in document order. */
  query(f: FigureFilter): FigureRow[] {
    let rows: readonly FigureRow[] = this.rows;
    if (f.doc !== undefined) rows = this.ofDoc(f.doc);
    else if (f.docs) rows = [...f.docs].flatMap((d) => this.ofDoc(d));
    const named = f.q ? indicatorMatch(f.q, this.vocabulary) : undefined;
    const terms = f.terms?.filter((g) => g.length);
    const match =
      named && !named.keys.size && !named.core && terms?.length
        ? (r: FigureRow) => holdsAll(r.indicator, terms)
        : named?.test;
    const place = f.place && !f.docs ? f.place : undefined;
    return rows.filter(
      (r) =>
        (f.year === undefined || r.year === f.year) &&
        (f.kind === undefined || r.kind === f.kind) &&
        (f.measure === undefined || r.measure === f.measure) &&
        (f.main === undefined || r.main === f.main) &&
        (place === undefined || (r.place ?? "").includes(place)) &&
        (!match || match(r)),
    );
  }
}
