import type { Config } from "./config.js";
import { makeEmbeddings } from "./embed/make-embeddings.js";
import type { LoadedIndex } from "./index/load-index.js";
import { openIndex } from "./index/open-index.js";
import type { Logger } from "./log.js";
import { createSearcher, type Searcher } from "./retrieve/hybrid-search.js";
import { createTokenizer } from "./text/tokenizer.js";

export type Deps = {
  config: Config;
  log: Logger;
  index: LoadedIndex;
  search: Searcher;
};

/** Open (or build) the index and wire the modules that answer requests. */
export async function buildDeps(
  config: Config,
  log: Logger,
  opts: { forceRebuild?: boolean } = {},
): Promise<Deps> {
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
  return { config, log, index, search: createSearcher(index) };
}
