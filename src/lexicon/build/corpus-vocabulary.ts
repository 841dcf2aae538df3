import { createTokenizer, foldText, type Tokenizer } from "../../text/tokenizer.js";

/** How a Chinese word is found in the index: the terms to look up, and how much they count. */
export type CorpusForm = { form: string; share: number };

export type CorpusVocabulary = {
  tokenizer: Tokenizer;
  /** indexed texts, folded as the index folds them */
  texts: string[];
  /** every term of the lexical index */
  terms: Set<string>;
  /** a Chinese word -> its index terms (none when the corpus lacks it) */
  formsOf(zh: string): CorpusForm[];
};

export type VocabularyOptions = {
  /** longest Chinese word looked for as a substring of the corpus, in characters */
  maxHeadword: number;
  /** a word the tokenizer never cuts out stands for the terms around it up to this many more characters (0: off) */
  containSlack: number;
  /** weight of such surrounding terms */
  containShare: number;
};

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Every Chinese substring of the texts up to `max` characters. */
function substrings(texts: string[], max: number): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const run of t.match(HAN_RUN) ?? []) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= max && i + n <= run.length; n++) out.add(run.slice(i, i + n));
      }
    }
  }
  return out;
}

/**
 * The corpus's vocabulary as the index sees it (same tokenizer, same user words), and the
 * way from a dictionary word to index terms: the word itself when it is a term; else, when
 * the corpus has it as a substring, the terms the tokenizer cuts it into (研发经费 -> 研发 经费);
 * else the short terms around it (豹 -> 黑豹), which count for less.
 */
export function corpusVocabulary(
  indexedTexts: string[],
  userWords: string[],
  o: VocabularyOptions,
): CorpusVocabulary {
  const tokenizer = createTokenizer(userWords);
  const texts = indexedTexts.map(foldText);
  const terms = new Set<string>();
  for (const t of texts) for (const term of tokenizer.terms(t)) terms.add(term);
  const inText = substrings(texts, o.maxHeadword);
  const byChar = new Map<string, string[]>();
  for (const t of terms) {
    if (t.length < 2 || !/^[\u3400-\u9fff]/.test(t)) continue;
    for (const c of new Set(t)) {
      const list = byChar.get(c);
      if (list) list.push(t);
      else byChar.set(c, [t]);
    }
  }
  const around = (zh: string): string[] =>
    (byChar.get(zh[0] as string) ?? [])
      .filter((t) => t.length <= zh.length + o.containSlack && t.includes(zh))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, 3);

  const cache = new Map<string, CorpusForm[]>();
  const formsOf = (zh: string): CorpusForm[] => {
    const cached = cache.get(zh);
    if (cached) return cached;
    let found: CorpusForm[] = [];
    if (terms.has(zh)) found = [{ form: zh, share: 1 }];
    else if (inText.has(zh)) {
      const parts =
        zh.length > 1 ? [...new Set(tokenizer.terms(zh))].filter((t) => terms.has(t)) : [];
      if (parts.length) found = [{ form: parts.join(" "), share: 1 }];
      else if (o.containSlack > 0) {
        const outer = around(zh);
        // each corpus word that contains it is a sense of its own (any one of them holds it)
        found = outer.map((form) => ({ form, share: o.containShare }));
      }
    }
    cache.set(zh, found);
    return found;
  };
  return { tokenizer, texts, terms, formsOf };
}
