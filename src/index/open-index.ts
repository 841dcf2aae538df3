import type { Embeddings } from "@langchain/core/embeddings";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { buildIndex } from "./build-index.js";
import { lexiconExtras } from "./lexicon.js";
import { IndexError, type LoadedIndex, loadIndex, readManifest } from "./load-index.js";
import { isCurrent } from "./manifest.js";

export type OpenOptions = {
  corpusDir: string;
  indexDir: string;
  embeddings: Embeddings;
  embedder: string;
  /** rebuild even when the saved index is current */
  force?: boolean;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
};

/**
 * Load the index when it is current (by the corpus folder's bytes) and intact; otherwise
 * read the corpus, build it, then load it.
 */
export async function openIndex(opts: OpenOptions): Promise<LoadedIndex & { built: boolean }> {
  const log = opts.log ?? (() => {});
  const hash = await corpusDirHash(opts.corpusDir);
  const found = await readManifest(opts.indexDir);
  if (!opts.force && found && isCurrent(found.manifest, hash, opts.embedder)) {
    try {
      return { ...(await loadIndex(opts.indexDir, opts.embeddings)), built: false };
    } catch (err) {
      if (!(err instanceof IndexError)) throw err;
      log("index unusable, rebuilding", { reason: err.message });
    }
  } else {
    log(found ? "index stale, rebuilding" : "no index yet, building", { indexDir: opts.indexDir });
  }
  const { files } = await readCorpus(opts.corpusDir);
  if (files.length === 0) throw new IndexError(`no readable documents in ${opts.corpusDir}`);
  const { manifest } = await buildIndex({
    files,
    corpusHash: hash,
    indexDir: opts.indexDir,
    embeddings: opts.embeddings,
    embedder: opts.embedder,
    extras: lexiconExtras,
  });
  log("index built", { passages: manifest.passages, ms: manifest.buildMs });
  return { ...(await loadIndex(opts.indexDir, opts.embeddings)), built: true };
}
