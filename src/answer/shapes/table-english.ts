import type { FigureRow } from "../../figures/types.js";
import { englishFigure } from "../../text/numbers.js";

/** The qualifiers of the genre as an English reader says them, before or after the figure. */
const QUALIFIER: Record<string, [string, string]> = {
  左右: ["about ", ""],
  上下: ["about ", ""],
  以上: ["", " or more"],
  及以上: ["", " or more"],
  以内: ["at most ", ""],
  之内: ["at most ", ""],
  以下: ["at most ", ""],
  及以下: ["at most ", ""],
  控制在: ["at most ", ""],
  不超过: ["at most ", ""],
  不高于: ["at most ", ""],
  低于: ["below ", ""],
  不低于: ["at least ", ""],
  不少于: ["at least ", ""],
  超过: ["more than ", ""],
  突破: ["more than ", ""],
  超: ["more than ", ""],
  多: ["more than ", ""],
  高于: ["above ", ""],
  力争: ["striving for ", ""],
  达到: ["reaching ", ""],
  达: ["reaching ", ""],
  约: ["about ", ""],
  近: ["nearly ", ""],
  接近: ["nearly ", ""],
};

/** Units after the magnitude, in English; counts of things need no word. */
const UNIT: [RegExp, string][] = [
  [/个百分点$/, " percentage points"],
  [/美元$/, " US dollars"],
  [/元\/人$/, " yuan per person"],
  [/元$/, " yuan"],
  [/吨$/, " tonnes"],
  [/斤$/, " jin"],
  [/亩$/, " mu"],
  [/公顷$/, " hectares"],
  [/平方公里$/, " square km"],
  [/平方米$/, " square metres"],
  [/公里$/, " km"],
  [/千瓦$/, " kW"],
  [/人次$/, " visits"],
  [/人$/, " people"],
  [/天$/, " days"],
  [/户$/, " households"],
];

const MEASURE: Partial<Record<FigureRow["measure"], (dir: FigureRow["direction"]) => string>> = {
  growth: () => "growth of ",
  change: (d) => (d === "down" ? "a fall of " : d === "up" ? "a rise of " : "a change of "),
};

/** A row's figure for English readers: "growth of about 5%", "5.0%–5.5%", "1.1 million people or more". */
export function englishRowFigure(r: FigureRow): string {
  const percent = r.unit === "%";
  const scale = r.value === 0 ? 1 : r.scaled / r.value;
  const one = (v: number) => englishFigure({ value: percent ? v : v * scale, percent });
  const unit = percent ? "" : (UNIT.find(([re]) => re.test(r.unit))?.[1] ?? "");
  const figure =
    r.high !== undefined ? `${one(r.value)}–${one(r.high)}${unit}` : `${one(r.value)}${unit}`;
  const [before, after] = QUALIFIER[r.qualifier] ?? ["", ""];
  const lead = MEASURE[r.measure]?.(r.direction) ?? "";
  return `${lead}${before}${figure}${after}`;
}
