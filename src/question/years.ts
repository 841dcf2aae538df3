/** The years and the part of a report a question is about, read from its words. */

export type RelativeYear = "this" | "last" | "next" | "before-last" | "past-five";

const ZH_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** 二〇二三年 -> 2023年, so that years written in Chinese numerals are years too. */
export const arabicYears = (text: string): string =>
  text.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) =>
    [...y].map((c) => ZH_DIGITS[c]).join(""),
  );

const YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d.%])(?!\s*(?:万|亿|多|余|个|家|人|元|吨))/g;

/** A span of years: "2012年到2017年", "2014至2018年", "from 2014 to 2018", "between 2013 and 2018". */
const YEAR_SPAN =
  /(?:\bfrom\s+|\bbetween\s+)?((?:19|20)\d{2})\s*年?\s*(?:到|至|—|–|-|~|～|\bto\b|\bthrough\b|\buntil\b|(?<=between\s+\d{4}\s*)\band\b)\s*((?:19|20)\d{2})(?![\d.%])/gi;
/** How many years a span may cover before it is read as two years, not a series. */
const MAX_SPAN = 30;

/** Years a question names: "2023年", "in 2024", "2016 report"; a span names every year in it. */
export function explicitYears(text: string): number[] {
  const out: number[] = [];
  const arabic = arabicYears(text);
  for (const m of arabic.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (!out.includes(y)) out.push(y);
  }
  for (const m of arabic.matchAll(YEAR_SPAN)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (b <= a || b - a > MAX_SPAN) continue;
    for (let y = a + 1; y < b; y++) if (!out.includes(y)) out.push(y);
  }
  return out;
}

/**
 * A year that names a report itself: "2013年政府工作报告", "2015年报告", "the 2008 report",
 * "the 2016 government work report". The report is the one given that year; the years it
 * speaks of are read inside it ("2013年政府工作报告回顾过去五年" reviews 2008–2012).
 */
const Y = String.raw`(?:19|20)\d{2}`;
const REPORT_YEAR = new RegExp(
  [
    // 2013年和2018年的政府工作报告, 2015年报告, 2024年成都市政府工作报告
    String.raw`${Y}\s*年?(?:\s*(?:和|与|及|、|跟|以及|或)\s*${Y}\s*年?)*(?:的|度)?(?:[\u3400-\u9fff]{0,8}?(?:国务院|省|市|自治区|区))?(?:政府工作)?报告`,
    // the 2013 and 2018 reports, the 2016 government work report, and "the 2015 one" after it
    String.raw`\b${Y}(?:'s)?(?:\s*(?:,|and|or)\s*${Y})*\s+(?:(?:national|state council)\s+)?(?:government\s+)?(?:work\s+)?reports?\b`,
    String.raw`(?<=\breports?\b.*)\bthe\s+${Y}\s+one\b`,
  ].join("|"),
  "gi",
);

/** The years that name reports, and the text with them blanked out (for the years spoken of). */
export function reportYears(text: string): { years: number[]; rest: string } {
  const years: number[] = [];
  const rest = arabicYears(text).replace(REPORT_YEAR, (m) =>
    // spaces of the same length: offsets into the text (places found in it) stay right
    m.replace(/((?:19|20)\d{2})\s*年?(?:'s)?/g, (y, digits: string) => {
      const year = Number(digits);
      if (!years.includes(year)) years.push(year);
      return " ".repeat(y.length);
    }),
  );
  return { years, rest };
}

const RELATIVE: [RelativeYear, RegExp][] = [
  ["before-last", /前年|the year before last/i],
  [
    "past-five",
    /过去五年|近五年|五年来|这五年|过去5年|近5年|(?:past|last|previous) (?:five|5) years/i,
  ],
  [
    "last",
    /去年|上年|上一年|过去一年|过去的一年|\blast year\b|\bpast year\b|\bprevious year\b|\ba year ago\b/i,
  ],
  ["next", /明年|\bnext year\b/i],
  ["this", /今年|本年|当年|\bthis year\b|\bthis year's\b|\bcurrent year\b/i],
];

/** "去年", "this year", "过去五年": a year that means something only inside one report. */
export function relativeYear(text: string): RelativeYear | undefined {
  return RELATIVE.find(([, re]) => re.test(text))?.[0];
}

/** The span of every year word, for taking them out of the words searched for. */
export const YEAR_WORDS =
  /(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?|(?<![\d.])(?:19|20)\d{2}(?![\d.%])|前年|去年|今年|明年|本年|当年|上年|上一年|过去一年|过去的一年|过去五年|近五年|五年来|这五年|\b(?:in|for|during|of)\s+(?:19|20)\d{2}\b|\b(?:the year before last|last year|this year(?:'s)?|next year|past year|previous year|current year|a year ago|(?:past|last|previous) (?:five|5) years)\b/gi;

/** Which part of a report a question asks about, when its wording says. */
export type PartCue = "review" | "plan" | "problems";

const PROBLEMS_ZH =
  /(?:存在|面临|还有|有哪些|有什么|哪些|什么|哪方面)[^，。？?]{0,8}(?:问题|不足|短板|困难|挑战|差距|弱项|薄弱环节)|(?:问题|不足|短板|挑战|弱项|薄弱环节)(?:有哪些|是什么|在哪|呢)|问题短板|不足之处|短板弱项/;
const PROBLEMS_EN =
  /\b(?:what|which|any|main|biggest|key)\b[^?]{0,30}\b(?:problems?|shortcomings?|weakness(?:es)?|challenges?|difficult(?:y|ies)|shortfalls?|weak (?:points?|spots?))\b|\b(?:shortcomings|weaknesses)\b|\bproblems (?:does|did|do|remain)\b|\bstill (?:falls? short|lags?|lagging)\b/i;
const PLAN =
  /打算|计划|准备|将要|(?<![已])将(?!近)|要做|要干|怎么干|目标|预期|安排|部署|重点任务|力争|\bwill\b|\bplans?\b|\bplanned\b|\bplanning\b|\btargets?\b|\baims?\b|\bgoals?\b|\bgoing to\b|\bintends?\b|\bexpects?\b|\bexpected\b|\bpriorit(?:y|ies)\b|\bupcoming\b/i;
const REVIEW =
  /过去|已经|取得|得(?:咋样|怎么样|如何|怎样)|进展|完成了|成效|成绩|成果|做了|干了|搞了|办了|实现了|达到了|增长了|下降了|提高了|建成了|举办了|有没有完成|\bdid\b|\bwas\b|\bwere\b|\bhad\b|\bhas been\b|\bhave been\b|\bachiev(?:e|ed|ements?)\b|\baccomplish(?:ed|ments?)\b|\bresults?\b|\bso far\b|\bmanaged\b|\bdone\b|\bheld\b|\bhosted\b|\bbuilt\b/i;

/** The part the question's wording points to; a problems question wins over the rest. */
export function partCue(text: string, relative: RelativeYear | undefined): PartCue | undefined {
  if (PROBLEMS_ZH.test(text) || PROBLEMS_EN.test(text)) return "problems";
  if (relative === "last" || relative === "before-last" || relative === "past-five")
    return "review";
  if (relative === "this" || relative === "next") return "plan";
  const plan = PLAN.test(text);
  const review = REVIEW.test(text);
  return plan === review ? undefined : plan ? "plan" : "review";
}
