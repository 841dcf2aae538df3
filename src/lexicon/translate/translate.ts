import { englishTokens, normWord, phraseKeys, STOP_WORDS } from "../../text/english.js";
import { EMPTY_LEXICON, type Lexicon, type TermGroup } from "../lexicon.js";
import { type AgreementOptions, agreeSenses, type CorpusPostings } from "./agreement.js";
import { type Budget, type BudgetLimits, createBudget } from "./budget.js";
import { keyIndex } from "./fuzzy.js";
import { type NameOptions, nameIndex, nameSenses, pinyinSenses } from "./names.js";
import { numberWord, romanNumeral } from "./numbers.js";
import {
  merge,
  type Senses,
  scaled,
  sensesOf,
  type WordOptions,
  wordSenses,
} from "./word-senses.js";

export type Translation = {
  /** weighted Chinese (and figure) term groups for BM25 */
  groups: TermGroup[];
  /** a Chinese pseudo-query for the dense side */
  pseudo: string;
  /** the work it took (see budget.ts) */
  work: number;
};

export type TranslateOptions = WordOptions & {
  /** weight of a phrase's group per word it covers beyond the first */
  phraseBonus: number;
  /** weight of each content word of a phrase as a group of its own (0: the phrase alone) */
  phraseWords: number;
  /** p of a phrase's words' own senses inside the phrase's group (0: the phrase's senses alone) */
  phraseWordShare: number;
  /** weight of a word the corpus writes as it is ("nfl"), in a group of its own (0: in the word's group) */
  latinWeight: number;
  /** senses per group that go to the dense side */
  pseudoSenses: number;
  /** senses under this share of their group's best are dropped, after agreement */
  minShare: number;
  /** senses kept per group, after agreement */
  maxSenses: number;
  agreement: AgreementOptions;
  /** English names -> the corpus's Chinese names by sound */
  names: NameOptions;
  /** the work one question may cost (see budget.ts) */
  budget: BudgetLimits;
};

/** Chosen by cross-validation on XQuAD folds and checked on the report's questions. */
export const DEFAULT_TRANSLATE_OPTIONS: TranslateOptions = {
  phraseBonus: 0.5,
  phraseWords: 0,
  phraseWordShare: 0,
  lemmaShare: 0.5,
  fuzzyShare: 0.7,
  latinWeight: 0,
  pseudoSenses: 3,
  minShare: 0,
  maxSenses: 12,
  agreement: { floor: 0.2 },
  names: { threshold: 0.8, top: 3 },
  budget: { units: 40_000, searchedWords: 4 },
};

/**
 * Length caps: the words of a question past `words` (not counting function words) are not
 * translated, and only the first `agreementUnits` things it names weigh each other's senses.
 * A question is a sentence or two; 2,000 characters of words is not a question.
 */
export const TRANSLATION_LIMITS = { words: 32, agreementUnits: 16 };

/** One thing the question names, before it becomes a group. */
type Unit = { senses: Senses; weight: number; agree: boolean };

const latinSets = new WeakMap<Lexicon, Set<string>>();
/** The corpus's Latin-script terms as a set, made once per lexicon. */
function latinOf(lex: Lexicon): Set<string> {
  const known = latinSets.get(lex);
  if (known) return known;
  const set = new Set(lex.latin);
  latinSets.set(lex, set);
  return set;
}

/** A word that looks like a name: capitalised, not an acronym ("Kearney", not "NFL" or "kind"). */
const looksLikeName = (token: string) => /^[A-Z][a-z]/.test(token);

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
  const group: TermGroup = { weight, alts: [...alts].map(([term, p]) => ({ term, p })) };
  if (split.some((terms) => terms.length > 1)) group.senses = split;
  return group;
}

/** The longest phrase of the lexicon at words[i] (two words or more, not framed by stop words). */
function longestPhrase(tokens: string[], i: number, lex: Lexicon, budget: Budget) {
  for (let n = Math.min(lex.maxPhrase, tokens.length - i); n >= 2; n--) {
    const span = tokens.slice(i, i + n);
    const [first, last] = [
      (span[0] as string).toLowerCase(),
      (span[n - 1] as string).toLowerCase(),
    ];
    if (STOP_WORDS.has(first) || STOP_WORDS.has(last)) continue;
    const keys = phraseKeys(span);
    budget.charge(keys.length);
    const senses = keys.map((k) => sensesOf(lex, k)).find((s) => s);
    if (senses) return { senses, length: n };
  }
  return undefined;
}

/** The units of one word of the question (not a stop word, not in a phrase). */
function wordUnits(
  token: string,
  lex: Lexicon,
  latin: Set<string>,
  o: TranslateOptions,
  budget: Budget,
): Unit[] {
  const w = token.toLowerCase();
  const found = wordSenses(token, lex, o, budget);
  const units: Unit[] = found.units.map((senses) => ({ senses, weight: 1, agree: true }));
  // names: a capitalised word the dictionary has nothing of its own for
  const name = found.unknown ?? (found.units.length ? undefined : w);
  if (name && found.searched !== false && looksLikeName(token)) {
    let senses = pinyinSenses(name, lex, budget);
    if (!senses.length) senses = nameSenses(normWord(name), lex, o.names, budget);
    if (senses.length) units.unshift({ senses, weight: 1, agree: false });
  }
  const figure = numberWord(w);
  const exact = latin.has(normWord(w)) ? normWord(w) : undefined;
  if (exact && o.latinWeight > 0)
    units.push({ senses: [[exact, 1]], weight: o.latinWeight, agree: false });
  const extra: Senses = [];
  if (figure) extra.push([figure, 1]);
  if (exact && o.latinWeight <= 0) extra.push([exact, 1]);
  if (extra.length) {
    const first = units.find((u) => u.agree);
    if (first)
      first.senses = merge([first.senses, extra.map(([t]) => [t, first.senses[0]?.[1] ?? 1])]);
    else units.push({ senses: extra, weight: 1, agree: false });
  }
  return units;
}

/**
 * English text -> Chinese search terms through the corpus's lexicon: longest phrases first
 * (their words may join at a lower weight: phraseWords, phraseWordShare), then words (plural, -ed/-ing, irregular and
 * derived forms, compounds, misspellings), number words, ordinals and Roman numerals as
 * figures, Latin words the corpus writes as they are, and for capitalised words the
 * dictionary lacks, Chinese names in pinyin and other names by sound. A word's senses are
 * then weighed by their agreement with the other words' in the corpus. Each unit becomes
 * one group of weighted alternatives.
 */
export function translateEnglish(
  text: string,
  lexicon: Lexicon | undefined,
  options: Partial<TranslateOptions> = {},
  corpus?: CorpusPostings,
): Translation {
  const o = { ...DEFAULT_TRANSLATE_OPTIONS, ...options };
  // the lexicon object itself, not a copy: per-lexicon indexes are cached by identity
  const lex: Lexicon = lexicon ?? EMPTY_LEXICON;
  const budget = createBudget(o.budget);
  const latin = latinOf(lex);
  const tokens = englishTokens(text);
  const words = tokens.map((t) => t.toLowerCase());
  const units: Unit[] = [];
  const unknown: TermGroup[] = [];
  let content = 0;

  for (let i = 0; i < words.length && content < TRANSLATION_LIMITS.words; ) {
    const phrase = longestPhrase(tokens, i, lex, budget);
    if (phrase) {
      // the words' own senses stay in the phrase's group, behind it: a phrase gloss may be
      // narrower than the words ("spiritual teacher" is 上师, and 精神 导师 too)
      const own: Senses[] = [phrase.senses];
      if (o.phraseWordShare > 0) {
        for (const token of tokens.slice(i, i + phrase.length)) {
          if (STOP_WORDS.has(token.toLowerCase()) || token.length < 2) continue;
          const found = wordSenses(token, lex, o, budget);
          if (!found.derived) for (const u of found.units) own.push(scaled(u, o.phraseWordShare));
        }
      }
      units.push({
        senses: merge(own),
        weight: 1 + o.phraseBonus * (phrase.length - 1),
        agree: true,
      });
      if (o.phraseWords > 0) {
        for (const token of tokens.slice(i, i + phrase.length)) {
          if (STOP_WORDS.has(token.toLowerCase()) || token.length < 2) continue;
          for (const u of wordUnits(token, lex, latin, o, budget))
            units.push({ ...u, weight: u.weight * o.phraseWords });
        }
      }
      i += phrase.length;
      content++;
      continue;
    }
    const w = words[i] as string;
    const token = tokens[i] as string;
    i++;
    budget.charge(1);
    const roman = romanNumeral(token);
    if (roman) {
      units.push({ senses: [[roman, 1]], weight: 1, agree: false });
      continue;
    }
    if (STOP_WORDS.has(w)) continue;
    content++;
    // a single letter means something inside a phrase ("R&D") or as the corpus writes it
    if (w.length === 1) {
      if (latin.has(w)) units.push({ senses: [[w, 1]], weight: 1, agree: false });
      continue;
    }
    const found = wordUnits(token, lex, latin, o, budget);
    // a word the corpus has no sense for stays as itself: it matches nothing, and it tells
    // the answerer the question asks about something the report may not hold
    if (found.length) units.push(...found);
    else unknown.push({ weight: 1, alts: [{ term: normWord(w), p: 1 }] });
  }

  const senses = units.map((u) => u.senses);
  const n = TRANSLATION_LIMITS.agreementUnits;
  const agreed = corpus
    ? [...agreeSenses(senses.slice(0, n), corpus, o.agreement, budget), ...senses.slice(n)]
    : senses;
  const groups: TermGroup[] = [];
  const pseudo: string[] = [];
  units.forEach((u, k) => {
    const chosen = u.agree ? (agreed[k] as Senses) : u.senses;
    const top = chosen[0]?.[1] ?? 1;
    const kept = chosen.filter(([, p]) => p >= o.minShare * top).slice(0, o.maxSenses);
    if (!kept.length) return;
    groups.push(toGroup(kept, u.weight));
    for (const [form] of kept.slice(0, o.pseudoSenses)) pseudo.push(form.replace(/ /g, ""));
  });
  groups.push(...unknown);
  return { groups, pseudo: pseudo.join(" "), work: budget.spent };
}

/** A translator bound to one lexicon and corpus, its indexes made now rather than on the first question. */
export function createTranslator(
  lexicon: Lexicon,
  corpus?: CorpusPostings,
  options: Partial<TranslateOptions> = {},
): (text: string) => Translation {
  keyIndex(lexicon);
  nameIndex(lexicon);
  latinOf(lexicon);
  return (text) => translateEnglish(text, lexicon, options, corpus);
}
