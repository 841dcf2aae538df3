import type { Reading } from "../../question/types.js";
import { englishFigure } from "../../text/numbers.js";
import { yearsText } from "../report-name.js";
import type { LineFigure, TableLine } from "./table-lines.js";

const HIGHEST =
  /最高|最多|最大|最快|更高|更快|更多|更大|哪[个一][^？?]*[高快多大]|谁[^？?]*[高快多大]|highest|largest|biggest|fastest|most|\b(?:higher|faster|more|bigger|larger|greater)\b/i;
const LOWEST =
  /最低|最少|最小|最慢|更低|更少|更小|更慢|lowest|smallest|slowest|least|\b(?:lower|fewer|less|smaller|slower)\b/i;
/** "X比Y低吗", "a lower target than", "cut": is the first year's figure below the other's? */
const LOWER = /低|少|小|慢|降|lower|less|smaller|fewer|slower|\bcut\b|reduce/i;
/** A question answered yes or no. */
export const YESNO_SHAPE =
  /[吗么嘛][？?！!。.\s]*$|是否|有没有|^\s*(?:did|does|do|is|are|was|were|has|have|had)\b/i;
/** A yes/no question about a result against its target. */
export const MET =
  /达到|完成|实现|超过|超额|控制住|守住|\bmeet\b|\bmet\b|\breach(?:ed)?\b|\bbeat\b|\bachiev|\bexceed|\bhit\b/i;
/** Bounds that make a target a ceiling: 控制在5.5%以内 is met by staying under it. */
const CEILING = /以内|以下|之内|控制在|不超过|不高于|低于/;

type Shown = TableLine & { figure: LineFigure };

const en = (f: LineFigure) =>
  f.high !== undefined
    ? `${englishFigure({ value: f.value, percent: f.percent })}–${englishFigure({ value: f.high, percent: f.percent })}`
    : englishFigure(f);
const isTarget = (l: TableLine) => (l.row ? l.row.kind === "target" : l.passage?.part === "plan");

/** Qualifiers that make a target approximate: 增长7%左右 is not missed by 6.9%. */
const APPROXIMATE = /左右|上下|约/;

/**
 * How far (in percentage points, or as a share of the target for other units) a result may
 * miss an approximate target (左右) and still be "about" it; the reports' own reading of
 * 7%左右 against 6.9% is a target reached.
 */
export const ABOUT_TOLERANCE = { points: 0.2, share: 0.02 } as const;

/** Did the result meet the target: a yes/no over a target line and a result line of its year. */
function metTarget(target: Shown, result: Shown, zh: boolean): string {
  const qualifier = target.row?.qualifier ?? target.figure.raw;
  // the bound may be in the words before the figure (控制在4%左右) as well as after it
  const ceiling = CEILING.test(qualifier) || CEILING.test(target.quote);
  const goal = ceiling ? (target.figure.high ?? target.figure.value) : target.figure.value;
  const met = ceiling ? result.figure.value <= goal : result.figure.value >= goal;
  const slack = target.figure.percent
    ? ABOUT_TOLERANCE.points
    : Math.abs(goal) * ABOUT_TOLERANCE.share;
  const about =
    !met && APPROXIMATE.test(qualifier) && Math.abs(result.figure.value - goal) <= slack;
  const targetZh = `${target.figure.raw}${APPROXIMATE.test(qualifier) && !target.figure.raw.includes(qualifier) ? qualifier : ""}`;
  if (zh) {
    const verdict = met ? "是的，完成了" : about ? "基本完成（目标为约数）" : "没有完成";
    return `${verdict}：实际为${result.figure.raw}，目标为${targetZh}。\n`;
  }
  const verdict = met
    ? "Yes, it met the target"
    : about
      ? "Roughly, yes (the target was approximate)"
      : "No, it fell short";
  const approx = APPROXIMATE.test(qualifier) ? "about " : "";
  return `${verdict}: ${en(result.figure)} against a target of ${approx}${en(target.figure)}.\n`;
}

/** Is the first figure higher (or, as the question asks, lower) than the second? */
function firstAgainstSecond(reading: Reading, first: Shown, second: Shown, zh: boolean): string {
  const lower = LOWER.test(reading.question);
  const yes = lower
    ? first.figure.value < second.figure.value
    : first.figure.value > second.figure.value;
  const y = (l: Shown) => yearsText(l.years, "en");
  if (zh)
    return `${yes ? "是的" : "不是"}：${y(first)}年为${first.figure.raw}，${y(second)}年为${second.figure.raw}。\n`;
  return `${yes ? "Yes" : "No"}: ${en(first.figure)} in ${y(first)} against ${en(second.figure)} in ${y(second)}.\n`;
}

/** The yes or no of a question over the lines: a result against its target, or one year against another. */
function yesNo(reading: Reading, shown: Shown[], zh: boolean): string | undefined {
  const targets = shown.filter(isTarget);
  const results = shown.filter((l) => !isTarget(l));
  const target = targets[0];
  if (MET.test(reading.question) && target && results.length) {
    const y = target.years[0];
    const result =
      results.find((l) => l.years.length === 1 && l.years[0] === y) ??
      results.find((l) => y !== undefined && l.years.includes(y));
    if (result && result.figure.percent === target.figure.percent)
      return metTarget(target, result, zh);
  }
  // one year against another: the lines of the years named (or of the reports named by their
  // years: the 2016 report against the 2015 one), targets first when both are there
  const years = reading.scope.years.length
    ? reading.scope.years
    : (reading.scope.reportYears ?? []);
  const ofYear = (y: number | undefined) => {
    const own = shown.filter((l) => l.years.length === 1 && l.years[0] === y);
    return own.find(isTarget) ?? own[0];
  };
  const [a, b] =
    years.length === 2 ? [ofYear(years[0]), ofYear(years[1])] : shown.length === 2 ? shown : [];
  if (a && b && a !== b && a.figure.percent === b.figure.percent)
    return firstAgainstSecond(reading, a, b, zh);
  return undefined;
}

/** "是的…" / "最高：…" / "Highest: …" when the question asks for a verdict over the lines. */
export function verdictLine(
  reading: Reading,
  lines: TableLine[],
  label: (l: TableLine) => string,
): string {
  const zh = reading.language === "zh";
  const shown = lines.filter((l): l is Shown => l.figure !== undefined && l.passage !== undefined);
  if (YESNO_SHAPE.test(reading.question) || reading.kind === "yesno") {
    const v = yesNo(reading, shown, zh);
    if (v !== undefined) return v;
  }
  const low = LOWEST.test(reading.question);
  const high = !low && (HIGHEST.test(reading.question) || reading.kind === "compare");
  if ((high || low) && shown.length >= 2) {
    const sorted = [...shown].sort((a, b) => b.figure.value - a.figure.value);
    const top = low ? sorted[sorted.length - 1] : sorted[0];
    if (!top) return "";
    const tied = sorted.filter((l) => l.figure.value === top.figure.value);
    const names = tied.map(label);
    // every report the same: no highest or lowest to name
    if (tied.length === shown.length)
      return zh
        ? `相同：${names.join("、")}均为${top.figure.raw}。\n`
        : `The same: ${names.join(", ")} all at ${en(top.figure)}.\n`;
    if (zh)
      return `${tied.length > 1 ? "并列" : ""}${low ? "最低" : "最高"}：${names.join("、")}（${top.figure.raw}）。\n`;
    return `${tied.length > 1 ? "Tied " : ""}${low ? "lowest" : "highest"}: ${names.join(", ")} (${en(top.figure)}).\n`.replace(
      /^./,
      (c) => c.toUpperCase(),
    );
  }
  return "";
}
