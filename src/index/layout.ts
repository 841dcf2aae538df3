import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The files of one built index, inside its own folder of INDEX_DIR. */
export const FILES = {
  manifest: "manifest.json",
  corpus: "corpus.json",
  lexical: "lexical.json",
  lexicon: "lexicon.json",
  /** every figure of every report as a row (src/figures/) */
  figures: "figures.json",
  /** every passage's embedding, L2-normalized and quantized to int8 (passage-major) */
  vectors: "vectors.i8",
  hnswDir: "hnsw",
  hnsw: ["hnswlib.index", "args.json", "docstore.json"],
} as const;

const CURRENT = "CURRENT";
/** Folder names that builds make: corpus hash prefix and a time stamp. */
const BUILD_NAME = /^[0-9a-f]{12}-[0-9a-z]+$/;

export const buildName = (corpusHash: string) =>
  `${corpusHash.slice(0, 12)}-${Date.now().toString(36)}`;

/** The folder name CURRENT points at, or undefined when there is none. */
export async function readCurrent(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexDir, CURRENT), "utf8")).trim();
    return BUILD_NAME.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A `.tmp-<build>-<pid>` folder whose builder process is gone (a build that crashed). */
function abandoned(folder: string): boolean {
  const pid = Number(folder.match(/^\.tmp-.+-(\d+)$/)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Point CURRENT at a built folder atomically, then remove folders nothing points at. */
export async function setCurrent(indexDir: string, name: string): Promise<void> {
  const tmp = join(indexDir, `.${CURRENT}.${process.pid}.tmp`);
  await writeFile(tmp, `${name}\n`);
  await rename(tmp, join(indexDir, CURRENT));
  for (const entry of await readdir(indexDir, { withFileTypes: true })) {
    if (
      entry.isDirectory() &&
      entry.name !== name &&
      (BUILD_NAME.test(entry.name) || abandoned(entry.name))
    ) {
      await rm(join(indexDir, entry.name), { recursive: true, force: true });
    }
  }
}
