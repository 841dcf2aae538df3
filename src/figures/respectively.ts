import { figureSubjects } from "../text/figure-subject.js";
import { readGap } from "./gap.js";
import type { ScannedFigure } from "./scan.js";

type Span = [number, number];
/** An indicator a figure of the sentence was given before, and where its words are. */
export type Named = { indicator: string; span: Span };

/** 城乡 in a list of two stands for 城镇 and 农村, in that order (城乡居民人均可支配收入分别增长5%和7%). */
const URBAN_RURAL = /^城乡/;

export type ListContext = {
  text: string;
  figures: ScannedFigure[];
  /** the clause with 分别 in it: [start, end), and where 分别 is */
  clause: Span;
  at: number;
  /** the indicators the figures before it in the sentence were given, in order */
  before: Named[];
  keep: (s: string) => boolean;
  isWord: (w: string) => boolean;
};

/** The names figure-subject hands out over `source`, figures shifted by `shift`. */
function namesOver(source: string, figures: ScannedFigure[], shift: number, c: ListContext) {
  const local = figures.map((g) => ({
    index: g.start - shift,
    raw: c.text.slice(g.start, g.boundEnd),
  }));
  return figureSubjects(source, local, c.isWord);
}

function named(c: ListContext, span: Span, name: string | undefined, k: number, n: number) {
  const listed = c.text.slice(...span);
  if (URBAN_RURAL.test(listed) && n === 2)
    return listed.replace(URBAN_RURAL, k === 0 ? "城镇" : "农村");
  const clean = (name ?? listed).replace(/^[，,、\s]+/, "");
  const head = readGap(clean, 0, clean.length, c.keep);
  return head.indicator ? clean.slice(...head.indicator) : clean;
}

/**
 * 分别 hands the items listed before it to the figures after it, in order: from its own
 * clause ("第一、第二、第三产业增加值分别增长2%、5.5%和6.5%"), from the clause before when its
 * own names nothing ("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%"),
 * or from the figures before it in the sentence ("城镇居民…9422元，农村居民…2936元，扣除价格
 * 因素，分别实际增长7.7%和6.8%").
 */
export function respectivelyFor(
  c: ListContext,
  f: ScannedFigure,
): { indicator: string; span: Span; verb: string } | undefined {
  const [start, end] = c.clause;
  const inClause = c.figures.filter((g) => g.start >= start && g.start < end);
  const after = inClause.filter((g) => g.start > c.at);
  const k = after.indexOf(f);
  if (k < 0) return undefined;
  const verb = c.text.slice(c.at, (after[0] as ScannedFigure).start);
  const own = readGap(c.text, start, c.at, c.keep);
  if (own.indicator) {
    const names = namesOver(c.text.slice(start, end), inClause, start, c);
    const span = own.indicator;
    return { indicator: named(c, span, names[inClause.indexOf(f)], k, after.length), span, verb };
  }
  // the clause before, when it lists things and states no figure
  let prevStart = start - 1;
  while (prevStart > 0 && !/[，,；;：:。！？!?]/.test(c.text[prevStart - 1] as string)) prevStart--;
  const prev = readGap(c.text, prevStart, start - 1, c.keep);
  const figureBefore = c.figures.some((g) => g.start >= prevStart && g.start < start);
  const items = c.text.slice(prevStart, start - 1).split(/[、和及与]/).length;
  if (prev.indicator && !figureBefore && items >= 2) {
    const source = `${c.text.slice(prevStart, start - 1)}${c.text.slice(c.at, end)}`;
    const shift = c.at - (start - 1 - prevStart);
    const names = namesOver(source, after, shift, c);
    const span = prev.indicator;
    return { indicator: named(c, span, names[k], k, after.length), span, verb };
  }
  // the figures before it in the sentence, the last as many as there are after it
  const distinct = c.before.filter(
    (b, i) => c.before.findIndex((x) => x.indicator === b.indicator) === i,
  );
  const from = distinct.slice(-after.length);
  const one = from.length === after.length ? from[k] : undefined;
  return one ? { ...one, verb } : undefined;
}
