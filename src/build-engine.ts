import { createAsker } from "./answer/ask.js";
import { answerContext } from "./answer/context.js";
import type { ModelPort } from "./answer/model-port.js";
import type { Config } from "./config.js";
import { makeEmbeddings } from "./embed/make-embeddings.js";
import type { Engine } from "./engine.js";
import { openIndex } from "./index/open-index.js";
import type { Logger } from "./log.js";
import { placeIndex } from "./question/places.js";
import { createSearcher } from "./retrieve/hybrid-search.js";
import { createTokenizer } from "./text/tokenizer.js";

/**
 * How a request's time (REQUEST_TIMEOUT_MS) is shared. Set by hand with the model path,
 * not tuned on an eval; the rest is left for the extractive answer, which takes about a
 * millisecond (npm run bench).
 */
const REQUEST_BUDGET = {
  /** the model's share (0–1): past it the model is abandoned and the extractive answer given */
  modelShare: 0.8,
} as const;

/** The model answerer when OPENAI_API_KEY is set; the offline path never loads its client. */
async function modelFor(config: Config, log: Logger): Promise<ModelPort | undefined> {
  if (!config.chat) return undefined;
  const { loadModel } = await import("./answer/model/load-model.js");
  const model = await loadModel(config.chat);
  log.info("answers come from the model", {
    model: config.chat.model,
    concurrency: config.chat.concurrency,
    timeoutMs: config.chat.timeoutMs,
  });
  return model;
}

/** Open (or build) the index and wire the modules that answer requests. */
export async function buildEngine(
  config: Config,
  log: Logger,
  opts: { forceRebuild?: boolean } = {},
): Promise<Engine> {
  // prompts first: a broken prompt file fails the start before the index build
  const model = await modelFor(config, log);
  // The embedder's tokenizer only needs jieba's dictionary; corpus words are in BM25's.
  const { embeddings, name } = makeEmbeddings(config.embeddings, createTokenizer());
  const index = await openIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embeddings,
    embedder: name,
    force: opts.forceRebuild,
    log: log.info,
    warn: log.warn,
    worker: { embeddings: config.embeddings },
  });
  const search = createSearcher(index, {
    onDenseError: (err) =>
      log.warn("dense search failed, lexical only", {
        error: err instanceof Error ? err.name : "unknown",
      }),
  });
  const modelBudgetMs = Math.floor(config.requestTimeoutMs * REQUEST_BUDGET.modelShare);
  const places = placeIndex(index.docs);
  const context = answerContext(index, search, places);
  return {
    index,
    search,
    places,
    context,
    figures: index.figures,
    asker: createAsker(context, {
      log,
      model,
      modelBudgetMs,
      cacheSize: config.answerCacheSize,
    }),
  };
}
