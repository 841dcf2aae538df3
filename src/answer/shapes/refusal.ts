import type { Doc } from "../../ingest/types.js";
import type { PlaceIndex } from "../../question/places.js";
import type { ResolvedScope } from "../../question/resolve-scope.js";
import type { Language } from "../../text/language.js";
import { placeEn } from "../report-name.js";

/** What the corpus holds, for a refusal that names it: "成都市（2024年）、北京市（2025年）". */
export function coverage(docs: Doc[], places: PlaceIndex, language: Language, max = 12): string {
  const names = docs.slice(0, max).map((d) => {
    const year = d.meta.year
      ? language === "zh"
        ? `（${d.meta.year}年）`
        : ` (${d.meta.year})`
      : "";
    if (language === "zh") return `${d.meta.place ?? d.title}${year}`;
    return `${placeEn(d.meta, places.ofDoc.get(d.doc)?.en[0])}${year}`;
  });
  const more =
    docs.length > max
      ? language === "zh"
        ? `等${docs.length}份报告`
        : `, and ${docs.length - max} more`
      : "";
  return language === "zh"
    ? `${[...new Set(names)].join("、")}${more}`
    : `${[...new Set(names)].join(", ")}${more}`;
}

/**
 * "The report does not say", naming the reports searched (never echoing the question: what
 * a reader typed is not the service's to repeat); when the question names a place or a year
 * the corpus has no report for, saying so and what the corpus does cover.
 */
export function refusal(
  language: Language,
  scope?: ResolvedScope,
  corpus?: { docs: Doc[]; places: PlaceIndex },
): string {
  if (
    scope &&
    corpus &&
    (scope.missingPlaces.length ||
      scope.missingLevel ||
      (scope.missingYears.length && !scope.docs.length))
  ) {
    const holds = coverage(corpus.docs, corpus.places, language);
    if (language === "zh") {
      const what = scope.missingPlaces.length
        ? `${scope.missingPlaces.map((p) => p.name).join("、")}的政府工作报告`
        : scope.missingLevel
          ? "全国（国务院）的政府工作报告"
          : `${scope.missingYears.join("、")}年的报告内容`;
      return `现有语料中没有${what}，无法回答这个问题。现有报告：${holds}。`;
    }
    const what = scope.missingPlaces.length
      ? `a government work report for ${scope.missingPlaces.map((p) => placeEn({ title: p.name, level: p.level }, p.en[0])).join(" or ")}`
      : scope.missingLevel
        ? "a national (State Council) government work report"
        : `anything on ${scope.missingYears.join(", ")}`;
    return `The corpus has no ${what}, so it cannot answer this question. It holds reports for: ${holds}.`;
  }
  const searched =
    scope && corpus
      ? scope.docs
          .map((d) => corpus.docs.find((x) => x.doc === d.doc))
          .filter((d) => d !== undefined)
      : [];
  if (language === "zh") {
    const where = searched.length === 1 ? `《${searched[0]?.title}》` : "报告";
    return `${where}中没有找到这个问题的答案。`;
  }
  const one = searched[0];
  const where =
    searched.length === 1 && one && corpus
      ? `${placeEn(one.meta, corpus.places.ofDoc.get(one.doc)?.en[0])}'s ${one.meta.year ?? ""} government work report`.replace(
          "  ",
          " ",
        )
      : "the reports searched";
  return `The report does not say. Nothing in ${where} answers this question.`;
}
