import type { Tokenizer } from "../../text/tokenizer.js";
import type { Lexicon } from "../lexicon.js";
import { MAX_PHRASE } from "./cedict-glosses.js";
import { corpusNames } from "./corpus-names.js";
import { corpusVocabulary, type VocabularyOptions } from "./corpus-vocabulary.js";
import type { DocumentRecord } from "./document-record.js";
import { hasHeadword, headwordOf, type ReverseDictionary } from "./reverse-dictionary.js";
import {
  DEFAULT_SENSE_OPTIONS,
  rankSenses,
  type SenseEvidence,
  type SenseOptions,
} from "./sense-ranking.js";

export type LexiconOptions = VocabularyOptions &
  SenseOptions & {
    /** p of the dictionary's senses of a key the glossary has, relative to the glossary's */
    glossaryRest: number;
  };

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = {
  ...DEFAULT_SENSE_OPTIONS,
  containSlack: 3,
  containShare: 0.5,
  containWordShare: 0.5,
  containMax: 5,
  glossaryRest: 0.25,
};

export type LexiconInput = {
  /** each index term's passage count, as the lexical index has them (termDf) */
  df: ReadonlyMap<string, number>;
  /** the index's tokenizer (its user words) */
  tokenizer: Tokenizer;
  dictionary: ReverseDictionary;
  /** each document of the corpus: its text (folded as the index folds it) and its record */
  documents: CorpusDocument[];
  /** [English key, Chinese words][] (glossary.ts) */
  glossary?: [string, string[]][];
  options?: Partial<LexiconOptions>;
};

export type CorpusDocument = { text: string; record: DocumentRecord };

/** Every sense the corpus offers each English key, with its evidence (see sense-ranking.ts). */
export type KeyEvidence = Map<string, SenseEvidence[]>;

/**
 * The evidence of a corpus: for each dictionary headword its text holds, each English key
 * the headword glosses, found in the index by the headword's forms (corpus-vocabulary.ts).
 */
function collectEvidence(input: LexiconInput, o: LexiconOptions) {
  const vocabulary = corpusVocabulary(input.df, input.tokenizer, o, (zh) =>
    hasHeadword(input.dictionary, zh),
  );
  const evidence: KeyEvidence = new Map();
  /** each word the corpus holds -> a text that holds it */
  const inText = new Map<string, string>();
  for (const d of input.documents) {
    for (const zh of d.record.headwords) if (!inText.has(zh)) inText.set(zh, d.text);
  }
  for (const [zh, text] of inText) {
    const head = headwordOf(input.dictionary, zh);
    if (!head) continue;
    const forms = vocabulary.formsOf(zh, text);
    if (!forms.length) continue;
    for (const [key, [weight, rank]] of head.keys) {
      const list = evidence.get(key) ?? [];
      evidence.set(key, list);
      for (const { form, share } of forms) {
        const df = Math.min(...form.split(" ").map((t) => vocabulary.df.get(t) ?? 0));
        list.push({
          form,
          weight: weight * share,
          rank,
          definitions: head.definitions,
          frequency: head.frequency,
          df,
        });
      }
    }
  }
  return { vocabulary, evidence, inText };
}

/**
 * The lexicon of one corpus: each English key's senses among the corpus's words, ranked by
 * sense-ranking.ts; the glossary's words for a key first, the dictionary's behind them
 * (glossaryRest); the corpus's Latin-script terms; its names by sound and by pinyin.
 */
export function buildLexicon(input: LexiconInput): Lexicon {
  const o = { ...DEFAULT_LEXICON_OPTIONS, ...input.options };
  const { vocabulary, evidence, inText } = collectEvidence(input, o);
  const entries: Record<string, [string, number][]> = {};
  for (const [key, candidates] of evidence) {
    const senses = rankSenses(candidates, o);
    if (senses.length) entries[key] = senses;
  }
  for (const [key, alts] of input.glossary ?? []) {
    const own = new Map<string, number>();
    for (const zh of alts) {
      if (!inText.has(zh) && !vocabulary.df.has(zh)) continue;
      for (const { form, share } of vocabulary.formsOf(zh, inText.get(zh))) {
        own.set(form, Math.max(own.get(form) ?? 0, share));
      }
    }
    if (!own.size) continue;
    const rest = (Object.hasOwn(entries, key) ? (entries[key] ?? []) : []).filter(
      ([f]) => !own.has(f),
    );
    entries[key] = [
      ...[...own].map(([f, share]): [string, number] => [f, share]),
      ...rest.map(([f, p]): [string, number] => [f, Number((p * o.glossaryRest).toPrecision(3))]),
    ].sort((a, b) => b[1] - a[1]);
  }
  let maxPhrase = 1;
  for (const key of Object.keys(entries)) maxPhrase = Math.max(maxPhrase, key.split(" ").length);
  return {
    entries,
    latin: [...vocabulary.df.keys()].filter((t) => /^[a-z]/.test(t)).sort(),
    maxPhrase: Math.min(maxPhrase, MAX_PHRASE),
    ...corpusNames(input.documents, vocabulary),
  };
}
