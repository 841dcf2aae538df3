import type { LoadedIndex } from "../index/load-index.js";
import type { Logger } from "../log.js";
import type { Searcher, SearchResult } from "../retrieve/hybrid-search.js";
import { generalIdf } from "../text/general-idf.js";
import { detectLanguage } from "../text/language.js";
import { type AskEvent, settledEvents } from "./ask-events.js";
import { withBudget } from "./budget-signal.js";
import { answerExtractive, type Draft } from "./extractive.js";
import { resolveFollowUp } from "./follow-up.js";
import { modelEvents } from "./model-events.js";
import type { ModelPort } from "./model-port.js";
import { questionKind, sectionYear } from "./question-kind.js";
import type { Answer, Turn } from "./types.js";

export type AskInput = { question: string; history?: Turn[]; k?: number };
export type { AskEvent };

export type Asker = {
  stream(input: AskInput, signal?: AbortSignal): AsyncGenerator<AskEvent>;
  ask(input: AskInput, signal?: AbortSignal): Promise<Draft>;
};

/** The latest year any section speaks of: what "this year" means in the corpus. */
export function reportYear(index: Pick<LoadedIndex, "passages">): number | undefined {
  let max: number | undefined;
  for (const p of index.passages) {
    const y = sectionYear(p.section);
    if (y && (!max || y > max)) max = y;
  }
  return max;
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

/**
 * Question (+ history) -> retrieval -> an answer in the question's language. With a model,
 * the model writes the answer from the numbered passages and only what passes the checks
 * is sent (model-events.ts); any model failure, or an answer that does not pass, falls
 * back to the extractive answer.
 */
export function createAsker(index: LoadedIndex, search: Searcher, opts: AskerOptions = {}): Asker {
  const year = reportYear(index);
  generalIdf(""); // parse jieba's IDF table now, not on the first question

  const offline = (question: string, standalone: string, result: SearchResult): Draft =>
    answerExtractive(
      standalone,
      detectLanguage(question),
      questionKind(standalone, year),
      result,
      index,
    );

  // The offline answer is a pure function of the question, so popular questions are
  // answered from memory; the cache lives and dies with this engine (a new index, a new cache).
  const cache = new Map<string, Draft>();
  const cacheSize = opts.cacheSize ?? 1000;
  async function cachedOffline(question: string, standalone: string, k: number): Promise<Draft> {
    const key = `${detectLanguage(question)}\u0000${k}\u0000${standalone}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key); // most recently used last
      cache.set(key, hit);
      return hit;
    }
    const draft = offline(question, standalone, await search(standalone, k));
    if (cacheSize > 0) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, draft);
    }
    return draft;
  }

  async function* stream(
    input: AskInput,
    signal = new AbortController().signal,
  ): AsyncGenerator<AskEvent> {
    const { question, history = [], k = 5 } = input;
    const model = opts.model;
    const standalone = resolveFollowUp(question, history);
    if (!model) {
      yield* settledEvents(await cachedOffline(question, standalone, k));
      return;
    }
    // the model's calls stop when the client goes away or the budget is spent; only the
    // former ends the answer, the latter falls back like any model failure
    const budget = withBudget(signal, opts.modelBudgetMs);
    try {
      const path = { model, search, offline, log: opts.log };
      yield* modelEvents(path, { question, standalone, history, k }, signal, budget.signal);
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
