import { pinyin } from "pinyin-pro";

/**
 * The corpus's Chinese words, for what people type that the reports do not: a homophone
 * typo (研法 for 研发: the same pinyin, typed with a pinyin input method) or an
 * abbreviation (保障房 for 保障性住房, 固投 for 固定资产投资: the characters of a longer
 * word, in order, from its first).
 */
export type Vocabulary = {
  has(term: string): boolean;
  /** corpus words read the same way (toneless pinyin) as an unknown word */
  homophones(word: string): string[];
  /** phrases of the corpus an unknown word abbreviates (固投 -> 固定资产投资), most frequent first */
  expansions(word: string): string[];
};

/** How far the variants reach (checked on the eval set's tuning part). */
export const VARIANT_LIMITS = {
  /** characters an abbreviation may leave out between two of its own */
  gap: 3,
  /** variants kept per unknown word */
  top: 3,
};

const HAN = /^[\u3400-\u9fff]{2,}$/;
const reading = (w: string) => pinyin(w, { toneType: "none", type: "array" }).join(" ");

const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "社会消费品零" found in "社会消费品零售总额增长" -> "社会消费品零售总额": to the end of its last word. */
function toWordEnd(
  text: string,
  start: number,
  length: number,
  cut: (t: string) => string[],
): string {
  const window = text.slice(start, start + length + 6);
  let end = 0;
  for (const w of cut(window)) {
    end += w.length;
    if (end >= length) break;
  }
  return window.slice(0, Math.max(end, length));
}

/**
 * A vocabulary over the corpus's terms and texts; its pinyin index is built on first use,
 * and the phrases an abbreviation stands for are looked up in the texts once per word.
 */
export function vocabulary(
  terms: () => Iterable<string>,
  df: (t: string) => number,
  texts: () => string[],
  /** jieba's cut, to end a phrase at the end of the word its last character is in */
  cut: (text: string) => string[],
): Vocabulary {
  const expanded = new Map<string, string[]>();
  let byReading: Map<string, string[]> | undefined;
  const index = () => {
    if (byReading) return byReading;
    byReading = new Map();
    for (const t of terms()) {
      if (!HAN.test(t)) continue;
      const r = reading(t);
      const same = byReading.get(r);
      if (same) same.push(t);
      else byReading.set(r, [t]);
    }
    return byReading;
  };
  const best = (words: string[]) =>
    words.sort((a, b) => df(b) - df(a) || a.localeCompare(b)).slice(0, VARIANT_LIMITS.top);
  return {
    has: (t) => df(t) > 0,
    homophones(word) {
      if (!HAN.test(word)) return [];
      return best((index().get(reading(word)) ?? []).filter((t) => t !== word));
    },
    expansions(word) {
      // a word that starts with a counting word or particle abbreviates nothing
      if (!HAN.test(word) || /^[个家项位次年的了是在和与及]/.test(word)) return [];
      const known = expanded.get(word);
      if (known) return known;
      // the word's characters in order, a few other characters (no punctuation) between
      const gap = `[\\u3400-\\u9fff]{0,${VARIANT_LIMITS.gap}}`;
      const re = new RegExp([...word].map(escapeChar).join(gap), "g");
      const counts = new Map<string, number>();
      for (const text of texts()) {
        for (const m of text.matchAll(re)) {
          if (m[0] === word) continue;
          const phrase = toWordEnd(text, m.index ?? 0, m[0].length, cut);
          counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        }
      }
      const out = [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, VARIANT_LIMITS.top)
        .map(([phrase]) => phrase);
      if (expanded.size > 10_000) expanded.clear();
      expanded.set(word, out);
      return out;
    },
  };
}
