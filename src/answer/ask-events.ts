import type { Citation, Draft } from "./types.js";

/**
 * The one protocol of an answer, streamed or not: citations, text increments, the final
 * answer. Every delta is text that passed the checks. A `citations` event after deltas
 * starts the answer over: the text before it is replaced by what follows (a model answer
 * given up part way, replaced by the offline one).
 */
export type AskEvent =
  | { type: "citations"; citations: Citation[] }
  | { type: "delta"; text: string }
  | { type: "answer"; answer: Draft };

/** Split a finished text into small increments, so that every answer streams alike. */
function* increments(text: string, size = 12): Generator<string> {
  const chars = [...text];
  for (let i = 0; i < chars.length; i += size) yield chars.slice(i, i + size).join("");
}

/** A settled answer as the offline path streams it: its citations, its text, the answer. */
export function* settledEvents(draft: Draft): Generator<AskEvent> {
  yield { type: "citations", citations: draft.citations };
  for (const text of increments(draft.answer)) yield { type: "delta", text };
  yield { type: "answer", answer: draft };
}
