import type { DocMeta, Part } from "../ingest/types.js";
import type { FigureKind } from "./types.js";

export const reviewYearsOf = (m: DocMeta) =>
  m.reviewYears ?? (m.year !== undefined ? [m.year - 1] : []);
export const planYearOf = (m: DocMeta) => m.planYear ?? m.year;

/** A year written right before a figure: "2002年的10.2万亿元", "到2025年". */
const WRITTEN = /((?:19|20)\d{2})年(?:底|末|的)*$/;

/**
 * Sentences that open with the year they speak of: "2007年，国内生产总值达到24.66万亿元",
 * "刚刚过去的2017年，…", "过去一年，…" (the year before the plan's), "今年，…". What
 * such a sentence opens holds for the figures after it in the paragraph, up to the next one.
 */
const OPENER =
  /(?:^|[。！？；;])\s*(?:刚刚过去的|过去的|在)?(?:((?:19|20)\d{2})年|(过去一年|去年|上一年|上年)|(今年|明年))[，,]/g;

/** The year each offset of a paragraph is spoken of in, by the sentences that say so. */
export function yearsSaid(text: string, meta: DocMeta): (at: number) => number | undefined {
  const plan = planYearOf(meta);
  const marks: [number, number][] = [];
  for (const m of text.matchAll(OPENER)) {
    const at = (m.index ?? 0) + m[0].length;
    if (m[1]) marks.push([at, Number(m[1])]);
    else if (m[2] && plan !== undefined) marks.push([at, plan - 1]);
    else if (m[3] && plan !== undefined) marks.push([at, m[3] === "明年" ? plan + 1 : plan]);
  }
  return (at) => {
    let year: number | undefined;
    for (const [from, y] of marks) if (from <= at) year = y;
    return year;
  };
}

/**
 * The year a figure is for: a year written right before it, else the year its sentence
 * speaks of, else the plan's year in the plan and the review's in a one-year review; the
 * start of a "from… to…" (从26.6万亿元增加到51.9万亿元) is the year before the span, its end
 * the span's last year, as is a level reached (达到) in a review of several years.
 */
export function yearOf(
  meta: DocMeta,
  part: Part,
  verb: string,
  said: number | undefined,
  span: { from: boolean; to: boolean },
): number | null {
  const written = verb.match(WRITTEN)?.[1];
  if (written) return Number(written);
  const plan = planYearOf(meta);
  if (/(?:去年|上年)(?:底|末|的)*$/.test(verb) && plan !== undefined) return plan - 1;
  if (said !== undefined && !span.from) return said;
  const review = reviewYearsOf(meta);
  if (part === "plan") {
    if (plan === undefined) return null;
    return span.from ? plan - 1 : plan;
  }
  if (part === "review" || part === "problems") {
    if (!review.length) return null;
    if (span.from) return (review[0] as number) - 1;
    if (span.to || review.length === 1) return review[review.length - 1] as number;
    return null;
  }
  return null;
}

/** A target in the plan (a result when the plan speaks of a year gone by), a result in the review. */
export function kindOf(part: Part, year: number | null, meta: DocMeta): FigureKind {
  if (part === "plan") {
    const plan = planYearOf(meta);
    return year !== null && plan !== undefined && year < plan ? "result" : "target";
  }
  return part === "review" ? "result" : "other";
}
