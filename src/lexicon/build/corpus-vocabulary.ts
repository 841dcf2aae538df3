import type { Tokenizer } from "../../text/tokenizer.js";

/** How a Chinese word is found in the index: the terms to look up, and how much they count. */
export type CorpusForm = { form: string; share: number };

export type CorpusVocabulary = {
  /** every term of the lexical index, with the number of passages that hold it */
  df: ReadonlyMap<string, number>;
  /**
   * A Chinese word the corpus's text holds -> its index terms (none when the index cannot
   * find it); `text`, a text that holds it, for where the tokenizer cut it with its neighbours.
   */
  formsOf(zh: string, text?: string): CorpusForm[];
};

export type VocabularyOptions = {
  /** a word the tokenizer never cuts out stands for the terms around it up to this many more characters (0: off) */
  containSlack: number;
  /** weight of such surrounding terms */
  containShare: number;
  /** weight of a surrounding term that is a dictionary word of its own (合作 around 合), 0: none */
  containWordShare: number;
  /** surrounding terms kept, the most frequent first */
  containMax: number;
};

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]/;
/** characters either side of a word that decide how jieba cuts it */
const OCCURRENCE_CONTEXT = 12;

/** Each index term's document frequency: in how many passages' term lists it is. */
export function termDf(termLists: readonly string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of termLists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/**
 * The corpus's vocabulary as the index sees it (its terms, its tokenizer), and the way from
 * a dictionary word the text holds to index terms: the word itself when it is a term; else
 * the terms the tokenizer cuts it into when they hold all of it (研发经费 -> 研发 经费); else,
 * for a word the tokenizer never cuts out (a single character: search mode yields none), the
 * terms that end in it (队 -> 球队, 黑豹队), which count for less.
 */
export function corpusVocabulary(
  df: ReadonlyMap<string, number>,
  tokenizer: Tokenizer,
  o: VocabularyOptions,
  isWord: (zh: string) => boolean = () => false,
): CorpusVocabulary {
  const byChar = new Map<string, string[]>();
  for (const t of df.keys()) {
    if (t.length < 2 || !HAN.test(t)) continue;
    for (const c of new Set(t)) {
      const list = byChar.get(c);
      if (list) list.push(t);
      else byChar.set(c, [t]);
    }
  }
  // Chinese compounds put their head last: a word that ends in it is a kind of it (工匠 of
  // 匠 craftsman, 黑豹队 of 队 team, 入选 of 选 choose); one that starts with it mostly is not
  // (合作 "cooperate" is no "round" for 合)
  const around = (zh: string): string[] =>
    (byChar.get(zh[0] as string) ?? [])
      .filter(
        (t) =>
          t.length <= zh.length + o.containSlack &&
          t.endsWith(zh) &&
          (o.containWordShare > 0 || !isWord(t)),
      )
      .sort(
        (a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || a.length - b.length || (a < b ? -1 : 1),
      )
      .slice(0, o.containMax);

  /**
   * The index terms the text has where it writes zh, when jieba cut it with a neighbour on
   * one side only (减税降费 -> 减税 降费及); a word that straddles two words on both sides
   * is not written there (新生 in 创新|生态).
   */
  const atOccurrence = (zh: string, text: string): CorpusForm[] => {
    const i = text.indexOf(zh);
    if (i < 0) return [];
    const end = i + zh.length;
    const from = Math.max(0, i - OCCURRENCE_CONTEXT);
    let at = from;
    let aligned = false;
    const terms = new Set<string>();
    for (const piece of tokenizer.cut(text.slice(from, end + OCCURRENCE_CONTEXT))) {
      const next = at + piece.length;
      if (at === i || next === end) aligned = true;
      if (at < end && next > i && df.has(piece)) terms.add(piece);
      at = next;
    }
    return aligned && terms.size ? [{ form: [...terms].join(" "), share: 1 }] : [];
  };

  const cache = new Map<string, CorpusForm[]>();
  const formsOf = (zh: string, text?: string): CorpusForm[] => {
    const cached = cache.get(zh);
    if (cached) return cached;
    let found: CorpusForm[] = [];
    if (df.has(zh)) found = [{ form: zh, share: 1 }];
    else {
      // its coarsest parts (国家 高新技术企业, not every sub-word of search mode), which must
      // hold the whole word: 泰晤士 alone is not 泰晤士报
      const covers = (parts: string[]) => {
        const covered = new Set(parts.join(""));
        return parts.length > 0 && [...zh].every((c) => covered.has(c));
      };
      if (zh.length > 1) {
        const coarse = [...new Set(tokenizer.cut(zh))].filter((t) => df.has(t));
        const fine = [...new Set(tokenizer.terms(zh))].filter((t) => df.has(t));
        const parts = covers(coarse) ? coarse : covers(fine) ? fine : [];
        if (parts.length) found = [{ form: parts.join(" "), share: 1 }];
      }
      if (!found.length && zh.length > 1 && text) found = atOccurrence(zh, text);
      if (!found.length && o.containSlack > 0) {
        // each corpus word that contains it is a sense of its own (any one of them holds it)
        found = around(zh).map((form) => ({
          form,
          share: isWord(form) ? o.containWordShare : o.containShare,
        }));
      }
    }
    cache.set(zh, found);
    return found;
  };
  return { df, formsOf };
}
