import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { buildIndex } from "../../src/index/build-index.js";
import { FILES, readCurrent } from "../../src/index/layout.js";
import { lexiconCacheDir, lexiconExtras } from "../../src/index/lexicon-extras.js";
import { IndexError, loadIndex } from "../../src/index/load-index.js";
import { sha256 } from "../../src/index/manifest.js";
import { indexedText } from "../../src/index/passage-text.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import { corpusLexicon, type LexiconSource } from "../../src/lexicon/build/corpus-lexicon.js";
import { termDf } from "../../src/lexicon/build/corpus-vocabulary.js";
import { readCached, writeCached } from "../../src/lexicon/build/lexicon-cache.js";
import {
  DictionaryError,
  fromText,
  headwordOf,
} from "../../src/lexicon/build/reverse-dictionary.js";
import { domainWords } from "../../src/text/domain-words.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

const DOCS: [string, string][] = [
  ["a.txt", "全社会固定资产投资增长6.5%，外贸进出口总额增长。\n\n黑豹队的防守只丢了308分。"],
  ["b.txt", "举办春熙路开街百年活动，推动消费提质扩容。"],
  ["c.txt", "防范化解地方政府债务风险，粮食每亩产量提高20斤。"],
];
const userWords = [...domainWords()];
const tokenizer = createTokenizer(userWords);

function sourceOf(docs: [string, string][]): LexiconSource {
  const passages = docs.flatMap(
    ([name, raw]) => ingestFile({ name, raw, meta: {}, format: "txt" }).passages,
  );
  const texts = passages.map(indexedText);
  return {
    texts,
    docs: passages.map((p) => p.doc),
    df: termDf(texts.map((t) => tokenizer.terms(t))),
    tokenizer,
    userWords,
  };
}

/** A cache folder holding only the reversed dictionary the global setup's build made. */
async function cacheWithDictionary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-lexicon-cache-"));
  await cp(lexiconCacheDir(inject("indexDir")), dir, { recursive: true });
  for (const source of await readdir(dir)) {
    await rm(join(dir, source, "documents"), { recursive: true, force: true });
    await rm(join(dir, source, "lexicons"), { recursive: true, force: true });
  }
  return dir;
}

/** The cache's files of one kind ("dictionary.txt", "documents", "lexicons"). */
async function cached(dir: string, kind: string): Promise<string[]> {
  const [source] = await readdir(dir);
  const path = join(dir, source as string, kind);
  return kind.endsWith(".json") ? [path] : (await readdir(path)).map((f) => join(path, f));
}

describe("the lexicon's cache on disk", () => {
  it("reuses a built lexicon, and reads only the documents it has not seen", async () => {
    const cacheDir = await cacheWithDictionary();
    const first = await corpusLexicon(sourceOf(DOCS.slice(0, 2)), { cacheDir });
    expect([first.fromCache, first.dictionary, first.documents]).toEqual([
      false,
      "cached",
      { cached: 0, read: 2 },
    ]);
    const again = await corpusLexicon(sourceOf(DOCS.slice(0, 2)), { cacheDir });
    expect(again.fromCache).toBe(true);
    expect(again.lexicon).toEqual(first.lexicon);

    const more = await corpusLexicon(sourceOf(DOCS), { cacheDir });
    expect([more.fromCache, more.documents]).toEqual([false, { cached: 2, read: 1 }]);
    // the same lexicon as one made with no document seen: the cache changes the cost, not the result
    const fresh = await corpusLexicon(sourceOf(DOCS), { cacheDir: await cacheWithDictionary() });
    expect(fresh.documents).toEqual({ cached: 0, read: 3 });
    expect(more.lexicon).toEqual(fresh.lexicon);
    expect(more.lexicon.entries.jin).toEqual([["斤", 1]]);
  });

  it("never trusts a corrupt file: it is made again", async () => {
    const cacheDir = await cacheWithDictionary();
    const first = await corpusLexicon(sourceOf(DOCS), { cacheDir });
    const [lexiconFile] = await cached(cacheDir, "lexicons");
    const [recordFile] = await cached(cacheDir, "documents");
    await writeFile(lexiconFile as string, `${"0".repeat(64)}\n{}`);
    const text = await readFile(recordFile as string, "utf8");
    // still JSON, but no longer the bytes its hash line vouches for
    await writeFile(recordFile as string, `${text.trimEnd()} `);
    const repaired = await corpusLexicon(sourceOf(DOCS), { cacheDir });
    expect([repaired.fromCache, repaired.documents]).toEqual([false, { cached: 2, read: 1 }]);
    expect(repaired.lexicon).toEqual(first.lexicon);
  });

  it("reads the reversed dictionary's lines only as they are written", () => {
    const text = "longest\t2\nproper\t斯\t0.6\n投资\t1\t500\tinvestment\t1\t0\n坏\t1\tx\tbad\t1\t0";
    const d = fromText(text);
    expect(d && headwordOf(d, "投资")).toEqual({
      keys: new Map([["investment", [1, 0]]]),
      definitions: 1,
      frequency: 500,
    });
    expect(() => d && headwordOf(d, "坏")).toThrow(DictionaryError);
    expect(fromText("proper\n投资\t1")).toBeUndefined();
  });

  it("removes a cache file whose hash or shape does not check out", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rqa-cache-file-"));
    const file = join(dir, "x.json");
    const schema = z.object({ n: z.number() });
    await writeCached(file, { n: 1 });
    expect(await readCached(file, schema)).toEqual({ n: 1 });
    await writeFile(file, (await readFile(file, "utf8")).replace('"n":1', '"n":2'));
    expect(await readCached(file, schema)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    await writeCached(file, { n: "one" });
    expect(await readCached(file, schema)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it("is kept under the index folder, and an index whose lexicon is not one is not served", async () => {
    const { embeddings, name } = makeEmbeddings({ kind: "local" }, tokenizer);
    const indexDir = await mkdtemp(join(tmpdir(), "rqa-lexicon-index-"));
    await cp(lexiconCacheDir(inject("indexDir")), lexiconCacheDir(indexDir), { recursive: true });
    const files = DOCS.map(([n, raw]) => ({ name: n, raw, meta: {}, format: "txt" as const }));
    await buildIndex({
      files,
      indexDir,
      embeddings,
      embedder: name,
      extras: lexiconExtras(indexDir),
    });
    expect((await loadIndex(indexDir, embeddings)).lexicon?.entries.jin).toEqual([["斤", 1]]);

    // a lexicon.json of the wrong shape, even one the manifest vouches for
    const dir = join(indexDir, (await readCurrent(indexDir)) as string);
    const bad = JSON.stringify({ entries: { jin: [["斤", "one"]] } });
    await writeFile(join(dir, FILES.lexicon), bad);
    const manifest = JSON.parse(await readFile(join(dir, FILES.manifest), "utf8"));
    manifest.files[FILES.lexicon] = sha256(bad);
    await writeFile(join(dir, FILES.manifest), JSON.stringify(manifest));
    await expect(loadIndex(indexDir, embeddings)).rejects.toBeInstanceOf(IndexError);
  });
});
