/**
 * Figures in both notations. Chinese magnitudes (万, 亿) and English ones (thousand,
 * million, billion) are reduced to one canonical value so that "1.3万" and "13,000" match.
 */

const ZH_MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const EN_MAGNITUDE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  bn: 1e9,
};

/** A figure in text: digits with an optional magnitude and percent sign. */
export const FIGURE =
  /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(万亿|万|亿)|\s+(thousand|million|billion|trillion)\b|(k|m|bn)\b)?\s*(%|％|percent\b|per cent\b)?/gi;

export type Figure = { raw: string; value: number; percent: boolean; index: number };

/** Round away floating-point noise: 1.3 * 1e4 = 13000.000000000002. */
function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

const ZH_DIGIT: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Digits that read as a year (1900–2099): "2024" in 2024年, never a count. */
export const isYearDigits = (digits: string): boolean => /^(?:19|20)\d\d$/.test(digits);

/** 一..九十九 -> 1..99 ("十二" = 12, "二十" = 20, "十" = 10). */
export function zhNumber(s: string): number | undefined {
  if (!/^[一二两三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const [a, b] = s.split("十");
  if (b === undefined) return s.length === 1 ? ZH_DIGIT[s] : undefined;
  const tens = a ? ZH_DIGIT[a] : 1;
  const ones = b ? ZH_DIGIT[b] : 0;
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

/**
 * Chinese numerals where they are figures: after 第 ("第一名", "第十七届"), and counts of
 * years or of the items of a plan ("连续三年", "九个方面"); not 一 alone before a counting
 * word, which is mostly "a" ("一家亲", "一个中心"), nor inside words such as 一般.
 */
const ZH_FIGURE =
  /(?<=第)[一二两三四五六七八九十]{1,3}|(?<![一二两三四五六七八九十第])(?:[二两三四五六七八九十]|[一二两三四五六七八九]?十[一二三四五六七八九]?)(?=年|个方面|大|项|倍|届|批)/g;

/** Full-width digits, point and percent as ASCII, one for one (indexes stay valid). */
const foldDigits = (text: string) =>
  text.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function findFigures(original: string): Figure[] {
  const text = foldDigits(original);
  const out: Figure[] = [];
  for (const m of text.matchAll(ZH_FIGURE)) {
    const value = zhNumber(m[0]);
    if (value !== undefined) out.push({ raw: m[0], value, percent: false, index: m.index ?? 0 });
  }
  for (const m of text.matchAll(FIGURE)) {
    const digits = (m[1] as string).replace(/,/g, "");
    const mag = m[2] ?? m[3] ?? m[4];
    const scale = mag ? (ZH_MAGNITUDE[mag] ?? EN_MAGNITUDE[mag.toLowerCase()] ?? 1) : 1;
    out.push({
      raw: original.slice(m.index ?? 0, (m.index ?? 0) + m[0].length).trim(),
      value: clean(Number.parseFloat(digits) * scale),
      percent: Boolean(m[5]),
      index: m.index ?? 0,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The canonical search term for a figure: "13000", "16%". */
export function figureTerm(f: Pick<Figure, "value" | "percent">): string {
  return `${f.value}${f.percent ? "%" : ""}`;
}

/** Same figure, whatever the notation? */
export function sameFigure(a: Figure, b: Figure): boolean {
  return a.value === b.value && a.percent === b.percent;
}

/** A figure written for English readers: 13000 -> "13,000"; 2.8e8 -> "280 million". */
export function englishFigure(f: Pick<Figure, "value" | "percent">): string {
  if (f.percent) return `${f.value}%`;
  const v = f.value;
  const fmt = (n: number) => clean(n).toLocaleString("en-US", { maximumFractionDigits: 4 });
  if (Math.abs(v) >= 1e12) return `${fmt(v / 1e12)} trillion`;
  if (Math.abs(v) >= 1e9) return `${fmt(v / 1e9)} billion`;
  if (Math.abs(v) >= 1e6) return `${fmt(v / 1e6)} million`;
  return fmt(v);
}
