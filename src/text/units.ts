import type { Figure } from "./numbers.js";

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

export const COUNT =
  "个|座|所|家|项|条|处|件|只|头|辆|列|场|批|支|架|艘|套|户|名|位|人次|人|次|届|款|部|种|本";
export const MEASURE: [string, RegExp][] = [
  ["pp", /^个百分点/],
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
  ["jin", /^(?:万|亿)?斤/],
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

/** Does a figure's unit answer what was asked? Unknown units are given the benefit of the doubt. */
export function unitFits(asked: Unit, found: Unit | undefined): boolean {
  if (!found) return asked.kind !== "percent";
  // percentage points answer a question about a rate, and the other way round
  const pp = (u: Unit) => u.kind === "measure" && u.name === "pp";
  if ((asked.kind === "percent" && pp(found)) || (pp(asked) && found.kind === "percent"))
    return true;
  if (asked.kind !== found.kind) return false;
  return asked.kind !== "measure" || (found.kind === "measure" && asked.name === found.name);
}
