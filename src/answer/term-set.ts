import type { Tokenizer } from "../text/tokenizer.js";
import { perTokenizerCache } from "./per-tokenizer-cache.js";

const cached = perTokenizerCache<Set<string>>(50_000);

/**
 * The search terms of a piece of a passage, as a set, remembered per tokenizer: answering
 * looks at the same sentences and clauses again and again, and jieba is the slow part.
 */
export function termSet(tokenizer: Tokenizer, text: string): Set<string> {
  return cached(tokenizer, text, () => new Set(tokenizer.terms(text)));
}
