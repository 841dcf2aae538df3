import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { buildFigureFile } from "../figures/figure-file.js";
import { corpusHash } from "../ingest/corpus-hash.js";
import { ingestFiles } from "../ingest/ingest-file.js";
import type { Doc, Passage, SkippedFile, SourceFile } from "../ingest/types.js";
import { DOMAIN_WORDS } from "../text/domain-words.js";
import { createTokenizer, quotedTerms, type Tokenizer } from "../text/tokenizer.js";
import { buildBm25 } from "./bm25.js";
import { buildName, FILES, setCurrent } from "./layout.js";
import { hashFiles, INDEX_VERSION, type Manifest } from "./manifest.js";
import { indexedText } from "./passage-text.js";

const EMBED_BATCH = 2000;

/** A vector, L2-normalized, as int8 at `at` in `out`: exact scoring within a scope (see dense-scope.ts). */
function quantize(v: number[], out: Int8Array, at: number): void {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? 127 / Math.sqrt(norm) : 0;
  for (let i = 0; i < v.length; i++) out[at + i] = Math.round((v[i] as number) * scale);
}

/** What an extras hook gets: the ingested corpus and the texts as the lexical index reads them. */
export type BuiltCorpus = {
  docs: Doc[];
  passages: Passage[];
  userWords: string[];
  /** each passage's indexed text */
  texts: string[];
  /** each passage's index terms */
  termLists: string[][];
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
};

/**
 * Ingest, tokenize, embed and save a complete index into a fresh folder inside indexDir,
 * then point `CURRENT` at it with an atomic rename. A crash at any point leaves the
 * previous index (or none) in force, never a half-written one.
 */
export async function buildIndex(input: BuildInput): Promise<{ dir: string; manifest: Manifest }> {
  const started = performance.now();
  const { docs, passages } = ingestFiles(input.files);
  const userWords = [...new Set([...DOMAIN_WORDS, ...docs.flatMap((d) => quotedTerms(d.text))])];
  const tokenizer = createTokenizer(userWords);
  const texts = passages.map(indexedText);
  const termLists = texts.map((t) => tokenizer.terms(t));
  const bm25 = buildBm25(termLists);

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
      ? await input.extras({ docs, passages, userWords, texts, termLists, tokenizer })
      : {};
    const figures = await buildFigureFile(docs, passages, tokenizer.isWord);
    await writeFile(join(tmp, FILES.figures), JSON.stringify(figures));
    for (const [file, value] of Object.entries(extras)) {
      await writeFile(join(tmp, file), JSON.stringify(value));
    }

    // embed and insert in batches: a large corpus never holds every vector at once
    let store: HNSWLib | undefined;
    let dimensions = 1;
    let quantized: Int8Array | undefined;
    for (let from = 0; from < texts.length; from += EMBED_BATCH) {
      const vectors = await input.embeddings.embedDocuments(texts.slice(from, from + EMBED_BATCH));
      dimensions = vectors[0]?.length ?? dimensions;
      store ??= new HNSWLib(input.embeddings, { space: "cosine", numDimensions: dimensions });
      quantized ??= new Int8Array(texts.length * dimensions);
      for (const [j, v] of vectors.entries()) quantize(v, quantized, (from + j) * dimensions);
      await store.addVectors(
        vectors,
        passages
          .slice(from, from + EMBED_BATCH)
          .map(
            (p, j) => new Document({ pageContent: p.text, metadata: { i: from + j, id: p.id } }),
          ),
      );
    }
    if (!store || !quantized) throw new Error("the corpus has no passages");
    await store.save(join(tmp, FILES.hnswDir));
    await writeFile(join(tmp, FILES.vectors), quantized);

    const manifest: Manifest = {
      version: INDEX_VERSION,
      corpusHash: hash,
      embedder: input.embedder,
      dimensions,
      passages: passages.length,
      documents: docs.length,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      files: await hashFiles(tmp, [
        FILES.corpus,
        FILES.lexical,
        FILES.figures,
        ...Object.keys(extras),
        FILES.vectors,
        ...FILES.hnsw.map((f) => join(FILES.hnswDir, f)),
      ]),
    };
    await writeFile(join(tmp, FILES.manifest), JSON.stringify(manifest, null, 2));
    const dir = join(input.indexDir, name);
    await rename(tmp, dir);
    await setCurrent(input.indexDir, name);
    return { dir, manifest };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
