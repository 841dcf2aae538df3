import { relative } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { ensureIndexOffThread } from "./build-off-thread.js";
import { type Ensured, ensureIndex, type IndexJob, type LogFn } from "./ensure-index.js";
import { readCurrent } from "./layout.js";
import { IndexError, type LoadedIndex, loadIndex, readManifest } from "./load-index.js";
import { INDEX_VERSION, isCurrent } from "./manifest.js";

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

/** File system errors that say INDEX_DIR cannot take a new build: read-only, no permission, full. */
const UNWRITABLE = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT"]);

/** The errno code of an error writing INDEX_DIR (or a folder above it), else undefined. */
function unwritable(err: unknown, indexDir: string): string | undefined {
  const { code, path } = err as NodeJS.ErrnoException;
  if (!code || !UNWRITABLE.has(code) || !path) return undefined;
  const inside = relative(path, indexDir);
  const outside = relative(indexDir, path);
  return !inside.startsWith("..") || !outside.startsWith("..") ? code : undefined;
}

/** The index CURRENT points at, when this code and this embedder made it and it is intact. */
async function previousIndex(opts: OpenOptions): Promise<LoadedIndex | undefined> {
  const found = await readManifest(opts.indexDir);
  if (found?.manifest.version !== INDEX_VERSION || found.manifest.embedder !== opts.embedder)
    return undefined;
  return loadCurrent(opts).catch(() => undefined);
}

/**
 * Make the index current (build it, or wait while another process builds it) and load it.
 * When INDEX_DIR cannot be written, the previous index is served, with a warning.
 */
async function rebuild(opts: OpenOptions, log: LogFn, warn: LogFn): Promise<Opened> {
  const job: IndexJob = {
    corpusDir: opts.corpusDir,
    indexDir: opts.indexDir,
    embedder: opts.embedder,
    force: opts.force,
  };
  let ensured: Ensured;
  try {
    ensured = opts.worker
      ? await ensureIndexOffThread(job, opts.worker.embeddings, log)
      : await ensureIndex(job, opts.embeddings, log);
  } catch (err) {
    const code = unwritable(err, opts.indexDir);
    if (!code) throw err;
    const previous = await previousIndex(opts);
    if (!previous)
      throw new IndexError(
        `cannot build the index: ${opts.indexDir} cannot be written (${code}) and holds no usable index`,
      );
    warn("INDEX_DIR cannot be written: serving the previous index, not rebuilt for the corpus", {
      indexDir: opts.indexDir,
      code,
      index: previous.dir,
      builtAt: previous.manifest.builtAt,
    });
    return { ...previous, built: false };
  }
  return { ...(await loadCurrent(opts)), built: ensured.built };
}

type Opened = LoadedIndex & { built: boolean };

/**
 * Load the index when it is current (by the corpus folder's bytes) and intact; otherwise
 * make it current and load that (see rebuild). Each skipped corpus file is logged, every time.
 */
export async function openIndex(opts: OpenOptions): Promise<Opened> {
  const log = opts.log ?? (() => {});
  const warn = opts.warn ?? (() => {});
  const hash = await corpusDirHash(opts.corpusDir);
  const found = await readManifest(opts.indexDir);
  let index: Opened | undefined;
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
  index ??= await rebuild(opts, log, warn);
  for (const s of index.skipped) warn("corpus file skipped", { file: s.file, reason: s.reason });
  return index;
}
