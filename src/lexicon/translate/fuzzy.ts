import { stem } from "../../text/porter.js";
import type { Lexicon } from "../lexicon.js";

type KeyIndex = { byStem: Map<string, string[]>; byInitial: Map<string, string[]> };
const indexes = new WeakMap<Lexicon, KeyIndex>();

/** The lexicon's single-word keys by Porter stem and by first letter, made once per lexicon. */
function keyIndex(lex: Lexicon): KeyIndex {
  let found = indexes.get(lex);
  if (found) return found;
  found = { byStem: new Map(), byInitial: new Map() };
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const k of Object.keys(lex.entries)) {
    if (k.includes(" ")) continue;
    push(found.byStem, stem(k), k);
    push(found.byInitial, k[0] as string, k);
  }
  indexes.set(lex, found);
  return found;
}

/** Keys of the same Porter stem: "construction" -> "construct", "constructive". */
export function sameStemKeys(word: string, lex: Lexicon): string[] {
  return keyIndex(lex).byStem.get(stem(word)) ?? [];
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
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

/**
 * Keys a word the lexicon lacks is probably a form or misspelling of: one edit away (two
 * for long words: "septicemia" / "septicaemia", "ctenphores"), or sharing most of a long
 * prefix ("paleoclimatologist" / "paleoclimatology"). None when more than three qualify.
 */
export function nearKeys(word: string, lex: Lexicon): string[] {
  if (word.length < 6) return [];
  const out: string[] = [];
  const max = word.length >= 9 ? 2 : 1;
  for (const k of keyIndex(lex).byInitial.get(word[0] as string) ?? []) {
    if (k.length < 5) continue;
    let prefix = 0;
    while (prefix < k.length && k[prefix] === word[prefix]) prefix++;
    const sharedPrefix = prefix >= Math.max(6, Math.ceil(0.8 * Math.min(k.length, word.length)));
    if (sharedPrefix || editDistance(word, k, max) <= max) out.push(k);
  }
  return out.length <= 3 ? out : [];
}
