import type { Logger } from "../log.js";
import type { Reading } from "../question/types.js";
import { type AskEvent, settledEvents } from "./ask-events.js";
import type { Retrieved } from "./context.js";
import { modelAnswer, modelRefusal } from "./model-answer.js";
import { ModelError, type ModelPort, modelErrorFields } from "./model-port.js";
import type { Citation, Draft, Turn } from "./types.js";
import { createAnswerReader, type FailReason, type ReadStep } from "./verified/answer-reader.js";
import { createEchoCheck } from "./verified/check-unit.js";
import { hasActiveContent, plainText } from "./verified/plain-text.js";

export type ModelPath = {
  model: ModelPort;
  /** The question read (again) from a standalone text: the model's rewrite of a follow-up. */
  reread: (standalone: string, asked: Reading) => Reading;
  /** Retrieval for a reading, and its passages as numbered citations. */
  retrieve: (reading: Reading) => Promise<{ retrieved: Retrieved; passages: Citation[] }>;
  /** The offline answer from the same retrieval: what a reader gets instead of a model
   * answer that fails or does not pass the checks. */
  offline: (reading: Reading, retrieved: Retrieved) => Promise<Draft>;
  log?: Logger;
};

export type ModelInput = { reading: Reading; history: Turn[] };

const FALLBACK = "model answer failed, falling back to extractive";

/**
 * The model's answer as events; `signal` is the client's, `modelSignal` adds the time
 * budget. Nothing the model writes is sent until it has passed the checks, a sentence at a
 * time (verified/answer-reader.ts); the citations go out with the first sentence that
 * passes. A model that fails (an error, a timeout, a reply that is not a completion) or
 * whose answer does not pass (no sentence passes, or one shows it is not answering from
 * the passages) gives way to the offline answer, streamed as the offline path streams it:
 * when no sentence went out before, the client gets exactly what the offline path sends.
 */
export async function* modelEvents(
  path: ModelPath,
  input: ModelInput,
  signal: AbortSignal,
  modelSignal: AbortSignal,
): AsyncGenerator<AskEvent> {
  const { model, offline, log } = path;
  const { history } = input;
  let reading = input.reading;
  const { question, language } = reading;
  const prompt = model.promptEcho(language);
  if (history.length) {
    // the rewrite is model text too, and can reach a reader (a refusal names the question)
    try {
      const rewrite = await model.condense(question, history, modelSignal);
      const plain = plainText(rewrite);
      if (!plain || hasActiveContent(rewrite) || createEchoCheck(prompt)(rewrite)) {
        throw new ModelError("empty");
      }
      reading = path.reread(plain, reading);
    } catch (err) {
      if (signal.aborted) throw err;
      log?.warn("model condense failed, using offline follow-up", modelErrorFields(err));
    }
  }

  const { retrieved, passages } = await path.retrieve(reading);
  const standalone = reading.standalone;
  const fallback = async function* () {
    yield* settledEvents(await offline(reading, retrieved));
  };
  // The model sees the standalone question (a follow-up alone lacks its topic); the
  // answer's language is still the asker's.
  const reader = createAnswerReader(passages, prompt);
  let sent = false;
  let stopped: FailReason | undefined;
  function* send(steps: ReadStep[]): Generator<AskEvent> {
    for (const s of steps) {
      if (s.kind === "stop") {
        stopped = s.reason;
        return;
      }
      if (!sent) yield { type: "citations", citations: passages };
      sent = true;
      yield { type: "delta", text: s.text };
    }
  }
  try {
    const req = { question: standalone, language, passages };
    for await (const delta of model.answer(req, modelSignal)) {
      yield* send(reader.push(delta));
      if (stopped) break; // ends the model's call
    }
    if (!stopped) yield* send(reader.end());
  } catch (err) {
    if (signal.aborted) throw err;
    log?.warn(FALLBACK, { ...modelErrorFields(err), sent });
    yield* fallback();
    return;
  }

  const outcome = reader.result();
  if (stopped || outcome.kind === "none") {
    log?.warn(FALLBACK, { failure: "checks", reason: stopped ?? "unverified", sent });
    yield* fallback();
  } else if (outcome.kind === "refusal") {
    yield* settledEvents(modelRefusal(language, passages));
  } else {
    yield {
      type: "answer",
      answer: modelAnswer(outcome.text, outcome.cited, language, passages),
    };
  }
}
