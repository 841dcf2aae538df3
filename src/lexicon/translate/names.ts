import type { Lexicon } from "../lexicon.js";
import { pinyinSyllables, wordCodes } from "../phonetic.js";
import { type PreparedCode, prepareCode, preparedSimilarity } from "../sound-similarity.js";
import type { Budget } from "./budget.js";

export type NameOptions = {
  /** least phonetic similarity for a corpus name to stand for an English one */
  threshold: number;
  /** corpus names kept per English name */
  top: number;
};

/**
 * The sound steps' bounds. Set by hand, not tuned: the cross-validation of xquad-cv.ts tries
 * only NameOptions' threshold.
 */
const NAME_LIMITS = {
  /** words the sound steps look at, in letters: longer ones are not names */
  minLetters: 3,
  maxLetters: 16,
  maxPinyinLetters: 24,
  /** Chinese codes compared, in length relative to the English code's */
  minLengthRatio: 0.6,
  maxLengthRatio: 1.8,
  /** names kept: those within this similarity of the best one */
  nearBest: 0.1,
  /** the weight of a name just at the threshold; a perfect one weighs 1, the rest in between */
  thresholdWeight: 0.5,
  /** the budget's charge per letter of a word read as pinyin */
  pinyinCostPerLetter: 6,
  /** the weight of a word spelt as the pinyin plus one more syllable (春熙路 for "Chunxi") */
  extraSyllableWeight: 0.8,
  /** words a pinyin spelling stands for, at most */
  maxPinyinSenses: 4,
};

/** A name's weight from its similarity: thresholdWeight at the threshold, 1 for a perfect one. */
const weightOf = (similarity: number, threshold: number) => {
  const w = NAME_LIMITS.thresholdWeight;
  return w + ((1 - w) * (similarity - threshold)) / (1 - threshold);
};

type NameIndex = {
  /** names by the class of their first sound (a vowel, or a consonant class): [index terms, code] */
  byInitial: Map<string, [string, PreparedCode, string][]>;
  /** [toneless pinyin, words] sorted by pinyin, for prefix search */
  readings: [string, string[]][];
};
const indexes = new WeakMap<Lexicon, NameIndex>();

const isVowel = (c: string) => c >= "a" && c <= "z";
const initialOf = (code: string) => {
  const c = code[0] ?? "";
  return isVowel(c) ? "a" : c;
};
/** First sounds transliteration lets stand for each other (see NEAR in phonetic.ts). */
const NEAR_INITIALS: Record<string, string[]> = {
  P: ["F"],
  F: ["P", "W"],
  W: ["F", "a"],
  K: ["J", "H"],
  J: ["K", "S", "Y", "T"],
  S: ["J", "T"],
  T: ["S", "J"],
  H: ["K", "a"],
  L: ["N"],
  N: ["L", "M"],
  M: ["N"],
  Y: ["J", "a"],
  a: ["H", "W", "Y"],
};

const consonants = (code: string) => code.replace(/[a-z]/g, "");
const near = (a: string | undefined, b: string | undefined) =>
  a === b || (a !== undefined && b !== undefined && (NEAR_INITIALS[a] ?? []).includes(b));

/**
 * A cheap test before the full comparison: a rendering keeps the English name's second
 * consonant (or one near it) among the Chinese name's first three.
 */
function secondSoundKept(english: string, chinese: string): boolean {
  const e = english[1];
  if (e === undefined || chinese.length < 2) return true;
  return near(e, chinese[1]) || near(e, chinese[2]) || near(e, chinese[0]);
}

/** The lexicon's names by first sound and its readings sorted, made once per lexicon (at searcher creation). */
export function nameIndex(lex: Lexicon): NameIndex {
  let found = indexes.get(lex);
  if (found) return found;
  found = { byInitial: new Map(), readings: Object.entries(lex.pinyin).sort() };
  for (const [form, code] of lex.names) {
    const k = initialOf(code);
    const name: [string, PreparedCode, string] = [form, prepareCode(code), consonants(code)];
    const list = found.byInitial.get(k);
    if (list) list.push(name);
    else found.byInitial.set(k, [name]);
  }
  indexes.set(lex, found);
  return found;
}

/**
 * An English name the dictionary lacks ("Kearney", "Kuechly") -> the corpus's Chinese names
 * that sound most like it (科尔尼, 坎克利), with p from the phonetic similarity. Only names of
 * about the same length and a compatible first sound are compared.
 */
export function nameSenses(
  word: string,
  lexicon: Lexicon,
  o: NameOptions,
  budget: Budget,
): [string, number][] {
  if (word.length < NAME_LIMITS.minLetters || word.length > NAME_LIMITS.maxLetters) return [];
  const codes = wordCodes(word).filter((c) => c.replace(/[a-z]/g, "").length >= 2);
  if (!codes.length) return [];
  const index = nameIndex(lexicon);
  const scored: [string, number][] = [];
  const charge = (cells: number) => budget.charge(cells);
  for (const code of codes) {
    const english = prepareCode(code);
    const skeleton = consonants(code);
    const initial = initialOf(code);
    for (const k of [initial, ...(NEAR_INITIALS[initial] ?? [])]) {
      const names = index.byInitial.get(k) ?? [];
      if (!budget.grant(names.length)) return [];
      for (const [form, chinese, theirs] of names) {
        const m = chinese.chars.length;
        if (
          m < code.length * NAME_LIMITS.minLengthRatio ||
          m > code.length * NAME_LIMITS.maxLengthRatio ||
          !secondSoundKept(skeleton, theirs)
        )
          continue;
        if (!budget.grant(m)) break;
        const s = preparedSimilarity(english, chinese, o.threshold, charge);
        if (s >= o.threshold) scored.push([form, s]);
      }
    }
  }
  const best = new Map<string, number>();
  for (const [form, s] of scored) best.set(form, Math.max(best.get(form) ?? 0, s));
  const ranked = [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .slice(0, o.top)
    .filter(([, s]) => s >= top - NAME_LIMITS.nearBest)
    .map(([form, s]) => [form, weightOf(s, o.threshold)]);
}

/**
 * A Chinese name written in pinyin ("Chunxi", "Tianfu") -> the corpus's words spelt so, or
 * spelt so plus one more syllable (春熙路 for "Chunxi": road, district, county...).
 */
export function pinyinSenses(word: string, lexicon: Lexicon, budget: Budget): [string, number][] {
  const w = word.toLowerCase();
  const L = NAME_LIMITS;
  if (w.length > L.maxPinyinLetters || !budget.grant(w.length * L.pinyinCostPerLetter)) return [];
  const syllables = pinyinSyllables(w);
  if (!syllables || syllables.length < 2) return [];
  const { readings } = nameIndex(lexicon);
  let lo = 0;
  let hi = readings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((readings[mid] as [string, string[]])[0] < w) lo = mid + 1;
    else hi = mid;
  }
  const out: [string, number][] = [];
  for (let i = lo; i < readings.length; i++) {
    const [key, words] = readings[i] as [string, string[]];
    if (!key.startsWith(w) || !budget.grant(1)) break;
    const rest = key.slice(w.length);
    const p = rest === "" ? 1 : pinyinSyllables(rest)?.length === 1 ? L.extraSyllableWeight : 0;
    if (p) for (const zh of words) out.push([zh, p]);
  }
  return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, L.maxPinyinSenses);
}
