import type { Language } from "../text/language.js";
import { glossFigures } from "./english-figures.js";
import type { Evidence } from "./pick-evidence.js";
import { isPlanSection, sectionYear } from "./question-kind.js";

/**
 * A short answer built from the report's own words, with a [1] marker.
 * zh: "2023年，全社会研发经费投入增长16% [1]。"
 * en: "In 2023, the report gives an increase of 16% [1]: “全社会研发经费投入增长16%”."
 */
export function composeAnswer(e: Evidence, language: Language, asksFigure: boolean): string {
  const section = e.hit.passage.section;
  const year = sectionYear(section);
  const plan = isPlanSection(section);
  const quote = e.span.text;
  if (language === "zh") {
    const dated = /^(19|20)\d{2}年|^今年|^去年/.test(quote);
    const prefix = plan ? `${section[0]}提出：` : year && !dated ? `${year}年，` : "报告指出：";
    return `${prefix}${quote} [1]。`;
  }
  const when = plan && year ? `In its plan for ${year},` : year ? `In ${year},` : "";
  const glosses = asksFigure ? glossFigures(quote) : [];
  const says = glosses.length ? `the report gives ${glosses.join("; ")}` : "the report says";
  const sentence = `${when} ${says} [1]: “${quote}”.`.trim();
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "The report does not say" in the asker's language, naming what was asked. */
export function refusal(question: string, language: Language): string {
  const asked = question
    .trim()
    .replace(/[？?。.!！\s]+$/, "")
    .slice(0, 120);
  return language === "zh"
    ? `报告中没有找到这个问题的答案：“${asked}”。`
    : `The report does not say. Nothing in it answers “${asked}”.`;
}
