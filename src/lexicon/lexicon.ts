import { z } from "zod";

/**
 * Bump when the lexicon's build changes: indexes are then rebuilt (it is part of the index
 * version) and every cached file of an older build is left behind.
 */
export const LEXICON_VERSION = "lexicon-16";

/** A sense: the index terms of one Chinese word (space-separated) and its weight p (1 for the best). */
const senseSchema = z.tuple([z.string().min(1), z.number().min(0).max(1)]);

/**
 * The English -> Chinese lexicon of one corpus: built at index time (lexicon/build), read at
 * query time (lexicon/translate). Saved beside the index as lexicon.json and validated when
 * loaded: a file that does not match is a broken index, never cast into shape.
 */
export const lexiconSchema = z.object({
  /** English key (a word or phrase, see phraseKey) -> Chinese senses, best first */
  entries: z.record(z.string(), z.array(senseSchema)),
  /** Latin-script terms of the corpus ("nfl", "gdp"): English that matches as it is */
  latin: z.array(z.string()),
  /** longest phrase key, in words */
  maxPhrase: z.number().int().positive(),
  /** names the corpus writes in Chinese, for English names the dictionary lacks: [index terms, sound code] */
  names: z.array(z.tuple([z.string(), z.string()])),
  /** toneless pinyin of the corpus's words -> the words ("tianfu" -> 天府) */
  pinyin: z.record(z.string(), z.array(z.string())),
});

export type Lexicon = z.infer<typeof lexiconSchema>;

/** The empty lexicon: English words match only as the corpus writes them. */
export const EMPTY_LEXICON: Lexicon = {
  entries: {},
  latin: [],
  maxPhrase: 1,
  names: [],
  pinyin: {},
};

/**
 * One unit of a translated query: weighted alternative index terms (the senses of one
 * English word or phrase). Same shape as the lexical index's query group.
 */
export type TermGroup = {
  weight: number;
  alts: { term: string; p: number }[];
  /** the senses the alternatives came from, each as its index terms, when some sense is several terms */
  senses?: string[][];
};
