import { englishWords, phraseKey, STOP_WORDS } from "../../text/english.js";
import type { CedictEntry } from "./cedict.js";

/** CC-CEDICT read backwards: English gloss -> Chinese headword. */

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

/** Weights of the readings of a gloss (see glossKeys), and the decay with its rank. */
const GLOSS_WEIGHTS = {
  whole: 1,
  firstChunk: 0.9,
  part: 0.5,
  longPart: 0.3,
  bracket: 0.6,
  rankDecay: 0.15,
};

function register(def: string): number {
  for (const [re, w] of REGISTER) if (re.test(def)) return w;
  return 1;
}

/**
 * The keys one gloss piece ("fixed assets", "Warsaw, capital of Poland", "to grow") yields:
 * the whole piece when short, its first comma chunk (a name before its description), and
 * each content word at a lower weight that shrinks with the length of the piece.
 */
export function glossKeys(piece: string): [string, number][] {
  const out: [string, number][] = [];
  const clean = piece
    .replace(/\([^)]*\)/g, " ")
    .replace(HANZI_REF, " ")
    .trim();
  const chunks = clean.split(",").map((c) => c.replace(LEAD, "").trim());
  const whole = englishWords(chunks.join(" "));
  const first = englishWords(chunks[0] ?? "");
  const g = GLOSS_WEIGHTS;
  if (whole.length && whole.length <= MAX_PHRASE) out.push([phraseKey(whole), g.whole]);
  else if (first.length && first.length <= MAX_PHRASE) out.push([phraseKey(first), g.firstChunk]);
  const content = whole.filter((w) => !STOP_WORDS.has(w) && !/^\d/.test(w));
  if (content.length > 1 || whole.length > content.length) {
    const each = (whole.length <= MAX_PHRASE ? g.part : g.longPart) / Math.max(1, content.length);
    for (const w of content) out.push([phraseKey([w]), each]);
  }
  // "comb jellies (Ctenophora)", "(rugby, American football etc)": terms in brackets
  for (const m of piece.matchAll(/\(([^)]*)\)/g)) {
    for (const chunk of (m[1] as string).split(/[,;]| or /)) {
      const words = englishWords(chunk.replace(/\betc\b\.?/g, ""));
      if (!words.length || words.length > 3 || NOT_TERMS.test(chunk)) continue;
      out.push([phraseKey(words), g.bracket]);
    }
  }
  return out;
}

/** Brackets that mark register, part of speech or usage rather than naming a term. */
const NOT_TERMS =
  /^\s*(?:name|place name|surname|loanword|old|archaic|classical|literary|dialect|slang|coll|vulgar|derog|euphemism|onom|bound form|Tw|Cantonese|Internet|fig|lit|abbr|of a|of an|of the|in|on|at|to|for|as|used|esp|e\.g|i\.e|usually|often|sometimes|also|formal|informal|polite|humble|honorific|person|people|verb|noun|adj|adv|math|physics|chemistry|medicine|biology|computing|music|sports|Buddhism|Taoism|grammar|linguistics|geology|economics|law|military|Chinese medicine|TCM)\b/i;

/** The keys of one entry's definitions, each at its best weight. */
function entryKeys(e: CedictEntry): Map<string, number> {
  const defs = Array.isArray(e[3]) ? e[3] : [e[3]];
  const keys = new Map<string, number>();
  defs.forEach((def, rank) => {
    if (SKIP.test(def) || SEE.test(def)) return;
    const weight = register(def) / (1 + GLOSS_WEIGHTS.rankDecay * rank);
    for (const piece of def.split(";")) {
      for (const [key, w] of glossKeys(piece)) {
        if ((keys.get(key) ?? 0) < w * weight) keys.set(key, w * weight);
      }
    }
  });
  return keys;
}

/**
 * The English keys CC-CEDICT's glosses give the headwords `wanted` accepts, streamed entry
 * by entry to `visit` (each key once per entry, at its best weight). A headword whose gloss
 * only says "see 成都市" takes that entry's keys.
 */
export function reverseCedict(
  entries: readonly CedictEntry[],
  wanted: (zh: string) => boolean,
  visit: (zh: string, keys: Map<string, number>) => void,
): void {
  const redirects = new Map<string, string[]>();
  for (const e of entries) {
    if (!wanted(e[1])) continue;
    const defs = Array.isArray(e[3]) ? e[3] : [e[3]];
    for (const def of defs) {
      const target = SEE.exec(def)?.[1];
      if (target) redirects.set(target, [...(redirects.get(target) ?? []), e[1]]);
    }
  }
  for (const e of entries) {
    const own = wanted(e[1]);
    const from = redirects.get(e[1]);
    if (!own && !from) continue;
    const keys = entryKeys(e);
    if (!keys.size) continue;
    if (own) visit(e[1], keys);
    for (const zh of from ?? []) visit(zh, new Map([...keys].map(([k, w]) => [k, 0.8 * w])));
  }
}
