import type { Embeddings } from "@langchain/core/embeddings";
import { corpusHash } from "../ingest/corpus-hash.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { buildIndex } from "./build-index.js";
import { lexiconExtras } from "./lexicon-extras.js";
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

/** Load the index when it is current and intact; otherwise build it, then load it. */
export async function openIndex(opts: OpenOptions): Promise<LoadedIndex & { built: boolean }> {
  const log = opts.log ?? (() => {});
  const files = await readCorpus(opts.corpusDir);
  if (files.length === 0) throw new IndexError(`no .txt or .md documents in ${opts.corpusDir}`);
  const hash = corpusHash(files);
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
  const { manifest } = await buildIndex({
    files,
    indexDir: opts.indexDir,
    embeddings: opts.embeddings,
    embedder: opts.embedder,
    extras: lexiconExtras(opts.indexDir),
  });
  log("index built", { passages: manifest.passages, ms: manifest.buildMs });
  return { ...(await loadIndex(opts.indexDir, opts.embeddings)), built: true };
}
