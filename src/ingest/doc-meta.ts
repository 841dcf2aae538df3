import type { FrontFacts } from "./front-matter.js";
import type { DocMeta, Level, Meta } from "./types.js";

/** The province-level places by the short names titles and file names use. */
const PROVINCES = new Set(
  (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 " +
    "湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
  ).split(" "),
);
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市?$/;

/** The level of government a place name is at: 全国, 四川省, 北京市, 成都市, …区. */
function levelOf(place: string): Level | undefined {
  if (place === "全国" || place === "国务院") return "national";
  if (MUNICIPALITY.test(place) || /(?:省|自治区|特别行政区)$/.test(place)) return "province";
  if (PROVINCES.has(place)) return "province";
  if (/(?:区|县|旗)$/.test(place)) return "district";
  if (/(?:市|州|盟|地区)$/.test(place)) return "city";
  return undefined;
}

const YEAR = /((?:19|20)\d{2})\s*年?/;

/** A title from a file name: "2011年国务院政府工作报告)" loses its stray bracket. */
function titleFromName(doc: string): string | undefined {
  let name = doc.replace(/[_\s]+/g, " ").trim();
  for (const [open, close] of [
    ["(", ")"],
    ["（", "）"],
    ["《", "》"],
  ] as const) {
    const opens = name.split(open).length - 1;
    const closes = name.split(close).length - 1;
    if (opens !== closes) name = name.replaceAll(open, "").replaceAll(close, "");
  }
  return /报告/.test(name) ? name : undefined;
}

/** The place a title names: "2025年宁夏政府工作报告" -> 宁夏, "2016年国务院…" -> 全国. */
function placeInTitle(title: string): string | undefined {
  if (/国务院/.test(title)) return "全国";
  const place = title
    .replace(YEAR, "")
    .replace(/(?:人民)?政府工作报告.*$|工作报告.*$/, "")
    .trim();
  return place && levelOf(place) ? place : undefined;
}

/** What the review part says about the years it covers. */
export type ReviewCue = {
  /** the review part's heading: "一、2024年工作回顾", "一、过去五年工作回顾" */
  heading?: string;
  /** the review's first paragraph: "过去五年，…" */
  opening?: string;
};

const FIVE_YEARS = /五年|[“"]?十[一二三四五六七八九]?五[”"]?时期/;

/**
 * The years a review covers: five when its heading says so ("过去五年和2022年工作回顾"
 * too), the year its heading names, five when its first paragraph opens on them, or else
 * the year before the report.
 */
function reviewYearsOf(year: number, cue: ReviewCue): number[] {
  const five = [year - 5, year - 4, year - 3, year - 2, year - 1];
  if (cue.heading && FIVE_YEARS.test(cue.heading)) return five;
  const named = cue.heading?.match(/((?:19|20)\d{2})年/);
  if (named) return [Number(named[1])];
  return /^(?:过去|这|近)五年/.test(cue.opening ?? "") ? five : [year - 1];
}

const definedOnly = (meta: DocMeta): DocMeta =>
  Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as DocMeta;

/**
 * A document's metadata: from its front matter first, then its file name, then the review
 * part's heading for the years; the sidecar `<doc>.meta.json` overrides all of it.
 */
export function docMeta(doc: string, front: FrontFacts, sidecar: Meta, review: ReviewCue): DocMeta {
  const named = titleFromName(doc);
  const textTitle = front.title && YEAR.test(front.title) ? front.title : undefined;
  const title = sidecar.title ?? textTitle ?? named ?? front.title ?? doc;
  const titles = [sidecar.title, front.title, named].filter((t): t is string => Boolean(t));
  const place =
    sidecar.place ??
    front.place ??
    titles.map(placeInTitle).find(Boolean) ??
    (front.speaker?.startsWith("国务院") ? "全国" : undefined);
  const yearOf = (s?: string) => (s?.match(YEAR) ? Number(s.match(YEAR)?.[1]) : undefined);
  const year =
    sidecar.year ??
    yearOf(sidecar.date) ??
    yearOf(front.date) ??
    titles.map(yearOf).find((y) => y !== undefined);
  return definedOnly({
    title,
    place,
    level: sidecar.level ?? (place ? levelOf(place) : undefined),
    date: sidecar.date ?? front.date,
    speaker: sidecar.speaker ?? front.speaker,
    source: sidecar.source ?? front.source,
    year,
    reviewYears: sidecar.reviewYears ?? (year ? reviewYearsOf(year, review) : undefined),
    planYear: sidecar.planYear ?? year,
  });
}
