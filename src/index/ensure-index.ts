import { mkdir } from "node:fs/promises";
import type { Embeddings } from "@langchain/core/embeddings";
import { corpusDirHash } from "../ingest/corpus-hash.js";
import { READERS } from "../ingest/formats/readers.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { buildIndex } from "./build-index.js";
import { withBuildLock } from "./build-lock.js";
import { lexiconExtras } from "./lexicon-extras.js";
import { IndexError, readManifest, verifyBuild } from "./load-index.js";
import { INDEX_VERSION, isCurrent, type Manifest } from "./manifest.js";
import { knownTexts, readBase } from "./sources.js";

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

/** Whether a build was made, and if so its manifest and the milliseconds of its steps. */
export type Ensured = { built: boolean; manifest?: Manifest; stages?: Record<string, number> };

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
      const t0 = performance.now();
      const hash = await corpusDirHash(job.corpusDir);
      const found = await readManifest(job.indexDir);
      const intact = found && (await verifyBuild(found.dir, found.manifest)) === undefined;
      if (!job.force && found && intact && isCurrent(found.manifest, hash, job.embedder)) {
        return { built: false };
      }
      // the current build, when intact and made by this code and embedder, is the base:
      // its unchanged documents are not read, ingested or embedded again
      const compatible =
        found?.manifest.version === INDEX_VERSION && found.manifest.embedder === job.embedder;
      const base =
        !job.force && found && intact && compatible
          ? await readBase(found.dir, found.manifest)
          : undefined;
      const t1 = performance.now();
      const { files, skipped } = await readCorpus(job.corpusDir, knownTexts(base));
      const t2 = performance.now();
      if (files.length === 0) {
        const kinds = Object.keys(READERS).join(", ");
        const why = skipped.map((s) => `${s.file}: ${s.reason}`).join("; ");
        throw new IndexError(
          `no readable documents (${kinds}) in ${job.corpusDir}${why ? ` (skipped ${why})` : ""}`,
        );
      }
      const built = await buildIndex({
        files,
        skipped,
        corpusHash: hash,
        indexDir: job.indexDir,
        embeddings,
        embedder: job.embedder,
        extras: lexiconExtras(job.indexDir),
        base,
      });
      const { manifest } = built;
      // the steps before the build: hashing and checking what is there, reading the corpus
      const stages = { base: Math.round(t1 - t0), read: Math.round(t2 - t1), ...built.stages };
      log("index built", {
        passages: manifest.passages,
        documents: manifest.documents,
        reused: manifest.reused,
        ms: manifest.buildMs,
        stages,
      });
      return { built: true, manifest, stages };
    },
    (holder) =>
      log("waiting for another build of this index", { indexDir: job.indexDir, ...holder }),
  );
}
