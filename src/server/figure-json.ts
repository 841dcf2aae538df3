import type { FigureRow } from "../figures/types.js";

/** A row of the figure table as the API shows it: its fields and a link to its passage. */
export function figureRowJson(r: FigureRow) {
  return {
    id: r.id,
    doc: r.doc,
    place: r.place ?? null,
    year: r.year,
    kind: r.kind,
    main: r.main,
    indicator: r.indicator,
    key: r.key ?? null,
    en: r.en ?? null,
    value: r.value,
    high: r.high ?? null,
    unit: r.unit,
    scaled: r.scaled,
    measure: r.measure,
    qualifier: r.qualifier,
    direction: r.direction,
    figure: r.figure,
    start: r.start,
    end: r.end,
    indicatorStart: r.indicatorStart,
    indicatorEnd: r.indicatorEnd,
    passage: r.passage,
    link: `/api/passages/${encodeURIComponent(r.passage)}`,
    section: r.section,
    part: r.part,
  };
}
export type FigureRowJson = ReturnType<typeof figureRowJson>;

/** Each row's JSON, made once per row object: a page of rows is then a join, not a stringify. */
const serialized = new WeakMap<FigureRow, string>();

export function figureRowText(r: FigureRow): string {
  let s = serialized.get(r);
  if (s === undefined) {
    s = JSON.stringify(figureRowJson(r));
    serialized.set(r, s);
  }
  return s;
}
