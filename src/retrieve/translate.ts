import type { QueryGroup } from "../index/bm25.js";
import type { Lexicon } from "../index/lexicon.js";
import { stemEnglish } from "../text/tokenizer.js";

export type Translation = {
  /** weighted Chinese (and figure) term groups for BM25 */
  groups: QueryGroup[];
  /** a Chinese pseudo-query for the dense side */
  pseudo: string;
};

/**
 * English text -> Chinese search terms. (First cut: English words as they are, which
 * matches acronyms and figures the report writes in Latin script.)
 */
export function translateEnglish(text: string, lexicon: Lexicon | undefined): Translation {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  const groups: QueryGroup[] = [];
  const pseudo: string[] = [];
  for (const w of words) {
    const stem = stemEnglish(w);
    const senses = lexicon?.entries[stem] ?? [];
    groups.push({
      weight: 1,
      alts: [{ term: stem, p: 1 }, ...senses.map(([term, p]) => ({ term, p }))],
    });
    if (senses[0]) pseudo.push(senses[0][0]);
  }
  return { groups, pseudo: pseudo.join(" ") };
}
