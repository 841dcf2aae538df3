import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { corpusHash } from "../ingest/corpus-hash.js";
import type { Doc, Passage, SourceFile } from "../ingest/types.js";
import type { Bm25Data } from "./bm25.js";
import { FILES } from "./layout.js";
import type { Manifest } from "./manifest.js";

/** One corpus document as a build read it: what lets a later build take it over unchanged. */
export type SourceRecord = {
  /** its path in the corpus folder */
  name: string;
  /** what its document and passages are a function of: name, format, text and metadata */
  key: string;
  /** the sha256 of its bytes and the text read from them, when it was read from a folder */
  sha256?: string;
  raw?: string;
  /** its passages in corpus.json, [from, to) */
  passages: [number, number];
};

export const sourceKey = (file: SourceFile): string => corpusHash([file]);

/** A saved build whose unchanged documents a new build takes over instead of redoing them. */
export type BuildBase = {
  sources: SourceRecord[];
  docs: Doc[];
  passages: Passage[];
  userWords: string[];
  bm25: Bm25Data;
  /** int8 vectors, dimension-major (see LoadedIndex.vectorsByDim) */
  vectorsByDim: Int8Array;
  dimensions: number;
  /** passage -> its label in the HNSW graph */
  labels: Int32Array;
  /** the saved HNSW graph */
  hnswFile: string;
};

/** The passages' HNSW labels as saved, or each passage's own index for a build without them. */
export async function readLabels(dir: string, manifest: Manifest): Promise<Int32Array> {
  if (!manifest.files[FILES.labels])
    return Int32Array.from({ length: manifest.passages }, (_, i) => i);
  const bytes = await readFile(join(dir, FILES.labels));
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A verified build as a base; undefined when it predates per-document records. */
export async function readBase(dir: string, manifest: Manifest): Promise<BuildBase | undefined> {
  if (!manifest.files[FILES.sources]) return undefined;
  const json = async <T>(file: string) => JSON.parse(await readFile(join(dir, file), "utf8")) as T;
  const { sources } = await json<{ sources: SourceRecord[] }>(FILES.sources);
  const { docs, passages } = await json<{ docs: Doc[]; passages: Passage[] }>(FILES.corpus);
  const { userWords, bm25 } = await json<{ userWords: string[]; bm25: Bm25Data }>(FILES.lexical);
  const bytes = await readFile(join(dir, FILES.vectors));
  return {
    sources,
    docs,
    passages,
    userWords,
    bm25,
    vectorsByDim: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    dimensions: manifest.dimensions,
    labels: await readLabels(dir, manifest),
    hnswFile: join(dir, FILES.hnswDir, FILES.hnsw[0]),
  };
}

/** The texts a base read, by the sha256 of their files' bytes: not read again. */
export function knownTexts(base: BuildBase | undefined): Map<string, string> {
  const known = new Map<string, string>();
  for (const s of base?.sources ?? [])
    if (s.sha256 && s.raw !== undefined) known.set(s.sha256, s.raw);
  return known;
}
