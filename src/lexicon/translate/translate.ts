import { englishTokens, lemmaCandidates, normWord, STOP_WORDS } from "../../text/english.js";
import { stemEnglish } from "../../text/tokenizer.js";
import { EMPTY_LEXICON, type Lexicon, type TermGroup } from "../lexicon.js";
import { nearKeys, sameStemKeys } from "./fuzzy.js";
import { type NameOptions, nameSenses, pinyinSenses } from "./names.js";
import { numberWord, romanNumeral } from "./numbers.js";

export type Translation = {
  /** weighted Chinese (and figure) term groups for BM25 */
  groups: TermGroup[];
  /** a Chinese pseudo-query for the dense side */
  pseudo: string;
};

export type TranslateOptions = {
  /** weight of a phrase's group per word it covers beyond the first */
  phraseBonus: number;
  /** p of a base form's senses ("leave" for "left") when the form has senses of its own */
  lemmaShare: number;
  /** p of the senses of a spelling neighbour ("septicaemia" for "septicemia") */
  fuzzyShare: number;
  /** senses per group that go to the dense side */
  pseudoSenses: number;
  /** English names -> the corpus's Chinese names by sound */
  names: NameOptions;
};

export const DEFAULT_TRANSLATE_OPTIONS: TranslateOptions = {
  phraseBonus: 0.5,
  lemmaShare: 0.5,
  fuzzyShare: 0.7,
  pseudoSenses: 3,
  names: { threshold: 0.8, top: 3 },
};

type Senses = [string, number][];

const scaled = (senses: Senses, by: number): Senses => senses.map(([t, p]) => [t, p * by]);

function merge(lists: Senses[]): Senses {
  const m = new Map<string, number>();
  for (const list of lists) for (const [t, p] of list) m.set(t, Math.max(m.get(t) ?? 0, p));
  return [...m].sort((a, b) => b[1] - a[1]);
}

/**
 * Dictionary senses of one word: its own form and its base form ("invested" -> invest,
 * "fled" -> flee); failing both, words of the same stem; failing those, spelling neighbours.
 */
function wordSenses(word: string, lex: Lexicon, o: TranslateOptions): Senses {
  const own = sensesOf(lex, normWord(word)) ?? [];
  const lemma = lemmaCandidates(word).find((c) => sensesOf(lex, c));
  const base = lemma ? (sensesOf(lex, lemma) ?? []) : [];
  if (own.length || base.length) return merge([own, scaled(base, own.length ? o.lemmaShare : 1)]);
  const related = sameStemKeys(word, lex);
  if (related.length) return merge(related.map((k) => sensesOf(lex, k) ?? []));
  return merge(
    nearKeys(normWord(word), lex).map((k) => scaled(sensesOf(lex, k) ?? [], o.fuzzyShare)),
  );
}

/**
 * Senses -> a BM25 group. p is scaled so that the best sense counts fully; a sense that is
 * several index terms (a word the tokenizer splits) gives each of them.
 */
function toGroup(senses: Senses, weight: number): TermGroup {
  const best = senses[0]?.[1] || 1;
  const alts = new Map<string, number>();
  const split = senses.map(([form]) => form.split(" "));
  senses.forEach(([, p], i) => {
    for (const term of split[i] ?? []) alts.set(term, Math.max(alts.get(term) ?? 0, p / best));
  });
  const group: TermGroup = {
    weight,
    alts: [...alts].map(([term, p]) => ({ term, p })),
  };
  if (split.some((terms) => terms.length > 1)) group.senses = split;
  return group;
}

/** A word's senses; own keys only, so "constructor" is a word, not Object.prototype's. */
function sensesOf(lex: Lexicon, key: string): Senses | undefined {
  return Object.hasOwn(lex.entries, key) ? lex.entries[key] : undefined;
}

/**
 * English text -> Chinese search terms through the corpus's lexicon: longest phrases first,
 * then words (plural, -ed/-ing, irregular and derived forms, misspellings), number words,
 * ordinals and Roman numerals as figures, Latin words the corpus writes as they are, Chinese
 * names in pinyin, other names by sound. Each unit becomes one group of weighted alternatives.
 */
export function translateEnglish(
  text: string,
  lexicon: Lexicon | undefined,
  options: Partial<TranslateOptions> = {},
): Translation {
  const o = { ...DEFAULT_TRANSLATE_OPTIONS, ...options };
  // the lexicon object itself, not a copy: per-lexicon indexes are cached by identity
  const lex: Lexicon = lexicon ?? EMPTY_LEXICON;
  const latin = new Set(lex.latin);
  const tokens = englishTokens(text);
  const words = tokens.map((t) => t.toLowerCase());
  const groups: TermGroup[] = [];
  const pseudo: string[] = [];
  const add = (senses: Senses, weight: number) => {
    if (!senses.length) return;
    groups.push(toGroup(senses, weight));
    for (const [form] of senses.slice(0, o.pseudoSenses)) pseudo.push(form.replace(/ /g, ""));
  };

  for (let i = 0; i < words.length; ) {
    const phrase = longestPhrase(words, i, lex);
    if (phrase) {
      add(phrase.senses, 1 + o.phraseBonus * (phrase.length - 1));
      i += phrase.length;
      continue;
    }
    const w = words[i] as string;
    const token = tokens[i] as string;
    i++;
    const roman = romanNumeral(token);
    if (roman) {
      add([[roman, 1]], 1);
      continue;
    }
    if (STOP_WORDS.has(w)) continue;
    // a single letter means something inside a phrase ("R&D") or as the corpus writes it
    if (w.length === 1) {
      if (latin.has(w)) add([[w, 1]], 1);
      continue;
    }
    let senses = wordSenses(w, lex, o);
    // names: not for acronyms, which the corpus writes as they are or not at all
    if (!senses.length && token !== token.toUpperCase()) {
      senses = pinyinSenses(w, lex);
      if (!senses.length) senses = nameSenses(normWord(w), lex, o.names);
    }
    const extra: Senses = [];
    const top = senses[0]?.[1] ?? 1;
    const figure = numberWord(w);
    if (figure) extra.push([figure, top]);
    if (latin.has(stemEnglish(w))) extra.push([stemEnglish(w), top]);
    const all = merge([senses, extra]);
    // a word the corpus has no sense for stays as itself: it matches nothing, and it tells
    // the answerer the question asks about something the report may not hold
    if (all.length) add(all, 1);
    else groups.push({ weight: 1, alts: [{ term: stemEnglish(w), p: 1 }] });
  }
  return { groups, pseudo: pseudo.join(" ") };
}

/** The longest phrase of the lexicon at words[i] (two words or more, not framed by stop words). */
function longestPhrase(
  words: string[],
  i: number,
  lex: Lexicon,
): { senses: Senses; length: number } | undefined {
  for (let n = Math.min(lex.maxPhrase, words.length - i); n >= 2; n--) {
    const span = words.slice(i, i + n);
    if (STOP_WORDS.has(span[0] as string) || STOP_WORDS.has(span[n - 1] as string)) continue;
    const senses = sensesOf(lex, span.map(normWord).join(" "));
    if (senses) return { senses, length: n };
  }
  return undefined;
}
