import { dict } from "@node-rs/jieba/dict.js";
import type { CedictEntry } from "./cedict.js";
import { entryKeys, type KeyGloss, meaningfulDefinitions, seeTarget } from "./cedict-glosses.js";

/**
 * CC-CEDICT read backwards once, for every corpus: what each headword's glosses say in
 * English, how many things it means, how common it is in Chinese at large (jieba's word
 * frequencies), and how often each character is part of a name. A pure function of the
 * dictionary's data, so it is cached by that data's hash (lexicon-cache.ts).
 */
export type Headword = {
  /** English key -> how the headword glosses it */
  keys: Map<string, KeyGloss>;
  /** how many definitions it has (its entries together) */
  definitions: number;
  /** jieba's frequency of the word, 0 when jieba does not know it */
  frequency: number;
};

/**
 * The reversed dictionary as it is kept in memory and on disk: one line of text per
 * headword (headword, definitions, frequency, then key, weight, rank, ... separated by tabs),
 * found by an index of line offsets and decoded into a Headword only when a corpus holds
 * that headword. Loading it is one scan for line ends, not 120,000 parsed arrays.
 */
export type ReverseDictionary = {
  /** the lines, as on disk */
  text: string;
  /** headword -> [start, end) of its line in text */
  lines: Map<string, [number, number]>;
  /** longest headword, in characters */
  longest: number;
  /** Han character -> share of the entries it occurs in that are proper nouns (斯 high, 是 near 0) */
  proper: Map<string, number>;
  decoded: Map<string, Headword>;
};

/** A line of the dictionary that is not what reverseDictionary writes. */
export class DictionaryError extends Error {}

export const hasHeadword = (d: ReverseDictionary, zh: string): boolean => d.lines.has(zh);

/** A headword's keys and counts, decoded from its line once. */
export function headwordOf(d: ReverseDictionary, zh: string): Headword | undefined {
  const done = d.decoded.get(zh);
  if (done) return done;
  const at = d.lines.get(zh);
  if (!at) return undefined;
  const cells = d.text.slice(at[0], at[1]).split("\t");
  const [definitions, frequency] = [Number(cells[1]), Number(cells[2])];
  if (cells.length < 6 || (cells.length - 3) % 3 !== 0 || !(definitions >= 0 && frequency >= 0)) {
    throw new DictionaryError(`dictionary line of ${zh} is malformed`);
  }
  const keys = new Map<string, KeyGloss>();
  for (let i = 3; i < cells.length; i += 3) {
    const [w, rank] = [Number(cells[i + 1]), Number(cells[i + 2])];
    if (!cells[i] || !(w >= 0) || !(rank >= 0))
      throw new DictionaryError(`dictionary line of ${zh} is malformed`);
    keys.set(cells[i] as string, [w, rank]);
  }
  const head = { keys, definitions, frequency };
  d.decoded.set(zh, head);
  return head;
}

/** The dictionary from its text (two header lines, then one line per headword); undefined when the header is not right. */
export function fromText(text: string): ReverseDictionary | undefined {
  const first = text.indexOf("\n");
  const second = text.indexOf("\n", first + 1);
  const longest = Number(/^longest\t(\d+)$/.exec(text.slice(0, first))?.[1]);
  const header = text.slice(first + 1, second).split("\t");
  if (!(longest > 0) || header[0] !== "proper" || header.length % 2 !== 1) return undefined;
  const proper = new Map<string, number>();
  for (let i = 1; i < header.length; i += 2) proper.set(header[i] as string, Number(header[i + 1]));
  const lines = new Map<string, [number, number]>();
  for (let start = second + 1; start < text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", start);
    if (tab < 0 || tab > end) return undefined;
    lines.set(text.slice(start, tab), [start, end]);
    start = end + 1;
  }
  return { text, lines, longest, proper, decoded: new Map() };
}

/** p of the keys a headword takes from the entry it only refers to ("see 成都市") */
const REDIRECT_SHARE = 0.8;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function jiebaFrequencies(words: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of Buffer.from(dict).toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    const word = line.slice(0, space);
    if (words.has(word)) out.set(word, Number.parseInt(line.slice(space + 1), 10) || 0);
  }
  return out;
}

/** Read CC-CEDICT backwards (about 3 s for its 120,000 entries). */
export function reverseDictionary(entries: readonly CedictEntry[]): ReverseDictionary {
  const heads = new Map<string, Headword>();
  const own = new Map<string, Map<string, KeyGloss>>();
  const redirects: [string, string][] = [];
  const entriesOf = new Map<string, number>();
  const properOf = new Map<string, number>();
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of entries) {
    const zh = e[1];
    for (const c of new Set(zh)) if (HAN.test(c)) count(entriesOf, c);
    if (zh.length > 1 && /^[A-Z]/.test(e[2])) for (const c of new Set(zh)) count(properOf, c);
    const head = heads.get(zh) ?? { keys: new Map(), definitions: 0, frequency: 0 };
    heads.set(zh, head);
    head.definitions += meaningfulDefinitions(e);
    const keys = entryKeys(e);
    for (const [key, gloss] of keys) {
      const had = head.keys.get(key);
      if (!had || had[0] < gloss[0]) head.keys.set(key, gloss);
    }
    own.set(zh, head.keys);
    for (const def of Array.isArray(e[3]) ? e[3] : [e[3]]) {
      const target = seeTarget(def);
      if (target) redirects.push([zh, target]);
    }
  }
  for (const [zh, target] of redirects) {
    const head = heads.get(zh) as Headword;
    for (const [key, [w, rank]] of own.get(target) ?? []) {
      const had = head.keys.get(key);
      if (!had || had[0] < w * REDIRECT_SHARE) head.keys.set(key, [w * REDIRECT_SHARE, rank]);
    }
    head.definitions = Math.max(head.definitions, heads.get(target)?.definitions ?? 0);
  }
  for (const [zh, head] of heads) if (!head.keys.size) heads.delete(zh);
  const frequencies = jiebaFrequencies(new Set(heads.keys()));
  const proper = new Map<string, number>();
  for (const [c, n] of entriesOf) proper.set(c, Number(((properOf.get(c) ?? 0) / n).toFixed(3)));
  let longest = 1;
  const rows: string[] = [];
  for (const [zh, h] of heads) {
    longest = Math.max(longest, zh.length);
    const row: (string | number)[] = [zh, h.definitions, frequencies.get(zh) ?? 0];
    for (const [key, [w, rank]] of h.keys) row.push(key, Math.round(w * 1000) / 1000, rank);
    rows.push(row.join("\t"));
  }
  const header = [`longest\t${longest}`, ["proper", ...[...proper].flat()].join("\t")];
  return fromText([...header, ...rows].join("\n")) as ReverseDictionary;
}
