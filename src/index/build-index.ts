import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import { buildFigureFile } from "../figures/figure-file.js";
import { corpusHash } from "../ingest/corpus-hash.js";
import type { Doc, Passage, SkippedFile, SourceFile } from "../ingest/types.js";
import { domainWords } from "../text/domain-words.js";
import { createTokenizer, quotedTerms, type Tokenizer } from "../text/tokenizer.js";
import { type Bm25Data, buildBm25 } from "./bm25.js";
import { reuseBm25 } from "./bm25-reuse.js";
import { collectDocuments } from "./collect-documents.js";
import { type GraphPlan, planGraph, saveGraph } from "./hnsw-graph.js";
import { buildName, FILES, setCurrent } from "./layout.js";
import { hashFiles, INDEX_VERSION, type Manifest } from "./manifest.js";
import { indexedText } from "./passage-text.js";
import type { BuildBase } from "./sources.js";

/**
 * Passages embedded in one call, then put in the graph: bounds the float vectors held at
 * once on a large corpus (set by hand with the scale bench, not tuned). The index does not
 * depend on it: vectors go into the graph in passage order whatever the batch.
 */
const EMBED_BATCH = 2000;

/** The largest int8: a unit vector's components are stored as multiples of 1/127. */
const INT8_MAX = 127;

/**
 * A vector, L2-normalized, as int8 into dimension-major `out` (dimension j of passage i at
 * j * count + i): exact scoring within a scope reads one run per dimension (dense-scope.ts).
 */
function quantize(v: number[], out: Int8Array, i: number, count: number): void {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? INT8_MAX / Math.sqrt(norm) : 0;
  for (let j = 0; j < v.length; j++) out[j * count + i] = Math.round((v[j] as number) * scale);
}

/** Copy the base's vectors of the passages kept, run by run of consecutive passages. */
function copyKept(base: BuildBase, from: Int32Array, out: Int8Array, dims: number): void {
  const count = from.length;
  const had = base.vectorsByDim.length / dims;
  for (let i = 0; i < count; ) {
    const f = from[i] as number;
    let end = i + 1;
    if (f < 0) {
      i = end;
      continue;
    }
    while (end < count && from[end] === f + (end - i)) end++;
    for (let j = 0; j < dims; j++)
      out.set(base.vectorsByDim.subarray(j * had + f, j * had + f + end - i), j * count + i);
    i = end;
  }
}

/** What an extras hook gets: the ingested corpus and the texts as the lexical index reads them. */
export type BuiltCorpus = {
  docs: Doc[];
  passages: Passage[];
  userWords: string[];
  /** each passage's indexed text */
  texts: string[];
  /** each index term's passage count (from the lexical index) */
  df: ReadonlyMap<string, number>;
  tokenizer: Tokenizer;
};

export type BuildInput = {
  files: SourceFile[];
  /** corpus files that could not be used: saved with the index, listed by the API */
  skipped?: SkippedFile[];
  /** the manifest's corpus hash: the folder's (corpusDirHash); else one of the files' texts */
  corpusHash?: string;
  indexDir: string;
  embeddings: Embeddings;
  embedder: string;
  /** extra artefacts written beside the index (name -> JSON value), e.g. the lexicon */
  extras?: (corpus: BuiltCorpus) => Promise<Record<string, unknown>>;
  /**
   * a saved build of this code and embedder: its documents whose files are unchanged are
   * taken over (passages, terms, vectors, graph nodes), not ingested and embedded again
   */
  base?: BuildBase;
};

/** A build: its folder, its manifest, and the milliseconds each step took. */
export type Built = { dir: string; manifest: Manifest; stages: Record<string, number> };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * BM25 over every passage. The base's statistics are reused for the passages it holds when
 * the tokenizer is the same (the same user words: jieba's segmentation depends on all of
 * them); only the new passages are tokenized then.
 */
function lexicalData(
  texts: string[],
  from: Int32Array,
  userWords: string[],
  tokenizer: Tokenizer,
  base: BuildBase | undefined,
): Bm25Data {
  if (base && sameList(base.userWords, userWords)) {
    const fresh = texts.filter((_, i) => (from[i] as number) < 0).map((t) => tokenizer.terms(t));
    const reused = reuseBm25(base.bm25, from, fresh);
    if (reused) return reused;
  }
  return buildBm25(texts.map((t) => tokenizer.terms(t)));
}

/** Each term's passage count, read from the BM25 postings ([passage, tf] pairs). */
const postingsDf = (bm25: Bm25Data) =>
  new Map(Object.entries(bm25.postings).map(([t, list]) => [t, list.length / 2]));

/**
 * Every passage's vector: the base's for the passages it holds, embedded (in batches, so
 * that a large corpus never holds every float vector at once) for the others, each put in
 * the graph too. Returns the graph, the int8 vectors and their dimensions.
 */
async function vectorsOf(
  texts: string[],
  from: Int32Array,
  embeddings: Embeddings,
  base: BuildBase | undefined,
): Promise<{ plan: GraphPlan; quantized: Int8Array; dimensions: number }> {
  let made: { plan: GraphPlan; quantized: Int8Array; dimensions: number } | undefined;
  const start = async (dimensions: number) => {
    const quantized = new Int8Array(texts.length * dimensions);
    if (base) copyKept(base, from, quantized, dimensions);
    return { plan: await planGraph(dimensions, from, base), quantized, dimensions };
  };
  if (base) made = await start(base.dimensions);
  const fresh = [...from.keys()].filter((i) => (from[i] as number) < 0);
  for (let at = 0; at < fresh.length; at += EMBED_BATCH) {
    const batch = fresh.slice(at, at + EMBED_BATCH);
    const vectors = await embeddings.embedDocuments(batch.map((i) => texts[i] as string));
    made ??= await start(vectors[0]?.length ?? 1);
    for (const [j, v] of vectors.entries()) {
      if (v.length !== made.dimensions)
        throw new Error(
          `the embedder gave ${v.length} dimensions, the index has ${made.dimensions}`,
        );
      const i = batch[j] as number;
      quantize(v, made.quantized, i, texts.length);
      made.plan.graph.addPoint(v, made.plan.labels[i] as number);
    }
  }
  if (!made) throw new Error("the corpus has no passages");
  return made;
}

/**
 * Ingest, tokenize, embed and save a complete index into a fresh folder inside indexDir,
 * then point `CURRENT` at it with an atomic rename. A crash at any point leaves the
 * previous index (or none) in force, never a half-written one. With a base, only the
 * documents whose files changed are ingested and embedded; the result is the same index.
 */
export async function buildIndex(input: BuildInput): Promise<Built> {
  const started = performance.now();
  const stages: Record<string, number> = {};
  let last = started;
  const stage = (name: string) => {
    const now = performance.now();
    stages[name] = Math.round(now - last);
    last = now;
  };
  const { docs, passages, sources, from, reused } = collectDocuments(input.files, input.base);
  if (passages.length === 0) throw new Error("the corpus has no passages");
  stage("documents");
  const userWords = [...new Set([...domainWords(), ...docs.flatMap((d) => quotedTerms(d.text))])];
  const texts = passages.map(indexedText);
  const tokenizer = createTokenizer(userWords);
  const bm25 = lexicalData(texts, from, userWords, tokenizer, input.base);
  stage("bm25");

  const skipped = input.skipped ?? [];
  const hash = input.corpusHash ?? corpusHash(input.files);
  const name = buildName(hash);
  await mkdir(input.indexDir, { recursive: true });
  const tmp = join(input.indexDir, `.tmp-${name}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(tmp, { recursive: true });
    await writeFile(join(tmp, FILES.corpus), JSON.stringify({ docs, passages, skipped }));
    await writeFile(join(tmp, FILES.lexical), JSON.stringify({ userWords, bm25 }));
    const extras = input.extras
      ? await input.extras({ docs, passages, userWords, texts, df: postingsDf(bm25), tokenizer })
      : {};
    const figures = await buildFigureFile(docs, passages, tokenizer.isWord);
    await writeFile(join(tmp, FILES.figures), JSON.stringify(figures));
    for (const [file, value] of Object.entries(extras)) {
      await writeFile(join(tmp, file), JSON.stringify(value));
    }
    stage("extras");
    const { plan, quantized, dimensions } = await vectorsOf(
      texts,
      from,
      input.embeddings,
      input.base,
    );
    stage("vectors");
    await saveGraph(join(tmp, FILES.hnswDir), plan, passages, input.embeddings);
    await writeFile(join(tmp, FILES.vectors), quantized);
    await writeFile(join(tmp, FILES.labels), new Uint8Array(plan.labels.buffer));
    await writeFile(join(tmp, FILES.sources), JSON.stringify({ sources }));

    const manifest: Manifest = {
      version: INDEX_VERSION,
      corpusHash: hash,
      embedder: input.embedder,
      dimensions,
      passages: passages.length,
      documents: docs.length,
      reused,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      files: await hashFiles(tmp, [
        FILES.corpus,
        FILES.lexical,
        FILES.figures,
        ...Object.keys(extras),
        FILES.vectors,
        FILES.labels,
        FILES.sources,
        ...FILES.hnsw.map((f) => join(FILES.hnswDir, f)),
      ]),
    };
    await writeFile(join(tmp, FILES.manifest), JSON.stringify(manifest, null, 2));
    const dir = join(input.indexDir, name);
    await rename(tmp, dir);
    await setCurrent(input.indexDir, name);
    stage("write");
    return { dir, manifest, stages };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
