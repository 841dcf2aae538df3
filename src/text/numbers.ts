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

export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const digits = (m[1] as string).replace(/,/g, "");
    const mag = m[2] ?? m[3] ?? m[4];
    const scale = mag ? (ZH_MAGNITUDE[mag] ?? EN_MAGNITUDE[mag.toLowerCase()] ?? 1) : 1;
    out.push({
      raw: m[0].trim(),
      value: clean(Number.parseFloat(digits) * scale),
      percent: Boolean(m[5]),
      index: m.index ?? 0,
    });
  }
  return out;
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
