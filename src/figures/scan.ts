import { findFigures, isYearDigits } from "../text/numbers.js";
import { COUNT } from "../text/units.js";

/** A figure of a paragraph as written: its number (or range), magnitude, unit and bound. */
export type ScannedFigure = {
  /** [start, end) of the figure, number through unit ("110万人", "5.0%—5.5%") */
  start: number;
  end: number;
  value: number;
  high?: number;
  /** magnitude and unit as written: "%", "万人", "亿元", "个百分点", "" */
  unit: string;
  /** 万, 亿, 万亿 or 千 folded out: 1e4, 1e8… (1 without one) */
  scale: number;
  percent: boolean;
  /** after 第: a rank or an ordinal */
  ordinal: boolean;
  /** 多 / 余 written between the number and its unit ("1800多万人") */
  more: boolean;
  /** the bound written after the figure (左右, 以上, 以内…), "" without one */
  bound: string;
  /** the end of that bound (= end without one) */
  boundEnd: number;
};

/** Measure words a figure is counted or measured in, longest first where one holds another. */
const UNIT_WORDS = [
  "个百分点",
  "微克/立方米",
  "元/人",
  "元/吨",
  "美元",
  "元",
  "平方公里",
  "平方米",
  "立方米",
  "公里",
  "千米",
  "公顷",
  "千瓦时",
  "千瓦",
  "公斤",
  "千克",
  "吨",
  "斤",
  "亩",
  "米",
  "标箱",
  "标准箱",
  "小时",
  "个月",
  "人次",
  "天",
  "倍",
  "类",
  "级",
  "岁",
  "张",
  "台",
  "床",
  "间",
  "栋",
  "份",
  "册",
  "株",
  "对",
  "年",
  ...COUNT.split("|"),
];
const AFTER_DIGITS = new RegExp(
  `^(多|余)?(万亿|亿|万|千(?![瓦米克]))?(%|${[...new Set(UNIT_WORDS)]
    .sort((a, b) => b.length - a.length)
    .join("|")})?`,
);
const BOUND = /^(?:及以上|及以下|以上|以下|以内|之内|左右|上下)/;
const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
const NUMBER = /^\d+(?:,\d{3})*(?:[.．]\d+)?/;
const RANGE_DASH = /^(?:[-－—–~～至到]|——)/;

/** Inside quotation marks or a book title: a name ("3815"战略, 《…2035》), not a figure. */
function quotedAt(text: string): (i: number) => boolean {
  const inside = new Uint8Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "“" || c === "《" || c === "「") depth++;
    inside[i] = depth > 0 ? 1 : 0;
    if ((c === "”" || c === "》" || c === "」") && depth > 0) depth--;
  }
  return (i) => inside[i] === 1;
}

/** Characters read after a number to tell a year from a quantity: enough for "——2025". */
const LOOK_AFTER = 6;

/**
 * Is this number a date or a label rather than a quantity? Years (2024年, 1998、1999年,
 * 2021—2025年), months and days, list numbers (1、 （2）), and numbers glued to Latin letters
 * (5G, M2, C919).
 */
function notQuantity(text: string, at: number, digits: string, end: number): boolean {
  const before = text[at - 1] ?? "";
  const after = text.slice(end, end + LOOK_AFTER);
  if (/[A-Za-z]/.test(before) || /^[A-Za-z]/.test(after)) return true;
  if (isYearDigits(digits) && /^(?:年|[、，,—\-－～~至到]+(?:19|20)\d\d)/.test(after)) return true;
  if (/^[月日号时]/.test(after) && before !== "个") return true;
  if (/^[、.．](?!\d)/.test(after) && (at === 0 || /[\s（(：:；;。]/.test(before))) return true;
  if (/[（(]/.test(before) && /^[）)]/.test(after)) return true;
  return false;
}

/** Every quantity of a paragraph, in order; ranges as one figure. */
export function scanFigures(text: string): ScannedFigure[] {
  const quoted = quotedAt(text);
  const out: ScannedFigure[] = [];
  const found = findFigures(text).filter((f) => /\d/.test(f.raw));
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if (!f) continue;
    const start = f.index;
    const digits = text.slice(start).match(NUMBER)?.[0] ?? "";
    if (!digits) continue;
    let end = start + digits.length;
    const value = Number.parseFloat(digits.replace(/,/g, "").replace("．", "."));
    if (quoted(start) || notQuantity(text, start, digits, end)) continue;
    let unitMatch = text.slice(end).match(AFTER_DIGITS);
    let high: number | undefined;
    // a range: 5.0%—5.5%, 6.5%－7%, 6.5-7%
    const dash = text.slice(end + (unitMatch?.[0].length ?? 0)).match(RANGE_DASH);
    const next = found[i + 1];
    if (dash && next && next.index === end + (unitMatch?.[0].length ?? 0) + dash[0].length) {
      const nextDigits = text.slice(next.index).match(NUMBER)?.[0] ?? "";
      const nextUnit = text.slice(next.index + nextDigits.length).match(AFTER_DIGITS);
      if (nextDigits && (!unitMatch?.[0] || unitMatch[0] === nextUnit?.[0])) {
        high = Number.parseFloat(nextDigits.replace(/,/g, "").replace("．", "."));
        end = next.index + nextDigits.length;
        unitMatch = nextUnit;
        i++;
      }
    }
    const [written = "", more, magnitude, word] = unitMatch ?? [];
    end += written.length;
    const bound = text.slice(end).match(BOUND)?.[0] ?? "";
    out.push({
      start,
      end,
      value,
      ...(high !== undefined ? { high } : {}),
      unit: `${magnitude ?? ""}${word ?? ""}`,
      scale: magnitude ? (SCALE[magnitude] ?? 1) : 1,
      percent: word === "%",
      ordinal: text[start - 1] === "第",
      more: Boolean(more),
      bound,
      boundEnd: end + bound.length,
    });
  }
  return out;
}
