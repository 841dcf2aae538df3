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

/** How much a report word that stands for an everyday one counts, beside the word itself. */
const SYNONYM_P = 0.8;

/**
 * Add the report's words as alternatives of a group's everyday words. A report word the
 * tokenizer splits (规模以上 -> 规模, 以上) is a sense of several terms: the whole term
 * counts fully, each part only its share, and answering weighs them together.
 */
export function expandSynonyms(groups: QueryGroup[], tokenizer: Tokenizer): QueryGroup[] {
  return groups.map((g) => {
    const phrases = g.alts.flatMap((a) => SYNONYMS.get(a.term) ?? []);
    if (!phrases.length) return g;
    const alts = new Map(g.alts.map((a) => [a.term, a.p]));
    const put = (t: string, p: number) => alts.set(t, Math.max(alts.get(t) ?? 0, p));
    const senses: string[][] = [...(g.senses ?? [])];
    for (const phrase of phrases) {
      const terms = [...new Set(tokenizer.terms(phrase))];
      if (terms.length === 1 && terms[0]) put(terms[0], SYNONYM_P);
      else {
        for (const t of terms) put(t, t === phrase ? SYNONYM_P : SYNONYM_P / terms.length);
        senses.push(terms.filter((t) => t !== phrase));
      }
    }
    const out: QueryGroup = { ...g, alts: [...alts].map(([term, p]) => ({ term, p })) };
    if (senses.length) out.senses = g.senses ? senses : [[g.alts[0]?.term ?? ""], ...senses];
    return out;
  });
}
