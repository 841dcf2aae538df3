import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { dict } from "@node-rs/jieba/dict.js";
import { domainWords } from "../../text/domain-words.js";
import { foldText, type Tokenizer } from "../../text/tokenizer.js";
import { LEXICON_VERSION, type Lexicon, lexiconSchema } from "../lexicon.js";
import {
  buildLexicon,
  type CorpusDocument,
  DEFAULT_LEXICON_OPTIONS,
  type LexiconOptions,
} from "./build-lexicon.js";
import { cedictDataFile, loadCedict } from "./cedict.js";
import { documentRecord, documentRecordSchema } from "./document-record.js";
import { parseGlossary, readGlossaryText } from "./glossary.js";
import {
  keepNewest,
  readCached,
  readCachedText,
  removeCached,
  sha256,
  writeCached,
  writeCachedText,
} from "./lexicon-cache.js";
import {
  DictionaryError,
  fromText,
  type ReverseDictionary,
  reverseDictionary,
} from "./reverse-dictionary.js";

/** The reversed dictionary's file in a cache folder. */
const DICTIONARY_FILE = "dictionary.txt";

/** Built lexicons kept in the cache (one per corpus vocabulary). */
const KEEP_LEXICONS = 4;

/**
 * Document records kept in the cache: the newest `least`, or `perUsed` times as many as the
 * corpus uses when that is more (room for earlier versions of its documents); the corpus's
 * own are always kept. Set by hand; the Chengdu report's record is 94 KB.
 */
const KEEP_DOCUMENTS = { least: 1000, perUsed: 2 } as const;

/** What the lexicon is made from: the corpus as the lexical index reads it. */
export type LexiconSource = {
  /** each passage's indexed text */
  texts: string[];
  /** each passage's document */
  docs: string[];
  /** each index term's passage count */
  df: ReadonlyMap<string, number>;
  tokenizer: Tokenizer;
  userWords: string[];
};

export type LexiconBuild = {
  lexicon: Lexicon;
  /** the lexicon itself came from the cache (nothing else was needed) */
  fromCache: boolean;
  /** where the reversed dictionary came from, when it was needed */
  dictionary?: "cached" | "built" | "in memory";
  /** documents whose records came from the cache, and those read afresh */
  documents: { cached: number; read: number };
};

let sourceHash: Promise<string> | undefined;
/** The hash of what the dictionary is made from: CC-CEDICT's data, jieba's word list, this code. */
function dictionarySource(): Promise<string> {
  sourceHash ??= (async () =>
    sha256(
      [LEXICON_VERSION, sha256(await readFile(cedictDataFile())), sha256(dict)].join("\n"),
    ).slice(0, 16))();
  return sourceHash;
}

const inMemory = new Map<string, ReverseDictionary>();

/**
 * The reversed dictionary: the cached file in `dir`, or made from CC-CEDICT (and cached).
 * Without a cache folder, the first one made is kept in memory for the process.
 */
async function dictionaryFor(source: string, dir: string | undefined) {
  const held = dir ? undefined : inMemory.get(source);
  if (held) return { dictionary: held, how: "in memory" as const };
  const file = dir && join(dir, DICTIONARY_FILE);
  let dictionary = file ? await readCachedText(file, fromText) : undefined;
  const how = dictionary ? ("cached" as const) : ("built" as const);
  if (!dictionary) {
    dictionary = reverseDictionary(await loadCedict());
    if (file) await writeCachedText(file, dictionary.text);
  }
  if (!dir) {
    inMemory.clear();
    inMemory.set(source, dictionary);
  }
  return { dictionary, how };
}

/**
 * The corpus's lexicon, through the cache in `cacheDir` (under the index folder) when
 * given: the lexicon itself when this vocabulary was built before; else each document's
 * record when that document was seen before, and the reversed CC-CEDICT made once per
 * version of its data. Without a cache directory everything is made in memory.
 */
export async function corpusLexicon(
  source: LexiconSource,
  opts: { cacheDir?: string; options?: Partial<LexiconOptions>; glossaryText?: string } = {},
): Promise<LexiconBuild> {
  const glossaryText = opts.glossaryText ?? (await readGlossaryText());
  const glossary = parseGlossary(glossaryText);
  const options = { ...DEFAULT_LEXICON_OPTIONS, ...opts.options };
  const key = await dictionarySource();
  const dir = opts.cacheDir && join(opts.cacheDir, key);
  const lexiconFile =
    dir &&
    join(
      dir,
      "lexicons",
      `${sha256([glossaryText, JSON.stringify(options), source.userWords.join("\n"), source.texts.join("\u0000")].join("\u0001"))}.json`,
    );
  if (opts.cacheDir) await keepNewest(opts.cacheDir, 1, new Set([key]));
  const cachedLexicon = lexiconFile ? await readCached(lexiconFile, lexiconSchema) : undefined;
  if (cachedLexicon) {
    return {
      lexicon: cachedLexicon,
      fromCache: true,
      documents: { cached: 0, read: 0 },
    };
  }

  const { dictionary, how } = await dictionaryFor(key, dir);
  const extra = new Set(glossary.flatMap(([, zh]) => zh));
  const recordSalt = sha256([...extra].sort().join("\n") + domainWords().join("\n"));
  const byDoc = new Map<string, string[]>();
  source.docs.forEach((doc, i) => {
    const list = byDoc.get(doc) ?? [];
    byDoc.set(doc, list);
    list.push(foldText(source.texts[i] ?? ""));
  });
  const documents: CorpusDocument[] = [];
  const counts = { cached: 0, read: 0 };
  const used = new Set<string>();
  for (const texts of byDoc.values()) {
    const text = texts.join("\n");
    const name = `${sha256(`${recordSalt}\n${text}`)}.json`;
    used.add(name);
    const file = dir && join(dir, "documents", name);
    let record = file ? await readCached(file, documentRecordSchema) : undefined;
    if (record) counts.cached++;
    else {
      record = documentRecord(text, dictionary, extra);
      counts.read++;
      if (file) await writeCached(file, record);
    }
    documents.push({ text, record });
  }
  const build = (d: ReverseDictionary) =>
    buildLexicon({
      df: source.df,
      tokenizer: source.tokenizer,
      dictionary: d,
      documents,
      glossary,
      options,
    });
  let lexicon: Lexicon;
  let made = how;
  try {
    lexicon = build(dictionary);
  } catch (err) {
    // a line the hash vouched for but the code cannot read: made again, never used
    if (!(err instanceof DictionaryError) || !dir) throw err;
    await removeCached(join(dir, DICTIONARY_FILE));
    lexicon = build((await dictionaryFor(key, dir)).dictionary);
    made = "built";
  }
  if (dir && lexiconFile) {
    await writeCached(lexiconFile, lexicon);
    await keepNewest(join(dir, "lexicons"), KEEP_LEXICONS);
    const keep = Math.max(KEEP_DOCUMENTS.least, KEEP_DOCUMENTS.perUsed * used.size);
    await keepNewest(join(dir, "documents"), keep, used);
  }
  return { lexicon, dictionary: made, documents: counts, fromCache: false };
}
