import { z } from "zod";

/**
 * What a figure measures: a growth rate (增长5%), a change (下降2%, 提高0.4个百分点, 增加5700亿元),
 * a rate (失业率, 城镇化率), a share (研发投入强度, 优良天数比例), a count (万人, 天, 家), a level
 * (亿元, 万吨, a price index of 103) or a rank (第3位).
 */
export const MEASURES = ["growth", "change", "rate", "share", "count", "level", "rank"] as const;
export type Measure = (typeof MEASURES)[number];

/** A target (a figure of the plan), a result (of the review), or neither (any other part). */
export const FIGURE_KINDS = ["target", "result", "other"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

const PARTS = [
  "front",
  "review",
  "problems",
  "plan",
  "government",
  "closing",
  "appendix",
  "body",
] as const;

/**
 * One quantitative statement of a report. Offsets are into the document's text
 * (GET /api/documents/:doc): `text.slice(start, end)` is the figure as written ("5.5%",
 * "110万人", "5.0%—5.5%"), `text.slice(indicatorStart, indicatorEnd)` the words its
 * indicator is read from (for a 分别 list, the whole list: "第一、第二、第三产业增加值").
 */
const figureRowSchema = z.object({
  id: z.string(),
  doc: z.string(),
  /** the report's place as the report names it (北京市, 全国) */
  place: z.string().optional(),
  /** the year the figure is for, when the report says or its part implies it */
  year: z.number().int().nullable(),
  kind: z.enum(FIGURE_KINDS),
  /** one of the report's main targets (its 主要预期目标 paragraph) */
  main: z.boolean(),
  /** the subject the figure belongs to, a 分别 list resolved to its item (第一产业增加值) */
  indicator: z.string(),
  /** a canonical name for common indicators (gdp, cpi, urban_jobs_new…) */
  key: z.string().optional(),
  /** the indicator's usual English name, for common indicators */
  en: z.string().optional(),
  /** the number as written (110 for 110万人, unit 万人) */
  value: z.number(),
  /** the upper end of a range (5.0%—5.5%: value 5, high 5.5) */
  high: z.number().optional(),
  /** the unit as written, magnitude included: %, 万人, 亿元, 个百分点, "" for a bare number */
  unit: z.string(),
  /** the value in base units (110万人 -> 1100000); percentages stay as they are */
  scaled: z.number(),
  measure: z.enum(MEASURES),
  /** the bound after the figure (左右, 以上, 以内…) or else the word before it (控制在, 力争, 达…) */
  qualifier: z.string(),
  direction: z.enum(["up", "down"]).nullable(),
  /** the figure as written */
  figure: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  indicatorStart: z.number().int().nonnegative(),
  indicatorEnd: z.number().int().nonnegative(),
  /** the end of the qualifier written after the figure (= end when there is none) */
  qualifierEnd: z.number().int().nonnegative(),
  /** the passage that holds the figure */
  passage: z.string(),
  section: z.array(z.string()),
  part: z.enum(PARTS),
});
export type FigureRow = z.infer<typeof figureRowSchema>;

/** One indicator of the vocabulary (indicators.tsv): its key, English names and Chinese names. */
const indicatorSchema = z.object({
  key: z.string(),
  en: z.array(z.string()).min(1),
  zh: z.array(z.string()).min(1),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** The figures artefact of an index: the vocabulary it was built with and every row. */
export const figureFileSchema = z.object({
  indicators: z.array(indicatorSchema),
  rows: z.array(figureRowSchema),
});
export type FigureFile = z.infer<typeof figureFileSchema>;
