import type { Lexicon } from "../lexicon.js";
import { phoneticSimilarity, pinyinSyllables, wordCodes } from "../phonetic.js";

export type NameOptions = {
  /** least phonetic similarity for a corpus name to stand for an English one */
  threshold: number;
  /** corpus names kept per English name */
  top: number;
};

/**
 * An English name the dictionary lacks ("Kearney", "Kuechly") -> the corpus's Chinese names
 * that sound most like it (科尔尼, 坎克利), with p from the phonetic similarity.
 */
export function nameSenses(word: string, lexicon: Lexicon, o: NameOptions): [string, number][] {
  const codes = wordCodes(word).filter((c) => c.replace(/[a-z]/g, "").length >= 2);
  if (!codes.length) return [];
  const scored: [string, number][] = [];
  for (const [form, chinese] of lexicon.names ?? []) {
    const s = Math.max(...codes.map((c) => phoneticSimilarity(c, chinese)));
    if (s >= o.threshold) scored.push([form, s]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  const best = scored[0]?.[1] ?? 0;
  return scored
    .slice(0, o.top)
    .filter(([, s]) => s >= best - 0.1)
    .map(([form, s]) => [form, (s - o.threshold) / (1 - o.threshold) / 2 + 0.5]);
}

/**
 * A Chinese name written in pinyin ("Chunxi", "Tianfu") -> the corpus's words spelt so, or
 * spelt so plus one more syllable (春熙路 for "Chunxi": road, district, county...).
 */
export function pinyinSenses(word: string, lexicon: Lexicon): [string, number][] {
  const w = word.toLowerCase();
  const syllables = pinyinSyllables(w);
  if (!syllables || syllables.length < 2 || !lexicon.pinyin) return [];
  const out: [string, number][] = [];
  for (const [key, words] of Object.entries(lexicon.pinyin)) {
    if (!key.startsWith(w)) continue;
    const rest = key.slice(w.length);
    const p = rest === "" ? 1 : (pinyinSyllables(rest)?.length ?? 9) === 1 ? 0.8 : 0;
    if (p) for (const zh of words) out.push([zh, p]);
  }
  return out.sort((a, b) => b[1] - a[1]).slice(0, 4);
}
