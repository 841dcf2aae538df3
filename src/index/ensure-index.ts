import { mkdir } from "node:fs/promises";
import type { Embeddings } from "@langchain/core/embeddings";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { READERS } from "../ingest/formats/readers.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { buildIndex } from "./build-index.js";
import { withBuildLock } from "./build-lock.js";
import { lexiconExtras } from "./lexicon.js";
import { IndexError, readManifest, verifyBuild } from "./load-index.js";
import { isCurrent, type Manifest } from "./manifest.js";

export type LogFn = (msg: string, fields?: Record<string, unknown>) => void;

/** What to make current in INDEX_DIR: the index of a corpus folder, by one embedder. */
export type IndexJob = {
  corpusDir: string;
  indexDir: string;
  /** the embedder's name (the manifest's `embedder`) */
  embedder: string;
  /** build every document again, even when the saved index is current */
  force?: boolean;
};

export type Ensured = { built: boolean; manifest?: Manifest };

/**
 * Make INDEX_DIR's current index the index of the corpus folder as it is now, holding the
 * build lock. When another process built it while this one waited, nothing is done.
 */
export async function ensureIndex(
  job: IndexJob,
  embeddings: Embeddings,
  log: LogFn = () => {},
): Promise<Ensured> {
  await mkdir(job.indexDir, { recursive: true });
  return withBuildLock(
    job.indexDir,
    async () => {
      const hash = await corpusDirHash(job.corpusDir);
      const found = await readManifest(job.indexDir);
      if (
        !job.force &&
        found &&
        isCurrent(found.manifest, hash, job.embedder) &&
        (await verifyBuild(found.dir, found.manifest)) === undefined
      ) {
        return { built: false };
      }
      const { files, skipped } = await readCorpus(job.corpusDir);
      if (files.length === 0) {
        const kinds = Object.keys(READERS).join(", ");
        const why = skipped.map((s) => `${s.file}: ${s.reason}`).join("; ");
        throw new IndexError(
          `no readable documents (${kinds}) in ${job.corpusDir}${why ? ` (skipped ${why})` : ""}`,
        );
      }
      const { manifest } = await buildIndex({
        files,
        skipped,
        corpusHash: hash,
        indexDir: job.indexDir,
        embeddings,
        embedder: job.embedder,
        extras: lexiconExtras,
      });
      log("index built", { passages: manifest.passages, ms: manifest.buildMs });
      return { built: true, manifest };
    },
    (holder) =>
      log("waiting for another build of this index", { indexDir: job.indexDir, ...holder }),
  );
}
