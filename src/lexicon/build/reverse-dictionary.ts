import { dict } from "@node-rs/jieba/dict.js";
import { z } from "zod";
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
 * The reversed dictionary as it is kept in memory and on disk: one row of numbers and keys
 * per headword, decoded into a Headword only when a corpus holds that headword.
 */
export type ReverseDictionary = {
  /** simplified headword -> [definitions, frequency, key, weight, rank, key, weight, rank, ...] */
  rows: Record<string, (string | number)[]>;
  /** longest headword, in characters */
  longest: number;
  /** Han character -> share of the entries it occurs in that are proper nouns (斯 high, 是 near 0) */
  proper: Map<string, number>;
  decoded: Map<string, Headword>;
};

export const hasHeadword = (d: ReverseDictionary, zh: string): boolean => Object.hasOwn(d.rows, zh);

/** A headword's keys and counts, decoded from its row once. */
export function headwordOf(d: ReverseDictionary, zh: string): Headword | undefined {
  const done = d.decoded.get(zh);
  if (done) return done;
  if (!hasHeadword(d, zh)) return undefined;
  const row = d.rows[zh] as (string | number)[];
  const keys = new Map<string, KeyGloss>();
  for (let i = 2; i < row.length; i += 3) {
    keys.set(row[i] as string, [row[i + 1] as number, row[i + 2] as number]);
  }
  const head = { keys, definitions: row[0] as number, frequency: row[1] as number };
  d.decoded.set(zh, head);
  return head;
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
  const rows: ReverseDictionary["rows"] = {};
  let longest = 1;
  for (const [zh, h] of heads) {
    longest = Math.max(longest, zh.length);
    const row: (string | number)[] = [h.definitions, frequencies.get(zh) ?? 0];
    for (const [key, [w, rank]] of h.keys) row.push(key, Math.round(w * 1000) / 1000, rank);
    rows[zh] = row;
  }
  return { rows, longest, proper, decoded: new Map() };
}

/** On disk: the rows as they are, so that loading is one JSON parse and one pass of checks. */
export const dictionaryFileSchema = z.object({
  longest: z.number().int().positive(),
  rows: z.record(z.string(), z.unknown()),
  proper: z.record(z.string(), z.number()),
});
export type DictionaryFile = z.infer<typeof dictionaryFileSchema>;

export const toFile = (d: ReverseDictionary): DictionaryFile => ({
  longest: d.longest,
  rows: d.rows,
  proper: Object.fromEntries(d.proper),
});

/** The dictionary from its file; undefined when a row is not what reverseDictionary writes. */
export function fromFile(f: DictionaryFile): ReverseDictionary | undefined {
  for (const zh of Object.keys(f.rows)) {
    const row = f.rows[zh];
    if (!Array.isArray(row) || row.length < 5 || (row.length - 2) % 3 !== 0) return undefined;
    if (typeof row[0] !== "number" || typeof row[1] !== "number") return undefined;
    for (let i = 2; i < row.length; i += 3) {
      if (
        typeof row[i] !== "string" ||
        typeof row[i + 1] !== "number" ||
        typeof row[i + 2] !== "number"
      ) {
        return undefined;
      }
    }
  }
  const rows = f.rows as ReverseDictionary["rows"];
  return {
    rows,
    longest: f.longest,
    proper: new Map(Object.entries(f.proper)),
    decoded: new Map(),
  };
}
