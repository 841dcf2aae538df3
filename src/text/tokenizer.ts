import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { englishWords, normWord } from "./english.js";
import { figureTerm, findFigures } from "./numbers.js";

/** Words too common to say anything about a passage. */
const STOP = new Set(
  // function words, question words, and the fillers of questions ("一共", "目前")
  "的 了 和 与 及 等 是 在 为 对 把 被 将 从 以 于 并 也 都 而 或 之 其 这 那 个 有 上 中 下 年 我们 一个 什么 哪些 多少 几 吗 呢 呀 啊 怎么 如何 是否 哪个 哪里 一共 总共 共计 目前 现在 已经 大约 大概 请问".split(
    " ",
  ),
);

const SEGMENT = new RegExp(
  [
    /(?<figure>\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:万亿|万|亿))?\s*[%％]?)/.source,
    /(?<latin>\p{Script=Latin}[\p{Script=Latin}\p{M}0-9'-]*)/u.source,
    /(?<han>[\u3400-\u9fff\uf900-\ufaff]+)/.source,
  ].join("|"),
  "giu",
);

export type Tokenizer = {
  /** Search terms of a text: jieba words (fine and coarse), figures, Latin words (normalised as questions are, see english.ts). */
  terms(text: string): string[];
  /** Plain jieba segmentation of a Chinese run (no search-mode sub-words). */
  cut(text: string): string[];
  /** Is this a word of the dictionary (jieba's and the corpus's own)? */
  isWord(word: string): boolean;
  /**
   * The words of a Chinese text for a query: each coarse jieba word with the search terms it
   * yields (itself first, then its parts: 高新技术 -> 高新技术, 高新, 技术), stop words aside.
   */
  words(text: string): string[][];
};

/** NFKC folds full-width digits and letters; lower case for Latin. */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The frequency a user word gets in jieba's dictionary: high enough to stay one word. */
const USER_WORD_FREQUENCY = 2000;

/** jieba with its own dictionary and these words added as nouns (the corpus's, the domain's). */
export function jiebaWith(userWords: readonly string[] = []): Jieba {
  const jieba = Jieba.withDict(dict);
  if (userWords.length) {
    const lines = userWords.map((w) => `${w} ${USER_WORD_FREQUENCY} n`);
    jieba.loadDict(Buffer.from(lines.join("\n"), "utf8"));
  }
  return jieba;
}

/**
 * A tokenizer with the corpus's own words added to jieba's dictionary, so that
 * "成渝地区双城经济圈" stays one word (search mode still yields its parts).
 */
export function createTokenizer(userWords: readonly string[] = []): Tokenizer {
  const jieba = jiebaWith(userWords);
  const terms = (text: string): string[] => {
    const out: string[] = [];
    for (const m of foldText(text).matchAll(SEGMENT)) {
      const g = m.groups ?? {};
      if (g.figure) {
        for (const f of findFigures(g.figure)) out.push(figureTerm(f));
      } else if (g.latin) {
        for (const w of englishWords(g.latin)) out.push(normWord(w));
      } else if (g.han) {
        for (const w of jieba.cutForSearch(g.han, true)) if (!STOP.has(w)) out.push(w);
      }
    }
    return out;
  };
  const words = (text: string): string[][] => {
    const out: string[][] = [];
    for (const run of foldText(text).match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
      for (const w of jieba.cut(run, true)) {
        if (STOP.has(w)) continue;
        const parts = jieba.cutForSearch(w, true).filter((t) => t !== w && !STOP.has(t));
        out.push([w, ...parts]);
      }
    }
    return out;
  };
  return {
    terms,
    words,
    cut: (text) => jieba.cut(text, true),
    isWord: (word) => jieba.cutAll(word).includes(word),
  };
}

/** Quoted coinages of a text (“蓉漂人才矩阵”, “三城三都”): the corpus's own words. */
export function quotedTerms(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[“「"]([^”」"]{2,12})[”」"]/g)) {
    const w = (m[1] as string).trim();
    if (/^[\u3400-\u9fff0-9+]+$/.test(w)) out.add(w);
  }
  return [...out];
}
