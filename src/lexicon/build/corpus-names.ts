import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { pinyinCode } from "../phonetic.js";
import type { CedictEntry } from "./cedict.js";

/** A name in the corpus: its index terms (space-separated) and its sound code. */
export type NameCandidate = [string, string];

export type CorpusNames = {
  /** names for English names by sound */
  names: NameCandidate[];
  /** toneless pinyin -> the corpus's words spelt so ("tianfu" -> 天府) */
  pinyin: Record<string, string[]>;
};

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** jieba's tags for names, and "x" for the words its dictionary lacks */
const NAME_TAGS = new Set(["nr", "nrt", "nrfg", "ns", "nz", "x"]);
/** Characters that names hardly ever use (这 是 了) rule a run out as a name. */
const MIN_PROPER_SHARE = 0.12;

type CharInfo = { reading: string; properShare: number };

/**
 * What CC-CEDICT says about the corpus's characters and words: a character's reading as
 * names use it (the most frequent one in proper nouns, which have capitalised pinyin; else
 * that of its first own entry) and the share of its entries that are proper nouns (high for
 * 斯 克 尔, near 0 for 这 是 了); a word's own reading when it is an entry.
 */
function readings(cedict: readonly CedictEntry[], words: Set<string>, chars: Set<string>) {
  const inNames = new Map<string, Map<string, number>>();
  const ownChar = new Map<string, string>();
  const ownWord = new Map<string, string>();
  const entries = new Map<string, number>();
  const proper = new Map<string, number>();
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of cedict) {
    const [, zh, pinyin] = e;
    const syllables = pinyin.toLowerCase().split(" ");
    if (words.has(zh) && !ownWord.has(zh)) ownWord.set(zh, syllables.join(""));
    for (const c of new Set(zh)) if (chars.has(c)) count(entries, c);
    if (zh.length === 1) {
      if (chars.has(zh) && !ownChar.has(zh)) ownChar.set(zh, syllables[0] ?? "");
      continue;
    }
    if (!/^[A-Z]/.test(pinyin)) continue;
    for (const c of new Set(zh)) if (chars.has(c)) count(proper, c);
    if (syllables.length !== zh.length) continue;
    [...zh].forEach((c, i) => {
      if (!chars.has(c)) return;
      const m = inNames.get(c) ?? new Map<string, number>();
      inNames.set(c, count(m, syllables[i] as string));
    });
  }
  const info = new Map<string, CharInfo>();
  for (const c of chars) {
    const counts = inNames.get(c);
    const reading = (counts && [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]) ?? ownChar.get(c);
    if (!reading) continue;
    const properShare = (proper.get(c) ?? 0) / Math.max(1, entries.get(c) ?? 0);
    info.set(c, { reading: reading.replace(/\d/g, ""), properShare });
  }
  const wordReading = (w: string) => ownWord.get(w)?.replace(/\d/g, "");
  return { info, wordReading };
}

/** Runs of words that jieba tags as names or does not know, split at "·" and punctuation. */
function nameRuns(texts: string[], userWords: string[], terms: Set<string>): string[][] {
  const jieba = Jieba.withDict(dict);
  if (userWords.length) {
    jieba.loadDict(Buffer.from(userWords.map((w) => `${w} 2000 n`).join("\n"), "utf8"));
  }
  const runs: string[][] = [];
  for (const text of texts) {
    let run: string[] = [];
    for (const { word, tag } of jieba.tag(text, true)) {
      if (HAN.test(word) && terms.has(word) && NAME_TAGS.has(tag)) run.push(word);
      else {
        if (run.length) runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/**
 * The corpus's names for the query side. By sound: every run of one to three name words
 * (卡万·肖特, 科尔尼大道) with a sound code, for English names the lexicon lacks. By pinyin:
 * every word of two to six characters, for Chinese names written in English ("Chunxi").
 */
export function corpusNames(
  texts: string[],
  userWords: string[],
  terms: Set<string>,
  cedict: readonly CedictEntry[],
): CorpusNames {
  const forms = new Set<string>();
  for (const run of nameRuns(texts, userWords, terms)) {
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= 3 && i + n <= run.length; n++) {
        const words = run.slice(i, i + n);
        if (words.join("").length >= 2) forms.add(words.join(" "));
      }
    }
  }
  const words = [...terms].filter((t) => t.length >= 2 && t.length <= 6 && HAN.test(t));
  const chars = new Set([...words, ...forms].flatMap((w) => [...w.replace(/ /g, "")]));
  const { info, wordReading } = readings(cedict, new Set(words), chars);

  const names: NameCandidate[] = [];
  for (const form of forms) {
    const known = [...form.replace(/ /g, "")].map((c) => info.get(c));
    if (known.every((k): k is CharInfo => k !== undefined && k.properShare >= MIN_PROPER_SHARE)) {
      names.push([form, known.map((k) => pinyinCode(k.reading)).join("")]);
    }
  }
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const pinyin: Record<string, string[]> = {};
  for (const w of words) {
    const chars = [...w].map((c) => info.get(c)?.reading);
    const key = wordReading(w) ?? (chars.every(Boolean) ? chars.join("") : undefined);
    if (!key || !/^[a-z]+$/.test(key)) continue;
    const list = pinyin[key];
    if (list) list.push(w);
    else pinyin[key] = [w];
  }
  return { names, pinyin };
}
