import { stemWord } from "../../text/english.js";
import type { Lexicon } from "../lexicon.js";
import type { Budget } from "./budget.js";

/**
 * The spelling step's bounds, in letters unless said otherwise. Set by hand, not tuned: the
 * cross-validation of xquad-cv.ts tries none of them.
 */
const FUZZY_LIMITS = {
  /** words looked at: shorter ones have too many neighbours, longer ones are not words */
  minLength: 6,
  maxLength: 20,
  /** more keys than this near a word: it is near none of them */
  maxMatches: 3,
  /** a word this long may be two edits away from its key, a shorter one only one */
  twoEditsFrom: 9,
  /** keys shorter than this are never offered */
  minKeyLength: 5,
  /** the prefix keys are looked up by, and the least prefix a key shares to count without edits */
  prefix: 6,
  /** ...or this share of the shorter of the two, when that is longer */
  prefixShare: 0.8,
  /** the budget's charge for the prefix lookup, beside one per key it yields */
  prefixLookupCost: 20,
};

type KeyIndex = {
  byStem: Map<string, string[]>;
  /** every single-word key of 5+ letters under itself and each one-letter deletion of it */
  deletions: Map<string, string[]>;
  /** single-word keys, sorted, for prefix search */
  sorted: string[];
};
const indexes = new WeakMap<Lexicon, KeyIndex>();

const push = (m: Map<string, string[]>, k: string, v: string) => {
  const list = m.get(k);
  if (list) {
    if (list[list.length - 1] !== v) list.push(v);
  } else m.set(k, [v]);
};

const deletionsOf = (w: string) => {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
};

/** The lexicon's single-word keys by Porter stem and by deletion, made once per lexicon (at searcher creation). */
export function keyIndex(lex: Lexicon): KeyIndex {
  let found = indexes.get(lex);
  if (found) return found;
  found = { byStem: new Map(), deletions: new Map(), sorted: [] };
  for (const k of Object.keys(lex.entries)) {
    if (k.includes(" ")) continue;
    found.sorted.push(k);
    push(found.byStem, stemWord(k), k);
    if (k.length >= FUZZY_LIMITS.minLength - 1 && k.length <= FUZZY_LIMITS.maxLength + 2) {
      for (const d of deletionsOf(k)) push(found.deletions, d, k);
    }
  }
  found.sorted.sort();
  indexes.set(lex, found);
  return found;
}

/** Keys of the same Porter stem: "construction" -> "construct", "constructive". */
export function sameStemKeys(word: string, lex: Lexicon): string[] {
  return keyIndex(lex).byStem.get(stemWord(word)) ?? [];
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Sorted keys that start with a prefix. */
function withPrefix(sorted: string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) {
    out.push(sorted[i] as string);
  }
  return out;
}

/**
 * Keys a word the lexicon lacks is probably a form or misspelling of: one edit away (two
 * for long words: "septicemia" / "septicaemia", "ctenphores"), or sharing most of a long
 * prefix ("paleoclimatologist" / "paleoclimatology"). None when more than three qualify.
 * Candidates come from a deletion index, so the work is a few lookups and edit distances.
 */
export function nearKeys(word: string, lex: Lexicon, budget: Budget): string[] {
  const L = FUZZY_LIMITS;
  if (word.length < L.minLength || word.length > L.maxLength) return [];
  const index = keyIndex(lex);
  const max = word.length >= L.twoEditsFrom ? 2 : 1;
  const variants = deletionsOf(word);
  if (!budget.grant(variants.length)) return [];
  const candidates = new Set<string>();
  for (const v of variants) for (const k of index.deletions.get(v) ?? []) candidates.add(k);
  const byPrefix = withPrefix(index.sorted, word.slice(0, L.prefix));
  if (!budget.grant(byPrefix.length + L.prefixLookupCost)) return [];
  for (const k of byPrefix) candidates.add(k);
  const out: string[] = [];
  for (const k of candidates) {
    if (k.length < L.minKeyLength || k === word) continue;
    let prefix = 0;
    while (prefix < k.length && k[prefix] === word[prefix]) prefix++;
    const sharedPrefix =
      prefix >= Math.max(L.prefix, Math.ceil(L.prefixShare * Math.min(k.length, word.length)));
    if (sharedPrefix) out.push(k);
    else if (budget.grant(k.length * word.length) && editDistance(word, k, max) <= max) out.push(k);
    if (out.length > L.maxMatches) return [];
  }
  return out.sort();
}
