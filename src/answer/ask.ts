import type { LoadedIndex } from "../index/load-index.js";
import type { Logger } from "../log.js";
import type { Searcher, SearchResult } from "../retrieve/hybrid-search.js";
import { generalIdf } from "../text/general-idf.js";
import { detectLanguage } from "../text/language.js";
import { withBudget } from "./budget-signal.js";
import { answerExtractive, type Draft, toCitation } from "./extractive.js";
import { resolveFollowUp } from "./follow-up.js";
import { finishModelAnswer, mayBeRefusal } from "./model-answer.js";
import { type ModelPort, modelErrorFields } from "./model-port.js";
import { questionKind, sectionYear } from "./question-kind.js";
import type { Answer, Citation, Turn } from "./types.js";

export type AskInput = { question: string; history?: Turn[]; k?: number };

/** The one protocol of an answer, streamed or not: citations, text increments, the final answer. */
export type AskEvent =
  | { type: "citations"; citations: Citation[] }
  | { type: "delta"; text: string }
  | { type: "answer"; answer: Draft };

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

/**
 * Question (+ history) -> retrieval -> an answer in the question's language. With a model,
 * the model writes the answer from the numbered passages and the same citation checks
 * verify it; any model failure falls back to the extractive answer.
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
      const draft = await cachedOffline(question, standalone, k);
      yield { type: "citations", citations: draft.citations };
      for (const text of increments(draft.answer)) yield { type: "delta", text };
      yield { type: "answer", answer: draft };
      return;
    }
    // the model's calls stop when the client goes away or the budget is spent; only the
    // former ends the answer, the latter falls back like any model failure
    const budget = withBudget(signal, opts.modelBudgetMs);
    try {
      yield* modelEvents(model, { question, standalone, history, k }, signal, budget.signal);
    } finally {
      budget.done();
    }
  }

  /** The model's answer; `signal` is the client's, `modelSignal` adds the time budget. */
  async function* modelEvents(
    model: ModelPort,
    input: { question: string; standalone: string; history: Turn[]; k: number },
    signal: AbortSignal,
    modelSignal: AbortSignal,
  ): AsyncGenerator<AskEvent> {
    const { question, history, k } = input;
    const language = detectLanguage(question);
    let standalone = input.standalone;
    if (history.length) {
      try {
        standalone = await model.condense(question, history, modelSignal);
      } catch (err) {
        if (signal.aborted) throw err;
        opts.log?.warn("model condense failed, using offline follow-up", modelErrorFields(err));
      }
    }

    const result = await search(standalone, k);
    const passages = result.hits.map((h, i) => toCitation(h, i + 1));
    yield { type: "citations", citations: passages };
    // The model sees the standalone question (a follow-up alone lacks its topic); the
    // answer's language is still the asker's. Text that may be the refusal token is held
    // back, so that a client never sees it; the final answer then streams as offline.
    let text = "";
    let holding = true;
    try {
      const req = { question: standalone, language, passages };
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
      const draft = offline(question, standalone, result);
      yield { type: "citations", citations: draft.citations };
      for (const piece of increments(draft.answer)) yield { type: "delta", text: piece };
      yield { type: "answer", answer: draft };
      return;
    }
    const draft = finishModelAnswer(text, standalone, language, passages);
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
