import type { LoadedIndex } from "../index/load-index.js";
import type { Searcher } from "../retrieve/hybrid-search.js";
import { detectLanguage } from "../text/language.js";
import { answerExtractive, type Draft } from "./extractive.js";
import { resolveFollowUp } from "./follow-up.js";
import { questionKind, sectionYear } from "./question-kind.js";
import type { Turn } from "./types.js";

export type AskInput = { question: string; history?: Turn[]; k?: number };
export type Asker = (input: AskInput) => Promise<Draft>;

/** The latest year any section speaks of: what "this year" means in the corpus. */
export function reportYear(index: Pick<LoadedIndex, "passages">): number | undefined {
  let max: number | undefined;
  for (const p of index.passages) {
    const y = sectionYear(p.section);
    if (y && (!max || y > max)) max = y;
  }
  return max;
}

/** Question (+ history) -> retrieval -> the extractive answer, in the question's language. */
export function createAsker(index: LoadedIndex, search: Searcher): Asker {
  const year = reportYear(index);
  return async ({ question, history = [], k = 5 }) => {
    const language = detectLanguage(question);
    const standalone = resolveFollowUp(question, history);
    const result = await search(standalone, k);
    return answerExtractive(question, language, questionKind(standalone, year), result, index);
  };
}
