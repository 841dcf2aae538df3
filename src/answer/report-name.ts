import type { Doc, DocMeta } from "../ingest/types.js";
import type { Language } from "../text/language.js";

/** The years a report's review covers, and the year it plans, from its metadata. */
export const reviewYearsOf = (m: DocMeta): number[] =>
  m.reviewYears ?? (m.year !== undefined ? [m.year - 1] : []);
export const planYearOf = (m: DocMeta): number | undefined => m.planYear ?? m.year;

const capital = (s: string) =>
  s.replace(/(^|\s)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

/** How an English reader names a report's place: "Chengdu", "Inner Mongolia", "the State Council". */
export function placeEn(meta: DocMeta, en?: string): string {
  if (meta.level === "national") return "the State Council";
  return en ? capital(en) : (meta.place ?? meta.title);
}

/** 《成都市2024年政府工作报告》 / Chengdu's 2024 government work report. */
export function reportName(
  doc: Pick<Doc, "meta" | "title">,
  language: Language,
  en?: string,
): string {
  if (language === "zh") return `《${doc.title}》`;
  const year = doc.meta.year ? `${doc.meta.year} ` : "";
  const place = placeEn(doc.meta, en);
  return `${place}'s ${year}government work report`;
}

/** The years a passage of this part speaks of: "2023", "2013–2017", the plan's "2024". */
export function partYears(meta: DocMeta, part: string): number[] {
  if (part === "plan") {
    const y = planYearOf(meta);
    return y === undefined ? [] : [y];
  }
  if (part === "review" || part === "problems") return reviewYearsOf(meta);
  return [];
}

export function yearsText(years: number[], language: Language): string {
  if (!years.length) return "";
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const span = first === last ? `${first}` : `${first}–${last}`;
  return language === "zh" ? `${span}年` : span;
}
