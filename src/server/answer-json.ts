import type { Citation, Draft } from "../answer/types.js";
import { passageFields } from "./passage-json.js";

/** A citation carries its report's title; one without (a document the index lacks) shows the id. */
const scored = (c: Citation) => ({ ...passageFields(c, c.title ?? c.doc), score: c.score });

export const citationJson = (c: Citation) => ({ ...scored(c), n: c.n });

/**
 * The contract's Answer, plus the kind of question it answers, a table answer's rows (one
 * per report, each with the [n] of the citation that proves it), `related` (other passages
 * retrieved) and any unsupported figures.
 */
export function answerJson(d: Draft) {
  return {
    answer: d.answer,
    language: d.language,
    grounded: d.grounded,
    mode: d.mode,
    ...(d.kind ? { kind: d.kind } : {}),
    citations: d.citations.map(citationJson),
    ...(d.table ? { table: d.table } : {}),
    related: d.related.map(scored),
    ...(d.unsupportedFigures ? { unsupportedFigures: d.unsupportedFigures } : {}),
  };
}
