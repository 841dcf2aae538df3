import type { Language } from "../text/language.js";
import { refusal } from "./compose.js";
import type { Draft } from "./extractive.js";
import type { Citation } from "./types.js";
import { verifyAnswer } from "./verify.js";

/** What a model says when the passages do not hold the answer (the prompt asks for it). */
export const MODEL_REFUSAL = "NOT_IN_REPORT";

/**
 * A model's text -> a verified Answer: markers that name no passage are dropped, figures
 * no cited passage holds make it ungrounded, and a refusal (or an answer that cites
 * nothing) is reported as "the report does not say".
 */
export function finishModelAnswer(
  text: string,
  question: string,
  language: Language,
  passages: Citation[],
): Draft {
  const trimmed = text.trim();
  const refused = trimmed.includes(MODEL_REFUSAL) || trimmed.length === 0;
  const check = verifyAnswer(trimmed, passages);
  if (refused || check.used.length === 0) {
    return {
      answer: refusal(question, language),
      language,
      grounded: false,
      mode: "llm",
      citations: [],
      related: passages,
    };
  }
  const cited = new Set(check.used);
  return {
    answer: check.text,
    language,
    grounded: check.unsupportedFigures.length === 0,
    mode: "llm",
    citations: passages.filter((p) => cited.has(p.n)),
    related: passages.filter((p) => !cited.has(p.n)),
    ...(check.unsupportedFigures.length ? { unsupportedFigures: check.unsupportedFigures } : {}),
  };
}
