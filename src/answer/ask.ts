import { LRUCache } from "lru-cache";
import type { Logger } from "../log.js";
import { readQuestion } from "../question/read-question.js";
import type { Reading } from "../question/types.js";
import { generalIdf } from "../text/general-idf.js";
import { answerOffline } from "./answer-offline.js";
import { type AskEvent, settledEvents } from "./ask-events.js";
import { withBudget } from "./budget-signal.js";
import { type AnswerContext, citationOf, retrieveFor } from "./context.js";
import { type ModelPath, modelEvents } from "./model-events.js";
import type { ModelPort } from "./model-port.js";
import type { Answer, Draft, Turn } from "./types.js";

export type AskInput = {
  question: string;
  history?: Turn[];
  k?: number;
  /** answer from these documents only (a widget on one report's page) */
  docs?: string[];
};
export type { AskEvent };

export type Asker = {
  stream(input: AskInput, signal?: AbortSignal): AsyncGenerator<AskEvent>;
  ask(input: AskInput, signal?: AbortSignal): Promise<Draft>;
};

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

/** Passages an offline answer weighs, at least: the answer may sit a little below the top k. */
export const ANSWER_DEPTH = 8;

/** Where an offline answer is remembered: the whole input it is a function of. */
const cacheKey = (input: AskInput, k: number) =>
  JSON.stringify([
    input.question,
    (input.history ?? []).map((t) => [t.role, t.content]),
    k,
    input.docs ?? null,
  ]);

/**
 * Question (+ history) -> reading -> scoped retrieval -> an answer shaped to the question,
 * in its language. With a model, the model writes the answer from the numbered passages
 * and only what passes the checks is sent (model-events.ts); any model failure, or an
 * answer that does not pass, falls back to the offline answer.
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
    const retrieved = await retrieveFor(reading, ctx, Math.max(k, ANSWER_DEPTH), {
      docs: input.docs,
    });
    const draft = await answerOffline(reading, retrieved, ctx, k);
    cache?.set(key, draft);
    return draft;
  }

  /** What the model path needs: retrieval and the offline answer for a reading. */
  const pathFor = (model: ModelPort, input: AskInput, k: number): ModelPath => ({
    model,
    log: opts.log,
    reread: (standalone, asked) => ({
      ...readQuestion(standalone, [], { places: ctx.places }),
      question: asked.question,
      language: asked.language,
    }),
    retrieve: async (reading) => {
      const retrieved = await retrieveFor(reading, ctx, k, { docs: input.docs });
      const passages = retrieved.result.hits.map((h, i) => citationOf(h, i + 1, ctx));
      return { retrieved, passages };
    },
    offline: (reading, retrieved) => answerOffline(reading, retrieved, ctx, k),
  });

  async function* stream(
    input: AskInput,
    signal = new AbortController().signal,
  ): AsyncGenerator<AskEvent> {
    const k = input.k ?? 5;
    const model = opts.model;
    if (!model) {
      yield* settledEvents(await offline(input, k));
      return;
    }
    // the model's calls stop when the client goes away or the budget is spent; only the
    // former ends the answer, the latter falls back like any model failure
    const budget = withBudget(signal, opts.modelBudgetMs);
    try {
      const input2 = { reading: read(input), history: input.history ?? [] };
      yield* modelEvents(pathFor(model, input, k), input2, signal, budget.signal);
    } finally {
      budget.done();
    }
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
