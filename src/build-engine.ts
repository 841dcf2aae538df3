import { createAsker } from "./answer/ask.js";
import type { Config } from "./config.js";
import { makeEmbeddings } from "./embed/make-embeddings.js";
import type { Engine } from "./engine.js";
import { openIndex } from "./index/open-index.js";
import type { Logger } from "./log.js";
import { createSearcher } from "./retrieve/hybrid-search.js";
import { createTokenizer } from "./text/tokenizer.js";

/** Open (or build) the index and wire the modules that answer requests. */
export async function buildEngine(
  config: Config,
  log: Logger,
  opts: { forceRebuild?: boolean } = {},
): Promise<Engine> {
  // The embedder's tokenizer only needs jieba's dictionary; corpus words are in BM25's.
  const { embeddings, name } = makeEmbeddings(config.embeddings, createTokenizer());
  const index = await openIndex({
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    embeddings,
    embedder: name,
    force: opts.forceRebuild,
    log: log.info,
  });
  const search = createSearcher(index);
  return { index, search, asker: createAsker(index, search, { log }) };
}
