import type { Tokenizer } from "../text/tokenizer.js";

/**
 * A cache of what a tokenizer made of a text, one per tokenizer (a new index, a new
 * tokenizer, a new cache); emptied when it reaches `limit` entries, so memory stays bounded.
 */
export function perTokenizerCache<V>(limit: number) {
  const caches = new WeakMap<Tokenizer, Map<string, V>>();
  return (tokenizer: Tokenizer, key: string, make: () => V): V => {
    let cache = caches.get(tokenizer);
    if (!cache) {
      cache = new Map();
      caches.set(tokenizer, cache);
    }
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = make();
      cache.set(key, value);
    }
    return value;
  };
}
