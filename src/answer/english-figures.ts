import { englishFigure, type Figure, findFigures } from "../text/numbers.js";

/** Words of the report around a figure, and how an English reader says them. */
const BEFORE: [RegExp, string][] = [
  [/(增长|增加|提高|提升|上升|增幅)$/, "an increase of"],
  [/(下降|减少|降低|压减)$/, "a decrease of"],
  [/(突破|超过|超)$/, "more than"],
  [/(达到|达|增至|提升至|提高至|升至)$/, "reaching"],
  [/(控制在)$/, "kept within"],
  [/(新增|新建|新引进|新签约)$/, "newly added:"],
  [/(累计)$/, "a cumulative"],
];
const AFTER: [RegExp, string][] = [
  [/^\s*(左右)/, "about"],
  [/^\s*(以上|多)/, "or more"],
];
const UNITS: [RegExp, string][] = [
  [/^元/, "yuan"],
  [/^人次/, "visits"],
  [/^人/, "people"],
  [/^公里/, "km"],
  [/^平方米/, "square metres"],
  [/^亩/, "mu"],
  [/^吨/, "tonnes"],
  [/^标箱/, "TEU"],
  [/^天/, "days"],
  [/^[家户]/, ""],
  [/^[个项件所座条场列次名位]/, ""],
];

const isYear = (f: Figure, text: string) =>
  f.value >= 1900 && f.value <= 2100 && !f.percent && text[f.index + f.raw.length] === "年";

/** "增长16%" -> "an increase of 16%"; "突破1.3万家" -> "more than 13,000"; "第9位" -> "rank No. 9". */
export function glossFigures(quote: string): string[] {
  const out: string[] = [];
  for (const f of findFigures(quote)) {
    if (isYear(f, quote)) continue;
    const before = quote.slice(Math.max(0, f.index - 4), f.index);
    const after = quote.slice(f.index + f.raw.length, f.index + f.raw.length + 4);
    // 第9位 / 排名第9 is a rank; 第十七届 an ordinal; 提升17位 a move of places
    const ordinal = /第$/.test(before);
    const rank = (ordinal && /^\s*[位名]/.test(after)) || /(排名|居|位居|位列|排)第$/.test(before);
    const places = !ordinal && /^\s*位/.test(after);
    let phrase: string;
    if (rank) phrase = `rank No. ${f.value}`;
    else if (ordinal) phrase = `the ${ordinalEn(f.value)}`;
    else if (places) phrase = `${/(下降|降)/.test(before) ? "down" : "up"} ${f.value} places`;
    else {
      const lead = BEFORE.find(([re]) => re.test(before))?.[1] ?? "";
      const tail =
        AFTER.find(([re]) => re.test(after.replace(/^[家个项人次座所条辆套户元]+/, "")))?.[1] ?? "";
      const unit = UNITS.find(([re]) => re.test(after.replace(/^(左右|以上|多)/, "")))?.[1] ?? "";
      phrase = [
        lead,
        tail === "about" ? "about" : "",
        englishFigure(f),
        unit,
        tail === "or more" ? "or more" : "",
      ]
        .filter(Boolean)
        .join(" ");
    }
    out.push(phrase.trim());
  }
  return out;
}

/** One figure of a clause for English readers, with its unit: "250 billion yuan", "16%", "4,408". */
export function figureInEnglish(text: string, f: Figure): string {
  const after = text.slice(f.index + f.raw.length, f.index + f.raw.length + 4);
  const unit = UNITS.find(([re]) => re.test(after.replace(/^(左右|以上|多)/, "")))?.[1] ?? "";
  return [englishFigure(f), unit].filter(Boolean).join(" ");
}

/** 1 -> "1st", 17 -> "17th", 22 -> "22nd". */
export function ordinalEn(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? "th"
      : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
