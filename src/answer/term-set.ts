import type { Tokenizer } from "../text/tokenizer.js";

const caches = new WeakMap<Tokenizer, Map<string, Set<string>>>();
const LIMIT = 50_000;

/**
 * The search terms of a piece of a passage, as a set, remembered per tokenizer: answering
 * looks at the same sentences and clauses again and again, and jieba is the slow part.
 */
export function termSet(tokenizer: Tokenizer, text: string): Set<string> {
  let cache = caches.get(tokenizer);
  if (!cache) {
    cache = new Map();
    caches.set(tokenizer, cache);
  }
  let terms = cache.get(text);
  if (!terms) {
    if (cache.size >= LIMIT) cache.clear();
    terms = new Set(tokenizer.terms(text));
    cache.set(text, terms);
  }
  return terms;
}
