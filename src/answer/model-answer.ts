import type { Language } from "../text/language.js";
import { refusal } from "./shapes/refusal.js";
import type { Citation, Draft } from "./types.js";

/** What a model says when the passages do not hold the answer (the prompt asks for it). */
export const MODEL_REFUSAL = "NOT_IN_REPORT";

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
 * A model's answer made of sentences that each passed the checks (verified/check-unit.ts):
 * its citations are the passages it cites, the other passages are related.
 */
export function modelAnswer(
  text: string,
  cited: number[],
  language: Language,
  passages: Citation[],
): Draft {
  const used = new Set(cited);
  return {
    answer: text,
    language,
    grounded: true,
    mode: "llm",
    citations: passages.filter((p) => used.has(p.n)),
    related: passages.filter((p) => !used.has(p.n)),
  };
}

/** The model's "the report does not say", in the asker's language. */
export function modelRefusal(language: Language, passages: Citation[]): Draft {
  return {
    answer: refusal(language),
    language,
    grounded: false,
    mode: "llm",
    citations: [],
    related: passages,
  };
}
