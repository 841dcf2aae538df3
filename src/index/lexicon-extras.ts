import { lexiconOf } from "../lexicon/build/build-lexicon.js";
import type { BuiltCorpus } from "./build-index.js";
import { FILES } from "./layout.js";

/** The index build's hook: the corpus's English->Chinese lexicon as lexicon.json beside the index. */
export async function lexiconExtras(corpus: BuiltCorpus): Promise<Record<string, unknown>> {
  return { [FILES.lexicon]: await lexiconOf(corpus.texts, corpus.userWords) };
}
