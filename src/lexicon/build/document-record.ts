import type { Jieba } from "@node-rs/jieba";
import { pinyin } from "pinyin-pro";
import { z } from "zod";
import { domainWords } from "../../text/domain-words.js";
import { jiebaWith } from "../../text/tokenizer.js";
import { pinyinCode } from "../phonetic.js";
import { hasHeadword, type ReverseDictionary } from "./reverse-dictionary.js";

/**
 * What the lexicon needs from one document, whatever corpus it is in: the dictionary's
 * headwords it holds, the runs of it that may be names (with their sound codes), and the
 * readings of its words. A pure function of the document's text and the dictionary, so a
 * build reuses it for every document it has seen (lexicon-cache.ts) and reads only new ones.
 */
export const documentRecordSchema = z.object({
  headwords: z.array(z.string()),
  /** [Chinese, sound code] */
  names: z.array(z.tuple([z.string(), z.string()])),
  /** [Chinese word, toneless pinyin without spaces] */
  readings: z.array(z.tuple([z.string(), z.string()])),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

const RECORD_LIMITS = {
  /** longest dictionary word looked for, in characters (longer entries are sayings, not terms) */
  maxHeadword: 8,
  /** a character is name-like when at least this share of its dictionary entries are proper nouns (斯 克 尔, not 这 是 了) */
  minProperShare: 0.12,
  /** name candidates and readings, in characters */
  minLength: 2,
  maxLength: 8,
  /** jieba pieces joined back into one candidate */
  maxPieces: 3,
  /** words whose readings are kept (Chinese names written in pinyin: "Chunxi") */
  maxReadingLength: 6,
};

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** The segmenter for names: jieba's own dictionary and the domain words, the same for every document. */
let segmenter: Jieba | undefined;
function namesSegmenter(): Jieba {
  segmenter ??= jiebaWith(domainWords());
  return segmenter;
}

/** Toneless pinyin syllables of a Chinese string, one per character. */
const syllablesOf = (zh: string): string[] =>
  pinyin(zh, { toneType: "none", type: "array", v: true });

/** The sound code of a Chinese string (see phonetic.ts). */
const chineseCode = (zh: string): string => syllablesOf(zh).map(pinyinCode).join("");

/**
 * Runs that may be names: jieba's pieces joined back (one to three name-like pieces:
 * 卡万·肖特's 卡万 and 肖特, 坎 + 克利) and each whole run of name-like characters, which jieba
 * may have cut anywhere (马纳金镇 in 在马纳金镇地区).
 */
function nameCandidates(text: string, nameLike: (c: string) => boolean): Set<string> {
  const L = RECORD_LIMITS;
  const out = new Set<string>();
  const fits = (s: string) => s.length >= L.minLength && s.length <= L.maxLength;
  for (const run of text.match(HAN_RUN) ?? []) {
    let chars = "";
    for (const c of `${run}。`) {
      if (nameLike(c)) chars += c;
      else {
        if (fits(chars)) out.add(chars);
        chars = "";
      }
    }
    const pieces = namesSegmenter().cut(run, true);
    for (let i = 0; i < pieces.length; i++) {
      let joined = "";
      for (let n = 0; n < L.maxPieces && i + n < pieces.length; n++) {
        const piece = pieces[i + n] as string;
        if (![...piece].every(nameLike)) break;
        joined += piece;
        if (fits(joined)) out.add(joined);
      }
    }
  }
  return out;
}

/**
 * The record of one document's text (folded as the index folds it); `extra` are words to
 * look for beside the dictionary's (the glossary's).
 */
export function documentRecord(
  text: string,
  dictionary: ReverseDictionary,
  extra: ReadonlySet<string> = new Set(),
): DocumentRecord {
  const headwords = new Set<string>();
  let longest = Math.min(dictionary.longest, RECORD_LIMITS.maxHeadword);
  for (const w of extra) longest = Math.max(longest, w.length);
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= longest && i + n <= run.length; n++) {
        const s = run.slice(i, i + n);
        if (hasHeadword(dictionary, s) || extra.has(s)) headwords.add(s);
      }
    }
  }
  const nameLike = (c: string) => (dictionary.proper.get(c) ?? 0) >= RECORD_LIMITS.minProperShare;
  const names = [...nameCandidates(text, nameLike)].map((zh): [string, string] => [
    zh,
    chineseCode(zh),
  ]);
  const words = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (const w of namesSegmenter().cut(run, true)) {
      if (w.length >= 2 && w.length <= RECORD_LIMITS.maxReadingLength && HAN.test(w)) words.add(w);
    }
  }
  const readings = [...words].map((w): [string, string] => [w, syllablesOf(w).join("")]);
  return { headwords: [...headwords].sort(), names: names.sort(), readings: readings.sort() };
}
