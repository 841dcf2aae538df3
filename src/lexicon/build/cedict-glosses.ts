import { englishTokens, phraseKey, STOP_WORDS } from "../../text/english.js";
import type { CedictEntry } from "./cedict.js";

/** CC-CEDICT read backwards: the English keys of one entry's glosses. */

/** How much a gloss is worth, by the register CC-CEDICT marks it with. */
const REGISTER: [RegExp, number][] = [
  [/\((?:old|archaic|classical|literary|dialect|Cantonese|Hokkien|Wu dialect|Tw|obsolete)\b/i, 0.3],
  [/\((?:slang|Internet slang|coll\.|vulgar|derog\.|euphemism|onom\.)/i, 0.5],
  [/\bsurname\b/i, 0.3],
];

const SKIP =
  /^(?:(?:old|archaic|erhua|Japanese|Korean|ancient|same as|\(old\)|\(archaic\))? ?variant of|used in|CL:|classifier for|also pr\.|Taiwan pr\.|pr\. |also written|abbr\. to |see also|\(onom\.)/i;
const SEE = /^see (?:also )?(?:[^\s|[]+\|)?([^\s|[]+)\[/i;
/** References to other headwords inside a gloss: 四川[Si4 chuan1], 重慶|重庆[Chong2 qing4]. */
const HANZI_REF = /[\u3400-\u9fff\uf900-\ufaff|·]+(?:\[[^\]]*\])?/g;
const LEAD =
  /^(?:to |a |an |the |abbr\. for |short for |short name for |lit\. |fig\. |esp\. |also |surname )+/i;

/** Longest English phrase kept as a key of its own. */
export const MAX_PHRASE = 5;

/**
 * What a key is worth by how the gloss says it: the whole gloss ("investment" for 投资),
 * its first comma chunk (a name before its description: "Warsaw, capital of Poland"), one
 * content word of a short or a long gloss (shared among its words), a term in brackets.
 */
export const GLOSS_WEIGHTS = {
  whole: 1,
  firstChunk: 0.9,
  part: 0.5,
  longPart: 0.3,
  bracket: 0.6,
};

function register(def: string): number {
  for (const [re, w] of REGISTER) if (re.test(def)) return w;
  return 1;
}

/** Brackets that mark register, part of speech or usage rather than naming a term. */
const NOT_TERMS =
  /^\s*(?:name|place name|surname|loanword|old|archaic|classical|literary|dialect|slang|coll|vulgar|derog|euphemism|onom|bound form|Tw|Cantonese|Internet|fig|lit|abbr|of a|of an|of the|in|on|at|to|for|as|used|esp|e\.g|i\.e|usually|often|sometimes|also|formal|informal|polite|humble|honorific|person|people|verb|noun|adj|adv|math|physics|chemistry|medicine|biology|computing|music|sports|Buddhism|Taoism|grammar|linguistics|geology|economics|law|military|Chinese medicine|TCM)\b/i;

/**
 * The keys one gloss piece ("fixed assets", "Warsaw, capital of Poland", "to grow") yields:
 * the whole piece when short, its first comma chunk, each content word at a lower weight
 * that is shared among the piece's words, and terms in brackets.
 */
function glossKeys(piece: string): [string, number][] {
  const out: [string, number][] = [];
  const clean = piece
    .replace(/\([^)]*\)/g, " ")
    .replace(HANZI_REF, " ")
    .trim();
  const chunks = clean.split(",").map((c) => englishTokens(c.trim().replace(LEAD, "")));
  const first = chunks[0] ?? [];
  const whole = chunks.length > 1 ? chunks.flat() : first;
  const g = GLOSS_WEIGHTS;
  if (whole.length && whole.length <= MAX_PHRASE) out.push([phraseKey(whole), g.whole]);
  if (first.length && first.length < whole.length && first.length <= MAX_PHRASE) {
    out.push([phraseKey(first), g.firstChunk]);
  }
  const content = whole.filter((w) => !STOP_WORDS.has(w.toLowerCase()) && !/^\d/.test(w));
  if (content.length > 1 || whole.length > content.length) {
    const each = (whole.length <= MAX_PHRASE ? g.part : g.longPart) / Math.max(1, content.length);
    for (const w of content) out.push([phraseKey([w]), each]);
  }
  // "comb jellies (Ctenophora)", "(rugby, American football etc)": terms in brackets
  for (const m of piece.matchAll(/\(([^)]*)\)/g)) {
    for (const chunk of (m[1] as string).split(/[,;]| or /)) {
      const words = englishTokens(chunk.replace(/\betc\b\.?/g, ""));
      if (!words.length || words.length > 3 || NOT_TERMS.test(chunk)) continue;
      out.push([phraseKey(words), g.bracket]);
    }
  }
  return out;
}

/** How one entry glosses a key: [gloss weight (reading x register), rank of its definition (0: first)]. */
export type KeyGloss = [weight: number, rank: number];

/** The definitions of an entry. */
export const definitions = (e: CedictEntry): string[] => (Array.isArray(e[3]) ? e[3] : [e[3]]);

/** The headword an entry only refers to ("see 成都市[...]"), if that is all a definition says. */
export const seeTarget = (def: string): string | undefined => SEE.exec(def)?.[1];

/**
 * The keys of one entry's definitions, each at its best weight and the first definition
 * that gives it that weight. Definitions that only point elsewhere or name a variant give none.
 */
export function entryKeys(e: CedictEntry): Map<string, KeyGloss> {
  const keys = new Map<string, KeyGloss>();
  definitions(e).forEach((def, rank) => {
    if (SKIP.test(def) || SEE.test(def)) return;
    const reg = register(def);
    for (const piece of def.split(";")) {
      for (const [key, w] of glossKeys(piece)) {
        if ((keys.get(key)?.[0] ?? 0) < w * reg) keys.set(key, [w * reg, rank]);
      }
    }
  });
  return keys;
}

/** Definitions that say something (not variants, references or classifiers). */
export const meaningfulDefinitions = (e: CedictEntry): number =>
  definitions(e).filter((d) => !SKIP.test(d) && !SEE.test(d)).length;
