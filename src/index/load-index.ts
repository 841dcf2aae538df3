import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate } from "node:timers/promises";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import { figureTableOf } from "../figures/figure-file.js";
import type { FigureTable } from "../figures/query.js";
import type { Doc, Part, Passage, SkippedFile } from "../ingest/types.js";
import { type Lexicon, lexiconSchema } from "../lexicon/lexicon.js";
import { createTokenizer, type Tokenizer } from "../text/tokenizer.js";
import { Bm25, type Bm25Data } from "./bm25.js";
import { passagesByLabel, searchEf } from "./hnsw-graph.js";
import { FILES, readCurrent } from "./layout.js";
import { hashFiles, type Manifest, manifestSchema } from "./manifest.js";
import { readLabels } from "./sources.js";

export type LoadedIndex = {
  dir: string;
  manifest: Manifest;
  docs: Doc[];
  passages: Passage[];
  /** corpus files the build could not use, and why */
  skipped: SkippedFile[];
  byId: Map<string, number>;
  tokenizer: Tokenizer;
  bm25: Bm25;
  vectors: HNSWLib;
  /** HNSW label -> passage index (-1: a deleted node); see nearestPassages */
  passageOf: Int32Array;
  /** every passage's embedding as int8, dimension-major: dimension j of passage p at j * passages + p */
  vectorsByDim: Int8Array;
  /** runs of passages of one document and one part, in passage order */
  runs: PassageRun[];
  /** the English->Chinese lexicon, when the index has one */
  lexicon?: Lexicon;
  /** every figure of every report as a row, validated when the index is loaded */
  figures: FigureTable;
  /** other optional artefacts by file name */
  extras: Record<string, unknown>;
};

/** Passages [from, to) that belong to one document and one part of it. */
export type PassageRun = { doc: string; part: Part; from: number; to: number };

export class IndexError extends Error {}

/** Index files that are not extras: the lexical and dense indexes and what rebuilds read. */
const NOT_EXTRAS = new Set<string>([
  FILES.corpus,
  FILES.lexical,
  FILES.figures,
  FILES.vectors,
  FILES.labels,
  FILES.sources,
]);

const turn = () => setImmediate();

/** The runs of passages that share a document and a part: what scopes are made of. */
function passageRuns(passages: Passage[]): PassageRun[] {
  const runs: PassageRun[] = [];
  passages.forEach((p, i) => {
    const last = runs[runs.length - 1];
    if (last && last.doc === p.doc && last.part === p.part && last.to === i) last.to = i + 1;
    else runs.push({ doc: p.doc, part: p.part, from: i, to: i + 1 });
  });
  return runs;
}

/** The manifest CURRENT points at, or undefined when there is no usable one. */
export async function readManifest(
  indexDir: string,
): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const name = await readCurrent(indexDir);
  if (!name) return undefined;
  const dir = join(indexDir, name);
  try {
    const raw = JSON.parse(await readFile(join(dir, FILES.manifest), "utf8"));
    return { dir, manifest: manifestSchema.parse(raw) };
  } catch {
    return undefined;
  }
}

/** Why a built folder is not the index its manifest describes, or undefined when it is. */
export async function verifyBuild(dir: string, manifest: Manifest): Promise<string | undefined> {
  const names = Object.keys(manifest.files);
  let actual: Record<string, string>;
  try {
    actual = await hashFiles(dir, names);
  } catch {
    return `index in ${dir} is missing files`;
  }
  const wrong = names.find((n) => actual[n] !== manifest.files[n]);
  return wrong && `index file ${wrong} does not match its manifest`;
}

/**
 * Load a built index. Every file is checked against the manifest's sha256 first: a corrupt
 * or half-written index raises IndexError and is never served.
 */
export async function loadIndex(indexDir: string, embeddings: Embeddings): Promise<LoadedIndex> {
  const found = await readManifest(indexDir);
  if (!found) throw new IndexError(`no index in ${indexDir}`);
  const { dir, manifest } = found;
  const broken = await verifyBuild(dir, manifest);
  if (broken) throw new IndexError(broken);
  // the parsing below is synchronous: the event loop gets a turn between the steps, so that
  // a server loading a rebuilt index stalls for the longest step, not for their sum
  const corpus = JSON.parse(await readFile(join(dir, FILES.corpus), "utf8")) as {
    docs: Doc[];
    passages: Passage[];
    skipped?: SkippedFile[];
  };
  await turn();
  const lexical = JSON.parse(await readFile(join(dir, FILES.lexical), "utf8")) as {
    userWords: string[];
    bm25: Bm25Data;
  };
  await turn();
  const extras: Record<string, unknown> = {};
  for (const n of Object.keys(manifest.files)) {
    if (!NOT_EXTRAS.has(n) && !n.startsWith(`${FILES.hnswDir}/`)) {
      extras[n] = JSON.parse(await readFile(join(dir, n), "utf8"));
      await turn();
    }
  }
  let lexicon: Lexicon | undefined;
  if (FILES.lexicon in extras) {
    const parsed = lexiconSchema.safeParse(extras[FILES.lexicon]);
    if (!parsed.success) throw new IndexError(`index file ${FILES.lexicon} is not a lexicon`);
    lexicon = parsed.data;
    delete extras[FILES.lexicon];
  }
  if (!(FILES.figures in manifest.files))
    throw new IndexError(`index in ${dir} has no figure table`);
  const figures = figureTableOf(JSON.parse(await readFile(join(dir, FILES.figures), "utf8")));
  if (!figures) throw new IndexError(`index file ${FILES.figures} is not a figure table`);
  const vectors = await HNSWLib.load(join(dir, FILES.hnswDir), embeddings);
  vectors.index.setEf(searchEf(corpus.passages.length));
  const bytes = await readFile(join(dir, FILES.vectors));
  const vectorsByDim = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (vectorsByDim.length !== corpus.passages.length * manifest.dimensions)
    throw new IndexError("index vectors do not match its passages");
  const labels = await readLabels(dir, manifest);
  if (labels.length !== corpus.passages.length)
    throw new IndexError("index graph labels do not match its passages");
  const tokenizer = createTokenizer(lexical.userWords);
  await turn();
  const bm25 = new Bm25(lexical.bm25);
  await turn();
  return {
    dir,
    manifest,
    docs: corpus.docs,
    passages: corpus.passages,
    skipped: corpus.skipped ?? [],
    byId: new Map(corpus.passages.map((p, i) => [p.id, i])),
    tokenizer,
    bm25,
    vectors,
    passageOf: passagesByLabel(labels, vectors.index.getCurrentCount()),
    vectorsByDim,
    runs: passageRuns(corpus.passages),
    lexicon,
    figures,
    extras,
  };
}
