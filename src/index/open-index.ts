import type { Embeddings } from "@langchain/core/embeddings";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { READERS } from "../ingest/formats/readers.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { buildIndex } from "./build-index.js";
import { lexiconExtras } from "./lexicon-extras.js";
import { IndexError, type LoadedIndex, loadIndex, readManifest } from "./load-index.js";
import { isCurrent } from "./manifest.js";

type LogFn = (msg: string, fields?: Record<string, unknown>) => void;

export type OpenOptions = {
  corpusDir: string;
  indexDir: string;
  embeddings: Embeddings;
  embedder: string;
  /** rebuild even when the saved index is current */
  force?: boolean;
  log?: LogFn;
  /** where each corpus file the index lacks (skipped: corrupt, not text...) is reported */
  warn?: LogFn;
};

/** Read the corpus folder and build its index; a folder with no readable document is an error. */
async function build(opts: OpenOptions, corpusHash: string, log: LogFn): Promise<void> {
  const { files, skipped } = await readCorpus(opts.corpusDir);
  if (files.length === 0) {
    const kinds = Object.keys(READERS).join(", ");
    const why = skipped.map((s) => `${s.file}: ${s.reason}`).join("; ");
    throw new IndexError(
      `no readable documents (${kinds}) in ${opts.corpusDir}${why ? ` (skipped ${why})` : ""}`,
    );
  }
  const { manifest } = await buildIndex({
    files,
    skipped,
    corpusHash,
    indexDir: opts.indexDir,
    embeddings: opts.embeddings,
    embedder: opts.embedder,
    extras: lexiconExtras(opts.indexDir),
  });
  log("index built", { passages: manifest.passages, ms: manifest.buildMs });
}

/**
 * Load the index when it is current (by the corpus folder's bytes) and intact; otherwise
 * read the corpus, build it, then load it. Each skipped corpus file is logged, every time.
 */
export async function openIndex(opts: OpenOptions): Promise<LoadedIndex & { built: boolean }> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? (() => {});
  const hash = await corpusDirHash(opts.corpusDir);
  const found = await readManifest(opts.indexDir);
  let index: (LoadedIndex & { built: boolean }) | undefined;
  if (!opts.force && found && isCurrent(found.manifest, hash, opts.embedder)) {
    try {
      index = { ...(await loadIndex(opts.indexDir, opts.embeddings)), built: false };
    } catch (err) {
      if (!(err instanceof IndexError)) throw err;
      log("index unusable, rebuilding", { reason: err.message });
    }
  } else {
    log(found ? "index stale, rebuilding" : "no index yet, building", { indexDir: opts.indexDir });
  }
  if (!index) {
    await build(opts, hash, log);
    index = { ...(await loadIndex(opts.indexDir, opts.embeddings)), built: true };
  }
  for (const s of index.skipped) warn("corpus file skipped", { file: s.file, reason: s.reason });
  return index;
}
