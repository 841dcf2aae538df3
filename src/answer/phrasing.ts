import type { Doc, Part } from "../ingest/types.js";
import type { Language } from "../text/language.js";
import { FIGURE } from "../text/numbers.js";
import { partYears, reportName, yearsText } from "./report-name.js";

/** "据《成都市2024年政府工作报告》，" / "According to Chengdu's 2024 government work report, ". */
export function according(doc: Doc, language: Language, en?: string): string {
  return language === "zh"
    ? `据${reportName(doc, "zh")}，`
    : `According to ${reportName(doc, "en", en)}, `;
}

/**
 * When a passage speaks of, as an answer says it: "2023年，" / "2024年计划：" in Chinese;
 * "in 2023" / "in the plan for 2024" in English. Nothing when the quote dates itself.
 */
export function when(doc: Doc, part: Part, quote: string, language: Language): string {
  const years = partYears(doc.meta, part);
  const dated = /^(?:19|20)\d{2}年|^今年|^去年|^过去/.test(quote);
  if (!years.length) return "";
  if (language === "zh") {
    if (dated) return part === "plan" ? "计划：" : "";
    return part === "plan" ? `${yearsText(years, "zh")}计划：` : `${yearsText(years, "zh")}，`;
  }
  return part === "plan"
    ? `in the plan for ${yearsText(years, "en")}`
    : `in ${yearsText(years, "en")}`;
}

/** Upper-case the first letter of an English sentence. */
export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The topic as an answer names it: the asker's own words, without question marks and
 * without the figures the asker named (an answer states only the report's figures).
 */
export const topicOf = (topic: string) =>
  topic
    .replace(FIGURE, " ")
    .replace(/\b(?:over|more than|at least|above|below|under|less than|by)\s*(?=\s|$)/gi, " ")
    .replace(/[?？。.!！]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
