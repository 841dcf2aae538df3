import { COUNT, MEASURE, type Unit } from "../text/units.js";

const ZH_ASKED = new RegExp(
  `(?:多少|几)(?:万|亿|千|百)?(${COUNT}|美?元|钱|吨|公里|亩|平方米|千瓦|标箱|天|年|小时)`,
);
const ZH_MONEY = /多少钱|多少亿|多少万元|金额|总额.*多少|花了多少|投了多少|投入了?多少/;
const ZH_PERCENT =
  /百分之几|百分比|百分点|比例|比重|占比|增速|增幅|增长率|涨幅|降幅|率(?:是|为|有|达到|控制在)?多少|率多高|率有多高|增长了?多少|下降了?多少|涨了多少|降了多少|提高了?多少|快不快/;
const EN_MEASURE: [string, RegExp][] = [
  ["tonne", /\bhow many (?:million |thousand )?(?:tonnes|tons)\b/i],
  ["km", /\bhow (?:many (?:kilomet(?:er|re)s|km)|long)\b/i],
  ["day", /\bhow many days\b/i],
  ["year", /\bhow many years\b/i],
  ["mu", /\bhow many mu\b/i],
  [
    "yuan",
    /\bhow much money\b|\bhow many (?:billion |million )?yuan\b|\bdollars\b|\bhow much (?:did|does|will)\b[^?]*\b(?:spend|invest|cost|raise|earn)\b/i,
  ],
];
const EN_PERCENT =
  /\bpercent(?:age)?\b|\bshare\b|\bproportion\b|\brate\b|\bhow fast\b|\bby how much\b|\bhow much (?:did|does|has|have|will|is|was)\b[^?]*\b(?:grow|grew|grown|increase|increased|rise|rose|risen|fall|fell|drop|dropped|decline|declined|expand|expanded)\b/i;
const EN_COUNT = /\bhow many\b/i;

/** The unit a question asks for, when its wording says ("多少家" a count, "增速" a percent). */
export function askedUnit(question: string): Unit | undefined {
  if (/(?:多少|几)个?百分点|percentage points?/i.test(question))
    return { kind: "measure", name: "pp" };
  // "涨了几个点": colloquial for a rate
  if (/(?:多少|几)个点/.test(question)) return { kind: "percent" };
  const zh = question.match(ZH_ASKED)?.[1];
  if (zh) {
    if (/元|钱/.test(zh)) return { kind: "measure", name: "yuan" };
    const measure = MEASURE.find(([, re]) => re.test(zh));
    return measure ? { kind: "measure", name: measure[0] } : { kind: "count" };
  }
  if (ZH_PERCENT.test(question)) return { kind: "percent" };
  if (ZH_MONEY.test(question)) return { kind: "measure", name: "yuan" };
  for (const [name, re] of EN_MEASURE) if (re.test(question)) return { kind: "measure", name };
  if (EN_PERCENT.test(question)) return { kind: "percent" };
  if (EN_COUNT.test(question)) return { kind: "count" };
  return undefined;
}

/**
 * A question that asks how many there are in all ("一共有多少家", "How many … are there?"),
 * not how many were added: 新增84家 does not answer it. A question that asks about adding
 * itself ("一共引进了多少个") is answered by the count added.
 */
const TOTAL =
  /一共|总共|共有|总数|总量有|现在有|目前有|\bin total\b|\baltogether\b|\bhow many\b[^?]*\b(?:are|were) there\b/i;
/** Asking about what was added ("一共引进了多少个", "How many were added?") is no total. */
const ADDING =
  /引进|新增|新建|新开工|落户|签约|培育|\b(?:added|new|brought in|attracted|opened)\b/i;
export const asksTotal = (question: string): boolean =>
  TOTAL.test(question) && !ADDING.test(question);
