import type { Language } from "../text/language.js";
import { refusal } from "./shapes/refusal.js";
import type { Citation, Draft } from "./types.js";
import { verifyAnswer } from "./verify.js";

/** What a model says when the passages do not hold the answer (the prompt asks for it). */
export const MODEL_REFUSAL = "NOT_IN_REPORT";

/** Could this start of a model's reply still turn out to be the refusal token? */
export const mayBeRefusal = (start: string): boolean => MODEL_REFUSAL.startsWith(start.trim());

/**
 * Markers as models also write them -> the form the checks read: "[1, 2]" and "[1,2]" become
 * "[1][2]"; full-width "［1］" and "【1】" become "[1]".
 */
export function normalizeMarkers(text: string): string {
  return text.replace(/[[［【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]］】]/g, (_, list: string) =>
    list
      .split(/[,，、]/)
      .map((n) => `[${n.trim()}]`)
      .join(""),
  );
}

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
  const trimmed = normalizeMarkers(text).trim();
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
