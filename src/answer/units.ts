import type { Figure } from "../text/numbers.js";

/**
 * What a figure counts or measures, so that "多少只大熊猫" is not answered with "6.2万亩"
 * and "多少家领事机构" not with "第1位". Counting classifiers are interchangeable
 * (公园 "座" or "个"); measures are not.
 */
export type Unit =
  | { kind: "count" }
  | { kind: "percent" }
  | { kind: "rank" }
  | { kind: "measure"; name: string };

const COUNT =
  "个|座|所|家|项|条|处|件|只|头|辆|列|场|批|支|架|艘|套|户|名|位|人次|人|次|届|款|部|种|本";
const MEASURE: [string, RegExp][] = [
  ["yuan", /^(?:亿|万)?(?:美?元|人民币)/],
  ["tonne", /^(?:万)?吨/],
  ["km", /^(?:万)?公里/],
  ["mu", /^(?:万)?亩/],
  ["m2", /^(?:万)?平方米/],
  ["kw", /^(?:万)?千瓦/],
  ["teu", /^(?:万)?标箱/],
  ["day", /^天/],
  ["year", /^年/],
  ["hour", /^小时/],
];
const COUNT_AFTER = new RegExp(`^(?:万|亿)?(?:${COUNT})`);

/** The unit written right after a figure in the report. */
export function unitAfter(text: string, f: Figure): Unit | undefined {
  if (f.percent) return { kind: "percent" };
  if (text[f.index - 1] === "第") return { kind: "rank" };
  const after = text.slice(f.index + f.raw.length, f.index + f.raw.length + 4);
  for (const [name, re] of MEASURE) if (re.test(after)) return { kind: "measure", name };
  return COUNT_AFTER.test(after) ? { kind: "count" } : undefined;
}

const ZH_ASKED = new RegExp(
  `(?:多少|几)(?:万|亿)?(${COUNT}|美?元|吨|公里|亩|平方米|千瓦|标箱|天|年|小时)`,
);
const ZH_PERCENT =
  /百分之几|百分比|比例|比重|占比|增速|增幅|增长率|涨幅|降幅|率(?:是|为|有|达到)?多少|率多高|率有多高/;
const EN_MEASURE: [string, RegExp][] = [
  ["tonne", /\bhow many (?:million |thousand )?(?:tonnes|tons)\b/i],
  ["km", /\bhow (?:many (?:kilomet(?:er|re)s|km)|long)\b/i],
  ["day", /\bhow many days\b/i],
  ["year", /\bhow many years\b/i],
  ["mu", /\bhow many mu\b/i],
  ["yuan", /\bhow much money\b|\bhow many (?:billion |million )?yuan\b|\bdollars\b/i],
];
const EN_PERCENT =
  /\bpercent(?:age)?\b|\bshare\b|\bproportion\b|\brate\b|\bhow fast\b|\bby how much\b/i;
const EN_COUNT = /\bhow many\b/i;

/** The unit a question asks for, when its wording says. */
export function askedUnit(question: string): Unit | undefined {
  const zh = question.match(ZH_ASKED)?.[1];
  if (zh) {
    if (/元/.test(zh)) return { kind: "measure", name: "yuan" };
    const measure = MEASURE.find(([, re]) => re.test(zh));
    return measure ? { kind: "measure", name: measure[0] } : { kind: "count" };
  }
  if (ZH_PERCENT.test(question)) return { kind: "percent" };
  for (const [name, re] of EN_MEASURE) if (re.test(question)) return { kind: "measure", name };
  if (EN_PERCENT.test(question)) return { kind: "percent" };
  if (EN_COUNT.test(question)) return { kind: "count" };
  return undefined;
}

/** Does a figure's unit answer what was asked? Unknown units are given the benefit of the doubt. */
export function unitFits(asked: Unit, found: Unit | undefined): boolean {
  if (!found) return asked.kind !== "percent";
  if (asked.kind !== found.kind) return false;
  return asked.kind !== "measure" || (found.kind === "measure" && asked.name === found.name);
}
