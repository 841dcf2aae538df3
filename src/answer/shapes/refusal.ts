import type { Doc } from "../../ingest/types.js";
import type { PlaceIndex } from "../../question/places.js";
import type { ResolvedScope } from "../../question/resolve-scope.js";
import type { Language } from "../../text/language.js";
import { placeEn } from "../report-name.js";

/** Years as runs: [2003, 2004, 2005, 2009] -> "2003–2005, 2009". */
function yearRuns(years: number[]): string {
  const runs: string[] = [];
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * What the corpus holds, one entry per place with its years, for a refusal that names it:
 * "全国（2003–2018年）、成都市（2024年）", "the State Council (2003–2018), Chengdu (2024)".
 */
export function coverage(docs: Doc[], places: PlaceIndex, language: Language, max = 12): string {
  const byPlace = new Map<string, number[]>();
  for (const d of docs) {
    const name =
      language === "zh"
        ? (d.meta.place ?? d.title)
        : placeEn(d.meta, places.ofDoc.get(d.doc)?.en[0]);
    const years = byPlace.get(name) ?? [];
    byPlace.set(name, years);
    if (d.meta.year) years.push(d.meta.year);
  }
  const names = [...byPlace].slice(0, max).map(([name, years]) => {
    if (!years.length) return name;
    return language === "zh" ? `${name}（${yearRuns(years)}年）` : `${name} (${yearRuns(years)})`;
  });
  const rest = byPlace.size - names.length;
  if (language === "zh") return `${names.join("、")}${rest > 0 ? `等${byPlace.size}地的报告` : ""}`;
  return `${names.join(", ")}${rest > 0 ? `, and ${rest} more places` : ""}`;
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
      ? `government work report for ${scope.missingPlaces.map((p) => placeEn({ title: p.name, level: p.level }, p.en[0])).join(" or ")}`
      : scope.missingLevel
        ? "national (State Council) government work report"
        : `report covering ${scope.missingYears.join(", ")}`;
    return `The corpus holds no ${what}, so it cannot answer this question. It holds reports for: ${holds}.`;
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
