import { join } from "node:path";
import {
  corpusLexicon,
  type LexiconBuild,
  type LexiconSource,
} from "../lexicon/build/corpus-lexicon.js";
import type { BuiltCorpus } from "./build-index.js";
import { FILES } from "./layout.js";

/** The lexicon's cache inside an index folder: it outlives the builds, which come and go. */
export const lexiconCacheDir = (indexDir: string) => join(indexDir, "lexicon-cache");

/** What the lexicon is made from, as an index build saw the corpus. */
export const lexiconSourceOf = (corpus: BuiltCorpus): LexiconSource => ({
  texts: corpus.texts,
  docs: corpus.passages.map((p) => p.doc),
  df: corpus.df,
  tokenizer: corpus.tokenizer,
  userWords: corpus.userWords,
});

/**
 * The index build's hook: the corpus's English->Chinese lexicon as lexicon.json beside the
 * index, made through the cache in the index folder. `onBuild` hears what was reused.
 */
export function lexiconExtras(indexDir: string, onBuild?: (build: LexiconBuild) => void) {
  return async (corpus: BuiltCorpus): Promise<Record<string, unknown>> => {
    const build = await corpusLexicon(lexiconSourceOf(corpus), {
      cacheDir: lexiconCacheDir(indexDir),
    });
    onBuild?.(build);
    return { [FILES.lexicon]: build.lexicon };
  };
}
