import type { Citation, Draft } from "../answer/types.js";
import { passageJson, scoredJson } from "./passage-json.js";

export const citationJson = (c: Citation) => ({ ...passageJson(c), score: c.score, n: c.n });

/**
 * The contract's Answer, plus `related` (other passages retrieved), a table answer's rows
 * (`table`: columns, and per report its cells and the n of its citation, 0 without one)
 * and any unsupported figures.
 */
export function answerJson(d: Draft) {
  return {
    answer: d.answer,
    language: d.language,
    grounded: d.grounded,
    mode: d.mode,
    citations: d.citations.map(citationJson),
    related: d.related.map((r) => scoredJson(r, r.score)),
    ...(d.table ? { table: d.table } : {}),
    ...(d.unsupportedFigures ? { unsupportedFigures: d.unsupportedFigures } : {}),
  };
}
