import { askedUnit, type Unit } from "./units.js";

/** What kind of thing a question asks for, read from its wording (zh and en). */
export type QuestionKind = {
  figure: boolean;
  rank: boolean;
  /** the year the question is about, when it names one (去年/last year resolved) */
  year?: number;
  /** the year is named or unmistakable (去年, last year), not guessed from "target" */
  explicitYear: boolean;
  /** the unit the answer must carry ("多少家" -> a count), when the wording says */
  unit?: Unit;
  /** the way the figure moved, when the question says ("增长了多少", "how much did it fall") */
  direction?: Direction;
};

export type Direction = "up" | "down";

/** Words for a change upwards or downwards, in the report's Chinese and in questions. */
export const UP_ZH = /增长|增加|提高|提升|上升|增至|扩大|新增|增幅|增速|上涨/;
export const DOWN_ZH = /下降|减少|降低|下调|缩小|压减|降至|下滑|降幅|减排|降了|减了/;
const UP_EN =
  /\b(?:grow|grew|grown|growth|increas(?:e|ed|es|ing)|ris(?:e|es|en|ing)|rose|rais(?:e|ed|ing)|expand(?:ed|ing)?|gain(?:ed)?)\b/i;
const DOWN_EN =
  /\b(?:f[ae]ll(?:en|ing)?|dropp?(?:ed|ing)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing|tion)|shr[iau]nk)\b/i;

/** The one direction a text speaks of, if it speaks of exactly one. */
export function directionOf(text: string, up: RegExp, down: RegExp): Direction | undefined {
  const u = up.test(text);
  const d = down.test(text);
  return u === d ? undefined : u ? "up" : "down";
}

const ASKS_FIGURE_ZH =
  /多少|几[个家项年次条所座万亿%位名]?|多大|多高|多快|多长|多远|比例|比重|占比|增速|增幅|增长率|涨幅|规模|总额|金额|数量|第几|排名|排第|名次|位居|是否超过|超过.*吗/;
const QUANTITY_EN =
  "percentage|percent|share|rate|proportion|number|amount|figure|rank|place|position|growth|target|level|total|value|size|ratio|gdp|output|volume|balance|revenue|income|spending|investment|population|count|wage|salary|price|cost|fee|rent|budget|debt|area|length|distance|capacity|speed|temperature|age";
const ASKS_FIGURE_EN = new RegExp(
  `\\bhow (many|much|fast|far|long|large|big|high)\\b|\\bwhat(?:'s| is| was| are| were)?\\b[^?]*\\b(${QUANTITY_EN})\\b|\\bby how\\b|\\branks?\\b|\\branked\\b|\\bgrowth\\b|\\btarget\\b|\\bmore than\\b|\\bover\\b \\d`,
  "i",
);
const ASKS_RANK =
  /第几|排名|排第|名次|位居|位列|\brank(?:s|ed|ing)?\b|\b(?:which|what) (?:place|position)\b|\btop \d+|No\.\s*\d/i;

export function questionKind(question: string, reportYear?: number): QuestionKind {
  const figure = ASKS_FIGURE_ZH.test(question) || ASKS_FIGURE_EN.test(question);
  const rank = ASKS_RANK.test(question);
  const year = questionYear(question, reportYear);
  const explicitYear = /(?<!\d)(19|20)\d{2}(?!\d)|去年|今年|上一年|last year|this year/i.test(
    question,
  );
  const unit = rank ? undefined : askedUnit(question);
  const direction = directionOf(question, UP_ZH, DOWN_ZH) ?? directionOf(question, UP_EN, DOWN_EN);
  return { figure: figure || rank, rank, year, explicitYear, unit, direction };
}

function questionYear(q: string, reportYear?: number): number | undefined {
  const explicit = q.match(/(?<!\d)(19|20)\d{2}(?!\d)/);
  if (explicit) return Number(explicit[0]);
  if (!reportYear) return undefined;
  if (/去年|上一年|上年|过去一年|last year|past year|previous year/i.test(q)) return reportYear - 1;
  if (/今年|本年|this year|coming year|next year|plan|target|目标|计划|预期/i.test(q))
    return reportYear;
  return undefined;
}

/** The year a section path speaks of: "2023年工作回顾" -> 2023. */
export function sectionYear(section: string[]): number | undefined {
  for (const s of section) {
    const m = s.match(/(?<!\d)((?:19|20)\d{2})年/);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Is this section a plan (what will be done) rather than a review (what was done)? */
export const isPlanSection = (section: string[]) =>
  /安排|计划|建议|目标|任务/.test(section[0] ?? "");
