import { LRUCache } from "lru-cache";
import type { Logger } from "../log.js";
import { readQuestion } from "../question/read-question.js";
import type { Reading } from "../question/types.js";
import { generalIdf } from "../text/general-idf.js";
import { answerOffline } from "./answer-offline.js";
import { withBudget } from "./budget-signal.js";
import { type AnswerContext, citationOf, type Retrieved, retrieveFor } from "./context.js";
import { finishModelAnswer, mayBeRefusal } from "./model-answer.js";
import { type ModelPort, modelErrorFields } from "./model-port.js";
import type { Answer, Citation, Draft, Turn } from "./types.js";

export type AskInput = {
  question: string;
  history?: Turn[];
  k?: number;
  /** answer from these documents only (a widget on one report's page) */
  docs?: string[];
};

/** The one protocol of an answer, streamed or not: citations, text increments, the final answer. */
export type AskEvent =
  | { type: "citations"; citations: Citation[] }
  | { type: "delta"; text: string }
  | { type: "answer"; answer: Draft };

export type Asker = {
  stream(input: AskInput, signal?: AbortSignal): AsyncGenerator<AskEvent>;
  ask(input: AskInput, signal?: AbortSignal): Promise<Draft>;
};

/** Split a finished text into small increments, so both modes stream alike. */
function* increments(text: string, size = 12): Generator<string> {
  const chars = [...text];
  for (let i = 0; i < chars.length; i += size) yield chars.slice(i, i + size).join("");
}

export type AskerOptions = {
  model?: ModelPort;
  log?: Logger;
  /**
   * The most time the model may take over one question, rewrite and answer together; past
   * it the question gets the extractive answer. Keep it under the server's request timeout.
   */
  modelBudgetMs?: number;
  /** offline answers remembered (least recently used out); 0 turns the cache off */
  cacheSize?: number;
};

/** Where an offline answer is remembered: the whole input it is a function of. */
const cacheKey = (input: AskInput, k: number) =>
  JSON.stringify([
    input.question,
    (input.history ?? []).map((t) => [t.role, t.content]),
    k,
    input.docs ?? null,
  ]);

/**
 * Question (+ history) -> reading -> scoped retrieval -> an answer shaped to the question, in
 * its language. With a model, the model writes the answer from the numbered passages and
 * the same citation checks verify it; any model failure falls back to the offline answer.
 */
export function createAsker(ctx: AnswerContext, opts: AskerOptions = {}): Asker {
  generalIdf(""); // parse jieba's IDF table now, not on the first question
  const read = (input: AskInput): Reading =>
    readQuestion(input.question, input.history ?? [], { places: ctx.places });

  // The offline answer is a pure function of its input, so popular questions are answered
  // from memory; the cache lives and dies with this engine (a new index, a new cache).
  const cacheSize = opts.cacheSize ?? 1000;
  const cache = cacheSize > 0 ? new LRUCache<string, Draft>({ max: cacheSize }) : undefined;

  async function offline(input: AskInput, k: number): Promise<Draft> {
    const key = cacheKey(input, k);
    const hit = cache?.get(key);
    if (hit) return hit;
    const reading = read(input);
    const retrieved = await retrieveFor(reading, ctx, k, { docs: input.docs });
    const draft = await answerOffline(reading, retrieved, ctx);
    cache?.set(key, draft);
    return draft;
  }

  async function* stream(
    input: AskInput,
    signal = new AbortController().signal,
  ): AsyncGenerator<AskEvent> {
    const k = input.k ?? 5;
    const model = opts.model;
    if (!model) {
      const draft = await offline(input, k);
      yield { type: "citations", citations: draft.citations };
      for (const text of increments(draft.answer)) yield { type: "delta", text };
      yield { type: "answer", answer: draft };
      return;
    }
    // the model's calls stop when the client goes away or the budget is spent; only the
    // former ends the answer, the latter falls back like any model failure
    const budget = withBudget(signal, opts.modelBudgetMs);
    try {
      yield* modelEvents(model, input, k, signal, budget.signal);
    } finally {
      budget.done();
    }
  }

  /** The model's answer; `signal` is the client's, `modelSignal` adds the time budget. */
  async function* modelEvents(
    model: ModelPort,
    input: AskInput,
    k: number,
    signal: AbortSignal,
    modelSignal: AbortSignal,
  ): AsyncGenerator<AskEvent> {
    const history = input.history ?? [];
    let reading = read(input);
    const language = reading.language;
    if (history.length) {
      try {
        const standalone = await model.condense(input.question, history, modelSignal);
        reading = {
          ...readQuestion(standalone, [], { places: ctx.places }),
          question: input.question,
          language,
        };
      } catch (err) {
        if (signal.aborted) throw err;
        opts.log?.warn("model condense failed, using offline follow-up", modelErrorFields(err));
      }
    }
    const retrieved: Retrieved = await retrieveFor(reading, ctx, k, { docs: input.docs });
    const passages = retrieved.result.hits.map((h, i) => citationOf(h, i + 1, ctx));
    yield { type: "citations", citations: passages };
    // The model sees the standalone question (a follow-up alone lacks its topic); the
    // answer's language is still the asker's. Text that may be the refusal token is held
    // back, so that a client never sees it; the final answer then streams as offline.
    let text = "";
    let holding = true;
    try {
      const req = { question: reading.standalone, language, passages };
      for await (const delta of model.answer(req, modelSignal)) {
        text += delta;
        if (holding && mayBeRefusal(text)) continue;
        yield { type: "delta", text: holding ? text : delta };
        holding = false;
      }
    } catch (err) {
      if (signal.aborted) throw err;
      opts.log?.warn("model answer failed, falling back to extractive", modelErrorFields(err));
      // the fallback numbers its own citations: say them again, then stream its text
      const draft = await answerOffline(reading, retrieved, ctx);
      yield { type: "citations", citations: draft.citations };
      for (const piece of increments(draft.answer)) yield { type: "delta", text: piece };
      yield { type: "answer", answer: draft };
      return;
    }
    const draft = finishModelAnswer(text, reading.standalone, language, passages);
    if (holding) for (const piece of increments(draft.answer)) yield { type: "delta", text: piece };
    yield { type: "answer", answer: draft };
  }

  return {
    stream,
    async ask(input, signal) {
      let final: Draft | undefined;
      for await (const e of stream(input, signal)) if (e.type === "answer") final = e.answer;
      if (!final) throw new Error("answer stream ended without an answer");
      return final;
    },
  };
}

export type { Answer };
