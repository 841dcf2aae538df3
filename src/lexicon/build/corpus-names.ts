import type { CorpusDocument } from "./build-lexicon.js";
import type { CorpusVocabulary } from "./corpus-vocabulary.js";

export type CorpusNames = {
  /** [index terms, sound code] of every run that may be a name, for English names by sound */
  names: [string, string][];
  /** toneless pinyin -> the corpus's words spelt so ("tianfu" -> 天府), for Chinese names in pinyin */
  pinyin: Record<string, string[]>;
};

/** The index terms a run of the text is found by: itself or its parts, else the terms around it. */
function formOf(zh: string, text: string, vocabulary: CorpusVocabulary): string | undefined {
  const forms = vocabulary.formsOf(zh, text);
  return (forms.find((f) => f.share === 1) ?? forms[0])?.form;
}

/** The corpus's names, from its documents' records, as the index's terms. */
export function corpusNames(
  documents: CorpusDocument[],
  vocabulary: CorpusVocabulary,
): CorpusNames {
  const names = new Map<string, string>();
  for (const { text, record: r } of documents) {
    for (const [zh, code] of r.names) {
      const form = formOf(zh, text, vocabulary);
      if (form && code) names.set(`${form}\t${code}`, code);
    }
  }
  const pinyin = new Map<string, Set<string>>();
  for (const { text, record: r } of documents) {
    for (const [word, reading] of r.readings) {
      if (!/^[a-z]+$/.test(reading)) continue;
      const form = formOf(word, text, vocabulary);
      if (!form) continue;
      const words = pinyin.get(reading) ?? new Set<string>();
      pinyin.set(reading, words.add(form));
    }
  }
  return {
    names: [...names.keys()].sort().map((k) => k.split("\t") as [string, string]),
    pinyin: Object.fromEntries(
      [...pinyin.keys()].sort().map((k) => [k, [...(pinyin.get(k) as Set<string>)].sort()]),
    ),
  };
}
