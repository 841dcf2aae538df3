import type { LoadedIndex } from "../index/load-index.js";
import type { SearchResult } from "../retrieve/hybrid-search.js";
import type { Language } from "../text/language.js";
import { composeAnswer, refusal } from "./compose.js";
import { type Evidence, pickEvidence } from "./pick-evidence.js";
import { type QuestionKind, sectionYear } from "./question-kind.js";
import type { Answer, Citation } from "./types.js";
import { verifyAnswer } from "./verify.js";

/** Below these the passages are taken not to hold the answer (calibrated with `npm run eval`). */
export const GROUNDING = {
  /** share of the question's weighted terms the answering span must hold, by language */
  minSpanShare: { zh: 0.3, en: 0.4 },
  minScore: 0.4,
};

/** An Answer plus what the API adds: related passages, and figures no citation holds. */
export type Draft = Answer & { related: Citation[]; unsupportedFigures?: string[] };

export const toCitation = (r: SearchResult["hits"][number], n: number): Citation => ({
  ...r.passage,
  score: r.score,
  n,
});

/** The best evidence; a question that names its year is answered from that year's sections only. */
export function bestEvidence(
  kind: QuestionKind,
  result: SearchResult,
  index: Pick<LoadedIndex, "tokenizer" | "bm25">,
): Evidence | undefined {
  const candidates = pickEvidence(result.query, kind, result.hits, index, 5);
  const inYear = candidates.filter((e) => {
    const year = sectionYear(e.hit.passage.section);
    return !kind.explicitYear || year === undefined || year === kind.year;
  });
  return inYear.find((e) => e.answers) ?? inYear[0];
}

/** The offline answer: the clause that answers, in the asker's language, cited; or a refusal. */
export function answerExtractive(
  question: string,
  language: Language,
  kind: QuestionKind,
  result: SearchResult,
  index: Pick<LoadedIndex, "tokenizer" | "bm25">,
): Draft {
  const related = result.hits.map((h, i) => toCitation(h, i + 1));
  const best = bestEvidence(kind, result, index);
  const refuse = (): Draft => ({
    answer: refusal(question, language),
    language,
    grounded: false,
    mode: "extractive",
    citations: [],
    related,
  });
  if (
    !best?.answers ||
    best.spanShare < GROUNDING.minSpanShare[language] ||
    best.score < GROUNDING.minScore
  )
    return refuse();
  const citations = [toCitation(best.hit, 1)];
  const text = composeAnswer(best, language, kind.figure);
  const check = verifyAnswer(text, citations);
  if (!check.ok) return refuse();
  return {
    answer: check.text,
    language,
    grounded: true,
    mode: "extractive",
    citations,
    related: related.filter((r) => r.id !== best.hit.passage.id),
  };
}
