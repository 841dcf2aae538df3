import { normWord, phraseKeys } from "../../text/english.js";
import { DERIVATIONAL_SUFFIXES, lemmaCandidates } from "../../text/english-forms.js";
import type { Lexicon } from "../lexicon.js";
import type { Budget } from "./budget.js";
import { nearKeys, sameStemKeys } from "./fuzzy.js";

/** [index terms, p][], best first */
export type Senses = [string, number][];

export type WordOptions = {
  /** p of a base form's senses ("leave" for "left") when the form has senses of its own */
  lemmaShare: number;
  /** p of the senses of a spelling neighbour ("septicaemia" for "septicemia") */
  fuzzyShare: number;
};

/** Compounds the dictionary lacks are split when they have this many letters, each part at least `minPart`. */
const COMPOUND_LIMITS = { minLength: 7, maxLength: 24, minPart: 3 };

export const scaled = (senses: Senses, by: number): Senses => senses.map(([t, p]) => [t, p * by]);

export function merge(lists: Senses[]): Senses {
  const m = new Map<string, number>();
  for (const list of lists) for (const [t, p] of list) m.set(t, Math.max(m.get(t) ?? 0, p));
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** A key's senses; own keys only, so "constructor" is a word, not Object.prototype's. */
export function sensesOf(lex: Lexicon, key: string): Senses | undefined {
  return Object.hasOwn(lex.entries, key) ? lex.entries[key] : undefined;
}

/**
 * A word's own senses (as written first: "Times" is a name) and its base form's ("invested"
 * -> invest, "fled" -> flee, "largest" -> large).
 */
function formSenses(token: string, lex: Lexicon, o: WordOptions, budget: Budget): Senses {
  const word = token.toLowerCase();
  const candidates = lemmaCandidates(word);
  const keys = phraseKeys([token]);
  budget.charge(keys.length + candidates.length);
  const own = keys.map((k) => sensesOf(lex, k)).find((s) => s) ?? [];
  const lemma = candidates.find((c) => sensesOf(lex, c));
  const base = lemma ? (sensesOf(lex, lemma) ?? []) : [];
  if (!own.length && !base.length) return [];
  return merge([own, scaled(base, own.length ? o.lemmaShare : 1)]);
}

/**
 * A compound the dictionary lacks, split into parts it has: a prefix and a word
 * ("paleo" + "climatologists"), two words ("manakin" + "town"), or a word and a derivational
 * suffix ("mentor" + "ship": the word alone). The longest known second part wins: English
 * compounds put the head last. Returns the parts' senses, each a unit of its own.
 */
function compoundSenses(word: string, lex: Lexicon, o: WordOptions, budget: Budget): WordSenses {
  const L = COMPOUND_LIMITS;
  const none = { units: [], derived: true };
  if (word.length < L.minLength || word.length > L.maxLength) return none;
  for (let j = L.minPart; j <= word.length - L.minPart; j++) {
    const head = word.slice(0, j);
    const tail = word.slice(j);
    if (DERIVATIONAL_SUFFIXES.has(tail)) {
      const senses = formSenses(head, lex, o, budget);
      if (senses.length) return { units: [senses], derived: true };
      continue;
    }
    const second = formSenses(tail, lex, o, budget);
    if (!second.length) continue;
    const first = formSenses(head, lex, o, budget);
    return first.length
      ? { units: [first, second], derived: true }
      : { units: [second], derived: true, unknown: head };
  }
  return none;
}

/** What the dictionary says about one word. */
export type WordSenses = {
  /** one unit of senses, or one per part of a compound; none when the dictionary has nothing */
  units: Senses[];
  /** true when the senses are not the word's own but a stem's, a part's or a neighbour's */
  derived: boolean;
  /** the part of a compound the dictionary lacks ("manakin" of "manakintown"): maybe a name */
  unknown?: string;
  /** false when the budget let the word through no searching step (then it gets no name either) */
  searched?: boolean;
};

/**
 * Dictionary senses of one word, as one unit or (a compound) several: its own form and its
 * base form; failing both, words of the same stem; then spelling neighbours (a word one
 * letter off is that word: "craftsmen" / "craftsman"); then the parts of a compound.
 */
export function wordSenses(
  token: string,
  lex: Lexicon,
  o: WordOptions,
  budget: Budget,
): WordSenses {
  const word = token.toLowerCase();
  const own = formSenses(token, lex, o, budget);
  if (own.length) return { units: [own], derived: false };
  budget.charge(1);
  const related = sameStemKeys(word, lex);
  if (related.length) {
    return { units: [merge(related.map((k) => sensesOf(lex, k) ?? []))], derived: true };
  }
  if (!budget.search()) return { units: [], derived: true, searched: false };
  const near = nearKeys(normWord(word), lex, budget);
  if (near.length) {
    return {
      units: [merge(near.map((k) => scaled(sensesOf(lex, k) ?? [], o.fuzzyShare)))],
      derived: true,
    };
  }
  return compoundSenses(word, lex, o, budget);
}
