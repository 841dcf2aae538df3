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
  [/(排名|排名第|居|居第|位居|位列|排)第?$/, "rank No."],
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
    const rank = /第$/.test(before) || /^\s*[位名]/.test(after);
    const lead = rank ? "rank No." : (BEFORE.find(([re]) => re.test(before))?.[1] ?? "");
    const tail = AFTER.find(([re]) => re.test(after))?.[1] ?? "";
    const unit = rank
      ? ""
      : (UNITS.find(([re]) => re.test(after.replace(/^(左右|以上|多)/, "")))?.[1] ?? "");
    const num = rank ? String(f.value) : englishFigure(f);
    const phrase = [
      tail === "about" ? "about" : "",
      lead,
      num,
      unit,
      tail === "or more" ? "or more" : "",
    ]
      .filter(Boolean)
      .join(" ");
    out.push(phrase.replace("rank No. ", "rank No. ").trim());
  }
  return out;
}
