import { readFileSync } from "node:fs";
import type { QueryGroup } from "../index/bm25.js";
import type { Tokenizer } from "../text/tokenizer.js";

/** word -> report words, from zh-synonyms.txt (read once). */
const SYNONYMS: ReadonlyMap<string, string[]> = new Map(
  readFileSync(new URL("./zh-synonyms.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [word, ...alts] = l.split(/\s+/);
      return [word as string, alts];
    }),
);

/** Add the report's words as alternatives of a group's everyday words. */
export function expandSynonyms(groups: QueryGroup[], tokenizer: Tokenizer): QueryGroup[] {
  return groups.map((g) => {
    // a report word the tokenizer splits (规模以上 -> 规模, 以上) adds all its parts
    const extra = g.alts.flatMap((a) =>
      (SYNONYMS.get(a.term) ?? []).flatMap((w) => tokenizer.terms(w)),
    );
    if (!extra.length) return g;
    const seen = new Set(g.alts.map((a) => a.term));
    const alts = [...g.alts];
    for (const term of extra) {
      if (!seen.has(term)) {
        seen.add(term);
        alts.push({ term, p: 0.8 });
      }
    }
    return { ...g, alts };
  });
}
