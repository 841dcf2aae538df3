import type { Language } from "../text/language.js";
import type { Citation, Turn } from "./types.js";

/**
 * What the asker needs from a language model (implemented with @langchain/openai in
 * src/answer/model/). Kept as a port so that the offline path never loads a model client.
 */
export type ModelPort = {
  /** A follow-up plus history -> a standalone question (same language as the question). */
  condense(question: string, history: Turn[], signal: AbortSignal): Promise<string>;
  /** Stream an answer from numbered passages; yields text increments with [n] markers. */
  answer(
    req: { question: string; language: Language; passages: Citation[] },
    signal: AbortSignal,
  ): AsyncIterable<string>;
};
