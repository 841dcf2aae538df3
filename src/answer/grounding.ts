import type { Language } from "../text/language.js";
import type { Evidence } from "./pick-evidence.js";

/**
 * Below these the passages are taken not to hold the answer (chosen on the eval set's
 * tuning part, `npm run eval`): the share of the question's weighted words the answering
 * span must hold, by language, and the least evidence score.
 */
export const GROUNDING = {
  minSpanShare: { zh: 0.3, en: 0.4 },
  minScore: 0.4,
};

/** Does this evidence answer the question well enough to be given? */
export const isGrounded = (e: Evidence | undefined, language: Language): e is Evidence =>
  e?.answers === true &&
  e.spanShare >= GROUNDING.minSpanShare[language] &&
  e.score >= GROUNDING.minScore;
