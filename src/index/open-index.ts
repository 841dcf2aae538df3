import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { ensureIndexOffThread } from "./build-off-thread.js";
import { type Ensured, ensureIndex, type IndexJob, type LogFn } from "./ensure-index.js";
import { readCurrent } from "./layout.js";
import { IndexError, type LoadedIndex, loadIndex, readManifest } from "./load-index.js";
import { isCurrent } from "./manifest.js";

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
  /**
   * build in a worker thread, which makes its own embedder from this configuration (the
   * same one `embeddings` was made from), so that this thread keeps serving meanwhile
   */
  worker?: { embeddings: Config["embeddings"] };
};

/** Times a load starts again when CURRENT moved under it (a build elsewhere finished). */
const LOAD_ATTEMPTS = 3;

/** Load CURRENT's index; when its folder went away while loading, load the new CURRENT. */
async function loadCurrent(opts: OpenOptions): Promise<LoadedIndex> {
  for (let attempt = 1; ; attempt++) {
    const before = await readCurrent(opts.indexDir);
    try {
      return await loadIndex(opts.indexDir, opts.embeddings);
    } catch (err) {
      const moved = (await readCurrent(opts.indexDir)) !== before;
      if (!moved || attempt >= LOAD_ATTEMPTS) throw err;
    }
  }
}

/**
 * Load the index when it is current (by the corpus folder's bytes) and intact; otherwise
 * make it current (build it, or wait for another process building it) and load that.
 * Each skipped corpus file is logged, every time.
 */
export async function openIndex(opts: OpenOptions): Promise<LoadedIndex & { built: boolean }> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? (() => {});
  const hash = await corpusDirHash(opts.corpusDir);
  const found = await readManifest(opts.indexDir);
  let index: (LoadedIndex & { built: boolean }) | undefined;
  if (!opts.force && found && isCurrent(found.manifest, hash, opts.embedder)) {
    try {
      index = { ...(await loadCurrent(opts)), built: false };
    } catch (err) {
      if (!(err instanceof IndexError)) throw err;
      log("index unusable, rebuilding", { reason: err.message });
    }
  } else {
    const why = opts.force
      ? "rebuilding the index"
      : found
        ? "index stale, rebuilding"
        : "no index yet, building";
    log(why, { indexDir: opts.indexDir });
  }
  if (!index) {
    const job: IndexJob = {
      corpusDir: opts.corpusDir,
      indexDir: opts.indexDir,
      embedder: opts.embedder,
      force: opts.force,
    };
    const { built }: Ensured = opts.worker
      ? await ensureIndexOffThread(job, opts.worker.embeddings, log)
      : await ensureIndex(job, opts.embeddings, log);
    index = { ...(await loadCurrent(opts)), built };
  }
  for (const s of index.skipped) warn("corpus file skipped", { file: s.file, reason: s.reason });
  return index;
}
