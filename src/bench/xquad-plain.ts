import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { Bm25, buildBm25, type QueryGroup, termGroups } from "../index/bm25.js";
import type { CedictEntry } from "../lexicon/build/cedict.js";

/** A baseline ranker: passage indices, best first. */
export type PlainSearch = (question: string, k: number) => number[];

const WORD = /[\p{L}\p{N}]/u;
const ENGLISH = /[A-Za-z]+/g;
const STOP = new Set(
  "a an the of in on at to for by with from and or is are was were be been do does did what which who whom when where why how".split(
    " ",
  ),
);

/** The English words a gloss piece is when it is one word ("to grow" -> grow, "(coll.) cat" -> cat). */
function glossWord(piece: string): string | undefined {
  const w = piece
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .trim()
    .replace(/^(?:to|a|an|the) /i, "")
    .toLowerCase();
  return /^[a-z]+$/.test(w) ? w : undefined;
}

const singular = (w: string) =>
  w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;

/** English word -> every CC-CEDICT headword glossed by it alone. */
export type NaiveSenses = Map<string, Set<string>>;

export function naiveSenses(cedict: readonly CedictEntry[]): NaiveSenses {
  const senses: NaiveSenses = new Map();
  for (const e of cedict) {
    for (const def of Array.isArray(e[3]) ? e[3] : [e[3]]) {
      for (const piece of def.split(/[;,]/)) {
        const w = glossWord(piece);
        if (!w) continue;
        const key = singular(w);
        const set = senses.get(key) ?? new Set<string>();
        senses.set(key, set.add(e[1]));
      }
    }
  }
  return senses;
}

/**
 * The peer everyone writes first: BM25 (k1 1.2, b 0.75) over plain jieba words, each word
 * of a question its own term; English words through a naive CC-CEDICT lookup, every
 * headword whose gloss is that word, all alike (no phrases, no names, no weights).
 */
export function plainBm25(texts: string[], senses: NaiveSenses): PlainSearch {
  const jieba = Jieba.withDict(dict);
  const words = (text: string) => jieba.cut(text.toLowerCase(), true).filter((w) => WORD.test(w));
  const bm25 = new Bm25(buildBm25(texts.map(words)));
  const english = (question: string): QueryGroup[] => {
    const groups: QueryGroup[] = [];
    for (const m of question.match(ENGLISH) ?? []) {
      const w = m.toLowerCase();
      if (STOP.has(w)) continue;
      const terms = new Set<string>([w]);
      for (const zh of senses.get(singular(w)) ?? []) {
        for (const t of words(zh)) if (bm25.df(t) > 0) terms.add(t);
      }
      groups.push({ weight: 1, alts: [...terms].map((term) => ({ term, p: 1 })) });
    }
    return groups;
  };
  return (question, k) => {
    const chinese = question.replace(ENGLISH, " ");
    const groups = [...termGroups(words(chinese)), ...english(question)];
    return bm25.search(groups, k).map((s) => s.index);
  };
}
