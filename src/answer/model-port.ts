import type { Language } from "../text/language.js";
import type { Citation, Turn } from "./types.js";

/** What model output must not repeat of its prompts: the system prompts (instructions), and
 * the tags that delimit the data in the user messages. */
export type PromptEcho = { instructions: readonly string[]; tags: readonly string[] };

/**
 * What the asker needs from a language model (implemented with @langchain/openai in
 * src/answer/model/). Kept as a port so that the offline path never loads a model client.
 */
export type ModelPort = {
  /** A follow-up plus history -> a standalone question (same language as the question). */
  condense(question: string, history: Turn[], signal: AbortSignal): Promise<string>;
  /**
   * Stream an answer from numbered passages; yields text increments with [n] markers. A
   * reply that is not a whole completion (no finish reason: not a chat completion at all, or
   * a stream cut short) throws ModelError("upstream"); one cut by the token limit, or with
   * no text, throws ModelError("empty").
   */
  answer(
    req: { question: string; language: Language; passages: Citation[] },
    signal: AbortSignal,
  ): AsyncIterable<string>;
  /** The prompts' instructions (the answer's in this language) and tags, for the echo check. */
  promptEcho(language: Language): PromptEcho;
};

/**
 * Why a model call failed: "timeout" (no token within the time limit), "busy" (every slot
 * taken and the queue full, or no slot freed in time), "upstream" (the server answered
 * with an error or the connection failed), "empty" (nothing usable came back).
 */
export type ModelFailure = "timeout" | "busy" | "upstream" | "empty";

/**
 * The one error a ModelPort throws. Its message is ours, never the upstream's, so that it
 * can be logged without leaking what a provider put in its error text.
 */
export class ModelError extends Error {
  override name = "ModelError";
  constructor(
    readonly failure: ModelFailure,
    readonly status?: number,
  ) {
    super(status ? `model ${failure} (HTTP ${status})` : `model ${failure}`);
  }
}

/** Fields for a log line about a failed model call: no message text from upstream. */
export function modelErrorFields(err: unknown): Record<string, unknown> {
  if (err instanceof ModelError) {
    return { error: err.name, failure: err.failure, ...(err.status ? { status: err.status } : {}) };
  }
  return { error: err instanceof Error ? err.name : "unknown" };
}
